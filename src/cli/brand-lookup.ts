import type { DataSource } from 'typeorm';
import { UsageError } from './cli-args';

export interface BrandRef {
  id: string;
  slug: string;
}

/** The brand named by --brand, of any publication status (it may not be live yet). */
export async function findBrand(db: DataSource, slug: string): Promise<BrandRef> {
  const [brand] = (await db.query(`SELECT id, slug FROM brands WHERE slug = $1`, [slug])) as
    BrandRef[] | [];
  if (brand) return brand;
  const others = (await db.query(`SELECT slug FROM brands ORDER BY slug LIMIT 10`)) as {
    slug: string;
  }[];
  const hint = others.length
    ? `the brands are ${others.map((other) => other.slug).join(', ')}`
    : 'the database has no brand yet';
  throw new UsageError(`--brand: there is no brand "${slug}" (${hint})`);
}

/** The ids of the brand's regions or clinics named by slug, in the order given. */
export async function idsOfSlugs(
  db: DataSource,
  table: 'regions' | 'clinics',
  flag: string,
  brand: BrandRef,
  slugs: string[] | undefined,
): Promise<string[] | undefined> {
  if (slugs === undefined) return undefined;
  const rows = (await db.query(
    `SELECT id, slug FROM ${table} WHERE brand_id = $1 AND slug = ANY($2)`,
    [brand.id, slugs],
  )) as { id: string; slug: string }[];
  const idOf = new Map(rows.map((row) => [row.slug, row.id]));
  const unknown = slugs.find((slug) => !idOf.has(slug));
  if (unknown !== undefined) {
    const noun = table === 'regions' ? 'region' : 'clinic';
    throw new UsageError(`${flag}: brand ${brand.slug} has no ${noun} "${unknown}"`);
  }
  return slugs.map((slug) => idOf.get(slug)!);
}
