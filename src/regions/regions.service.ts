import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { pickByKeys } from '../graphql/request-loaders';
import { Region } from './dtos/region.object';

/** Reads published regions for delivery. */
@Injectable()
export class RegionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  readonly batchById = async (ids: readonly string[]) =>
    pickByKeys(
      ids,
      (await preparedQuery(
        this.db,
        `SELECT id, slug, name FROM regions WHERE id = ANY($1) AND publication_status = 'PUBLISHED'`,
        [ids],
      )) as Region[],
      (region) => region.id,
    );
}
