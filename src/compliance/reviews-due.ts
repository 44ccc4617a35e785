import type { EntityManager } from 'typeorm';

/** A regulated value that went live with an approval, and when it is due for re-review. */
export interface ApprovedValueRow {
  entityType: string;
  entityId: string;
  /** "TYPE.field" (an override's is the field it overrides). */
  field: string;
  approvedAt: Date;
  approvedBy: string;
  reviewDueAt: Date;
  level: string;
  regionIds: string[];
  clinicIds: string[];
}

/**
 * The approval that stands for each regulated value live now: per item and
 * field, the latest approval that a publish followed (an approval of a
 * draft never published dates nothing). Its due date is the brand's review
 * interval after it.
 */
const STANDING_APPROVALS = `
  SELECT DISTINCT ON (r.entity_type, r.entity_id, f.field)
         r.entity_type AS "entityType", r.entity_id AS "entityId", f.field,
         r.created_at AS "approvedAt", r.reviewer_label AS "approvedBy",
         r.review_due_at AS "reviewDueAt", r.level, r.region_ids AS "regionIds",
         r.clinic_ids AS "clinicIds"
    FROM medical_reviews r CROSS JOIN LATERAL unnest(r.fields) AS f(field)
   WHERE r.decision = 'APPROVED'
     AND EXISTS (SELECT 1 FROM revisions v
                  WHERE v.entity_type = r.entity_type AND v.entity_id = r.entity_id
                    AND v.action = 'PUBLISH' AND v.created_at >= r.created_at)`;

const ORDER = `ORDER BY r.entity_type, r.entity_id, f.field, r.created_at DESC, r.id DESC`;

/** Largest answer of the due list. */
export const MAX_REVIEWS_DUE = 500;

/**
 * Values of a brand whose re-review is due within `withinDays` or overdue,
 * soonest first; at a region or clinic, the values placed there (its
 * overrides and local items).
 */
export async function reviewsDue(
  db: EntityManager,
  brandId: string,
  filter: { withinDays: number; regionId: string | null; clinicId: string | null },
): Promise<ApprovedValueRow[]> {
  return db.query(
    `SELECT * FROM (${STANDING_APPROVALS} AND r.brand_id = $1 ${ORDER}) standing
      WHERE "reviewDueAt" <= now() + make_interval(days => $2::int)
        AND ($3::uuid IS NULL OR $3 = ANY("regionIds"))
        AND ($4::uuid IS NULL OR $4 = ANY("clinicIds"))
      ORDER BY "reviewDueAt", "entityType", "entityId", field
      LIMIT ${MAX_REVIEWS_DUE}`,
    [brandId, filter.withinDays, filter.regionId, filter.clinicId],
  );
}

/** The standing approvals of each item (keys "TYPE:id"), one statement. */
export async function standingApprovals(
  db: EntityManager,
  keys: readonly string[],
): Promise<ApprovedValueRow[][]> {
  const pairs = keys.map((key) => key.split(':'));
  const rows: ApprovedValueRow[] = await db.query(
    `${STANDING_APPROVALS}
       AND (r.entity_type, r.entity_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
     ${ORDER}`,
    [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
  );
  return keys.map((key) => rows.filter((row) => `${row.entityType}:${row.entityId}` === key));
}
