import type { EntityManager } from 'typeorm';
import type { ContentTypeDef } from './content-types';

/**
 * The properties of a row whose references point outside `brandId`: its
 * reference columns (a clinic's region, a clinic FAQ's clinic …) and its
 * link rows (an FAQ's treatments, a provider's clinics). Foreign keys only
 * prove the target exists; this keeps every brand's content to itself.
 * One statement, whatever the number of references.
 */
export async function foreignReferences(
  tx: EntityManager,
  def: ContentTypeDef,
  id: string,
  brandId: string,
): Promise<string[]> {
  const checks: string[] = [];
  for (const [property, ref] of Object.entries(def.references ?? {})) {
    checks.push(`x.${ref.column} IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM ${ref.table} r WHERE r.id = x.${ref.column} AND r.brand_id = $2) AS "${property}"`);
  }
  for (const [property, link] of Object.entries(def.links ?? {})) {
    checks.push(`EXISTS (
      SELECT 1 FROM ${link.table} l JOIN ${link.otherTable} o ON o.id = l.${link.otherColumn}
       WHERE l.${link.ownColumn} = x.id AND o.brand_id <> $2) AS "${property}"`);
  }
  if (checks.length === 0) return [];
  const [row] = (await tx.query(`SELECT ${checks.join(', ')} FROM ${def.table} x WHERE x.id = $1`, [
    id,
    brandId,
  ])) as Record<string, boolean>[];
  return Object.keys(row ?? {}).filter((property) => row[property]);
}
