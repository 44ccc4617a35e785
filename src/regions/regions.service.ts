import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PageWindow } from '../graphql/connection';
import { pickByKeys } from '../graphql/request-loaders';
import { brandListPage } from '../read-mode/brand-list-page';
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

const REGION_SELECT = `r.id, r.brand_id AS "brandId", r.slug, r.name`;

/** Reads regions for delivery. */
@Injectable()
export class RegionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ContentSources,
  ) {}

  /** One page of the brand's regions, by name. */
  list(brandSlug: string, window: PageWindow, mode: ReadMode) {
    const from = this.sources.of(mode);
    return brandListPage<RegionRow>(
      this.db,
      { table: from('regions'), alias: 'r', select: REGION_SELECT, brands: from('brands') },
      brandSlug,
      window,
    );
  }

  readonly batchById = async (ids: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: RegionRow[] = await this.db.query(
      `SELECT ${REGION_SELECT} FROM ${from('regions')} r WHERE r.id = ANY($1)`,
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
