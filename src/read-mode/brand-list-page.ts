import type { DataSource } from 'typeorm';
import type { PageWindow } from '../graphql/connection';

/** A delivery table of brand items, as one read mode names it (ContentSources.of(mode)). */
export interface BrandListSource {
  /** The table in the read mode, e.g. from('treatments'). */
  table: string;
  alias: string;
  /** The columns to select, qualified by `alias`. */
  select: string;
  /** The brands table in the same read mode. */
  brands: string;
}

/**
 * One page of a brand's items (its treatments, its regions), by name then id
 * (a stable order, so offsets are stable cursors), with the count of all.
 */
export async function brandListPage<T>(
  db: DataSource,
  source: BrandListSource,
  brandSlug: string,
  window: PageWindow,
): Promise<{ rows: T[]; totalCount: number }> {
  const { table, alias, select, brands } = source;
  const rows: (T & { total_count: string })[] = await db.query(
    `SELECT ${select}, count(*) OVER () AS total_count
       FROM ${table} ${alias} JOIN ${brands} b ON b.id = ${alias}.brand_id
      WHERE b.slug = $1
      ORDER BY ${alias}.name, ${alias}.id
      LIMIT $2 OFFSET $3`,
    [brandSlug, window.limit, window.offset],
  );
  return { rows, totalCount: rows.length ? Number(rows[0].total_count) : 0 };
}
