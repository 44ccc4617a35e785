import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pickByKeys } from '../graphql/request-loaders';
import { ContentSources } from '../read-mode/content-sources';
import type { ReadMode } from '../read-mode/read-mode';
import { Region } from './dtos/region.object';

/** Reads regions for delivery. */
@Injectable()
export class RegionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ContentSources,
  ) {}

  readonly batchById = async (ids: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: Region[] = await this.db.query(
      `SELECT r.id, r.slug, r.name FROM ${from('regions')} r WHERE r.id = ANY($1)`,
      [ids],
    );
    return pickByKeys(ids, rows, (region) => region.id);
  };
}
