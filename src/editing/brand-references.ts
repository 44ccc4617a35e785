import type { EntityManager } from 'typeorm';
import type { BrandTable, ContentTypeDef } from '../content-types/registry';

/**
 * The properties among `values` that point at rows which are not of
 * `brandId`: reference columns (a clinic's region, a clinic FAQ's clinic …)
 * and links (an FAQ's treatments, a provider's clinics). A missing row and
 * another brand's row are alike here, so the answer never tells them apart,
 * and brands never reach each other's content. One statement, whatever the
 * number of references.
 */
export async function outOfBrandReferences(
  tx: EntityManager,
  def: ContentTypeDef,
  brandId: string,
  values: Record<string, unknown>,
): Promise<string[]> {
  const targets: { property: string; table: BrandTable; ids: unknown[] }[] = [];
  for (const [property, ref] of Object.entries(def.references ?? {})) {
    const value = values[property];
    if (value !== undefined && value !== null)
      targets.push({ property, table: ref.table, ids: [value] });
  }
  for (const [property, link] of Object.entries(def.links ?? {})) {
    const ids = values[property];
    if (Array.isArray(ids) && ids.length > 0)
      targets.push({ property, table: link.otherTable, ids });
  }
  if (targets.length === 0) return [];

  const params: unknown[] = [brandId];
  const checks = targets.map(({ property, table, ids }) => {
    const idsParam = `$${params.push(ids)}::uuid[]`;
    const propertyParam = `$${params.push(property)}::text`;
    return `SELECT ${propertyParam} AS property
             WHERE (SELECT count(*) FROM ${table} WHERE id = ANY(${idsParam}) AND brand_id = $1)
                 < (SELECT count(DISTINCT id) FROM unnest(${idsParam}) AS id)`;
  });
  const rows = (await tx.query(checks.join(' UNION ALL '), params)) as { property: string }[];
  return rows.map((row) => row.property);
}
