import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { textPlacesBatch } from './item-claims';
import { latestReviewsOfContent, reviewHistories } from './medical-reviews';
import { standingApprovals } from './reviews-due';

/** Batched reads the compliance fields of editor answers share (one statement per request level). */
@Injectable()
export class ComplianceReadService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  readonly batchTextPlaces = (keys: readonly string[]) => textPlacesBatch(this.db.manager, keys);

  /** Keys "TYPE:id:hash": the latest review of that exact content. */
  readonly batchLatestReviews = (keys: readonly string[]) =>
    latestReviewsOfContent(
      this.db.manager,
      keys.map((key) => {
        const [type, id, hash] = key.split(':');
        return { type, id, hash };
      }),
    );

  /** Keys "TYPE:id": the approvals standing for the item's live values. */
  readonly batchStandingApprovals = (keys: readonly string[]) =>
    standingApprovals(this.db.manager, keys);

  /** Keys "TYPE:id": every review of the item, newest first. */
  readonly batchReviewHistories = (keys: readonly string[]) =>
    reviewHistories(this.db.manager, keys);
}
