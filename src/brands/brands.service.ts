import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pickByKeys } from '../graphql/request-loaders';
import { ContentSources } from '../read-mode/content-sources';
import { PUBLISHED, type ReadMode } from '../read-mode/read-mode';
import { encodeGlobalId } from '../graphql/global-id';
import type { BrandEntity } from './brand.entity';
import type { Brand } from './dtos/brand.object';

export type BrandRow = Pick<
  BrandEntity,
  'id' | 'slug' | 'name' | 'locale' | 'currency' | 'websiteUrl' | 'isSample' | 'updatedAt'
>;

const BRAND_COLUMNS = `
  b.id, b.slug, b.name, b.locale, b.currency, b.website_url AS "websiteUrl",
  b.is_sample AS "isSample", b.updated_at AS "updatedAt"`;

const BRAND_FIELDS: [keyof BrandRow, string][] = [
  ['id', 'id'],
  ['slug', 'slug'],
  ['name', 'name'],
  ['locale', 'locale'],
  ['currency', 'currency'],
  ['websiteUrl', 'website_url'],
  ['isSample', 'is_sample'],
  ['updatedAt', 'updated_at'],
];

/**
 * The brand's columns (of `b`) under a prefix, so a read of another row can
 * bring its brand along (see brandFromRow) and save the brand's own read.
 */
export const brandColumnsAs = (prefix: string) =>
  BRAND_FIELDS.map(([field, column]) => `b.${column} AS "${prefix}${field}"`).join(', ');

/** The brand read along by brandColumnsAs(prefix). */
export function brandFromRow(row: Record<string, unknown>, prefix: string): BrandRow {
  return Object.fromEntries(
    BRAND_FIELDS.map(([field]) => [field, row[`${prefix}${field}`]]),
  ) as unknown as BrandRow;
}

/** Reads brands for delivery (published, or a brand's working copy). */
@Injectable()
export class BrandsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ContentSources,
  ) {}

  /** Every published brand, by name. */
  findAll(): Promise<BrandRow[]> {
    const from = this.sources.of(PUBLISHED);
    return this.db.query(`SELECT ${BRAND_COLUMNS} FROM ${from('brands')} b ORDER BY b.name, b.id`);
  }

  async findBySlug(slug: string, mode: ReadMode): Promise<BrandRow | null> {
    const from = this.sources.of(mode);
    const [row] = await this.db.query(
      `SELECT ${BRAND_COLUMNS} FROM ${from('brands')} b WHERE b.slug = $1`,
      [slug],
    );
    return (row as BrandRow | undefined) ?? null;
  }

  readonly batchById = async (ids: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: BrandRow[] = await this.db.query(
      `SELECT ${BRAND_COLUMNS} FROM ${from('brands')} b WHERE b.id = ANY($1)`,
      [ids],
    );
    return pickByKeys(ids, rows, (brand) => brand.id);
  };
}

/** The delivered brand: its stored (published) or working-copy row in `mode`. */
export function toBrand(row: BrandRow, mode: ReadMode): Brand {
  return {
    ...pickBrandFields(row),
    id: encodeGlobalId({ type: 'Brand', itemId: row.id, clinicId: null, mode }),
    itemId: row.id,
  };
}

function pickBrandFields(row: BrandRow): BrandRow {
  return Object.fromEntries(BRAND_FIELDS.map(([field]) => [field, row[field]])) as BrandRow;
}
