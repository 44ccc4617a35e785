import type { DataSource } from 'typeorm';
import { CONTENT_TYPE_DEFS, type ContentType } from '../content-types/registry';

/**
 * Unpublished drafts per clinic: every row, of any content type, that its
 * own scope SQL places at the CLINIC level of that clinic (the clinic
 * itself, its offered treatments, prices, FAQs, overrides) and that is unpublished (never published, or with a
 * draft). Region and brand drafts are not a clinic's.
 */
export async function draftCountsByClinic(
  db: DataSource,
  clinicIds: readonly string[],
): Promise<number[]> {
  const perType = Object.values(CONTENT_TYPE_DEFS).map(
    (def) => `SELECT unnest(s.clinic_ids) AS clinic_id
                FROM ${def.table} x CROSS JOIN LATERAL (${def.placementSql}) s
               WHERE (x.draft IS NOT NULL OR x.publication_status = 'DRAFT')
                 AND s.level = 'CLINIC' AND s.clinic_ids && $1::uuid[]`,
  );
  const rows: { clinic_id: string; n: string }[] = await db.query(
    `SELECT clinic_id, count(*) AS n FROM (${perType.join(' UNION ALL ')}) d GROUP BY clinic_id`,
    [clinicIds],
  );
  const counts = new Map(rows.map((row) => [row.clinic_id, Number(row.n)]));
  return clinicIds.map((id) => counts.get(id) ?? 0);
}

/** At most this many drafts are listed per clinic (a list of the changes tray). */
export const MAX_LISTED_DRAFTS = 200;

/**
 * The unpublished drafts placed at one clinic (the same rows draftCountsByClinic
 * counts), as (type, id) pairs, most recently saved first.
 */
export async function draftsOfClinic(
  db: DataSource,
  clinicId: string,
): Promise<{ type: ContentType; id: string }[]> {
  const perType = Object.values(CONTENT_TYPE_DEFS).map(
    (def) => `SELECT '${def.type}' AS type, x.id, x.updated_at
                FROM ${def.table} x CROSS JOIN LATERAL (${def.placementSql}) s
               WHERE (x.draft IS NOT NULL OR x.publication_status = 'DRAFT')
                 AND s.level = 'CLINIC' AND $1::uuid = ANY(s.clinic_ids)`,
  );
  return db.query(
    `SELECT type, id FROM (${perType.join(' UNION ALL ')}) d
      ORDER BY updated_at DESC, id LIMIT ${MAX_LISTED_DRAFTS}`,
    [clinicId],
  );
}

/** Where an actor edits, for the drafts listing: the whole brand, or regions, or clinics. */
export interface DraftPlaces {
  brandId: string;
  wholeBrand: boolean;
  regionIds: string[];
  clinicIds: string[];
}

/**
 * The unpublished drafts of a brand at the given places (any of its region
 * ids or clinic ids, or the whole brand), of every content type, most
 * recently saved first: the candidates of an editor's changes tray, before
 * the caller's publish rights are checked item by item.
 */
export async function draftsAtPlaces(
  db: DataSource,
  places: DraftPlaces,
): Promise<{ type: ContentType; id: string }[]> {
  const perType = Object.values(CONTENT_TYPE_DEFS).map(
    (def) => `SELECT '${def.type}' AS type, x.id, x.updated_at
                FROM ${def.table} x CROSS JOIN LATERAL (${def.placementSql}) s
               WHERE (x.draft IS NOT NULL OR x.publication_status = 'DRAFT')
                 AND s.brand_id = $1
                 AND ($2 OR s.region_ids && $3::uuid[] OR s.clinic_ids && $4::uuid[])`,
  );
  return db.query(
    `SELECT type, id FROM (${perType.join(' UNION ALL ')}) d
      ORDER BY updated_at DESC, id LIMIT ${MAX_LISTED_DRAFTS}`,
    [places.brandId, places.wholeBrand, places.regionIds, places.clinicIds],
  );
}
