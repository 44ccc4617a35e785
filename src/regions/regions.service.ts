import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PageWindow } from '../graphql/connection';
import { pickByKeys } from '../graphql/request-loaders';
import { ContentSources } from '../read-mode/content-sources';
import type { ReadMode } from '../read-mode/read-mode';
import { encodeGlobalId } from '../graphql/global-id';
import { Region } from './dtos/region.object';

export interface RegionRow {
  id: string;
  brandId: string;
  slug: string;
  name: string;
}

/** Reads regions for delivery. */
@Injectable()
export class RegionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ContentSources,
  ) {}

  /** One page of the brand's regions, by name. */
  async list(
    brandSlug: string,
    window: PageWindow,
    mode: ReadMode,
  ): Promise<{ rows: RegionRow[]; totalCount: number }> {
    const from = this.sources.of(mode);
    const rows: (RegionRow & { total_count: string })[] = await this.db.query(
      `SELECT r.id, r.brand_id AS "brandId", r.slug, r.name, count(*) OVER () AS total_count
         FROM ${from('regions')} r JOIN ${from('brands')} b ON b.id = r.brand_id
        WHERE b.slug = $1
        ORDER BY r.name, r.id
        LIMIT $2 OFFSET $3`,
      [brandSlug, window.limit, window.offset],
    );
    return { rows, totalCount: rows.length ? Number(rows[0].total_count) : 0 };
  }

  readonly batchById = async (ids: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: RegionRow[] = await this.db.query(
      `SELECT r.id, r.brand_id AS "brandId", r.slug, r.name FROM ${from('regions')} r WHERE r.id = ANY($1)`,
      [ids],
    );
    return pickByKeys(ids, rows, (region) => region.id);
  };
}

/** The delivered region, in `mode`. */
export function toRegion(row: Omit<RegionRow, 'brandId'>, mode: ReadMode): Region {
  return {
    id: encodeGlobalId({ type: 'Region', itemId: row.id, clinicId: null, mode }),
    itemId: row.id,
    slug: row.slug,
    name: row.name,
  };
}
