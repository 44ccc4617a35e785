import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { textPlacesBatch } from './item-claims';

/** Batched reads the compliance fields of editor answers share (one statement per request level). */
@Injectable()
export class ComplianceReadService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  readonly batchTextPlaces = (keys: readonly string[]) => textPlacesBatch(this.db.manager, keys);
}
