import type { EntityManager } from 'typeorm';
import type { ContentTypeDef } from '../content-types/registry';
import { type FieldText, type TextPlaces, textsOf } from './lint-claims';
import { type ItemPlacement } from '../access/item-access';

/** The texts the claims linter reads in an item's values (ContentTypeDef.textFields). */
export function itemTexts(def: ContentTypeDef, values: Record<string, unknown>): FieldText[] {
  return textsOf(
    values,
    def.textFields ?? [],
    (property) => def.fieldName?.(values, property) ?? property,
  );
}

/** The key of an item's places, for batching (see textPlacesBatch). */
export function placesKey(placement: ItemPlacement | undefined): string {
  // An item without a known place is linted as brand content: every rule applies.
  if (!placement || placement.level === 'BRAND' || placement.level === 'ADMIN') return '*';
  return JSON.stringify([placement.regionIds, placement.clinicIds, placement.level]);
}

/**
 * Where the items of each places key are shown: brand content everywhere;
 * clinic content at its clinics (their states, their regions); region
 * content at every clinic of its regions. One statement for all keys.
 */
export async function textPlacesBatch(
  db: EntityManager,
  keys: readonly string[],
): Promise<TextPlaces[]> {
  const parsed = keys.map((key) =>
    key === '*' ? null : (JSON.parse(key) as [string[], string[], string]),
  );
  const regionIds = [...new Set(parsed.flatMap((p) => (p && p[2] === 'REGION' ? p[0] : [])))];
  const clinicIds = [...new Set(parsed.flatMap((p) => (p ? p[1] : [])))];
  const rows: { id: string; regionId: string | null; state: string | null }[] =
    regionIds.length || clinicIds.length
      ? await db.query(
          `SELECT id, region_id AS "regionId", address_region AS state FROM clinics
            WHERE id = ANY($1::uuid[]) OR region_id = ANY($2::uuid[])`,
          [clinicIds, regionIds],
        )
      : [];
  return parsed.map((p) => {
    if (!p) return { everywhere: true, regionIds: [], states: [] };
    const [regions, clinics, level] = p;
    const shownAt = rows.filter((row) =>
      level === 'REGION'
        ? row.regionId !== null && regions.includes(row.regionId)
        : clinics.includes(row.id),
    );
    return {
      everywhere: false,
      regionIds: regions,
      states: [...new Set(shownAt.flatMap((row) => (row.state ? [row.state.toUpperCase()] : [])))],
    };
  });
}
