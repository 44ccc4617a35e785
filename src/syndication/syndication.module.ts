import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ChangeFeedService } from './change-feed.service';
import { ContentChangeRecorder } from './content-change-recorder.service';
import { PartnerItemsService } from './partner-items.service';
import { PartnerRateLimitModule } from './partner-rate-limit.module';

/**
 * Partner syndication: the change feed (written by the publisher
 * through ContentChangeRecorder, read by partners) and partner keys' own
 * rate limit.
 */
@Module({
  imports: [WebhooksModule, PartnerRateLimitModule],
  providers: [ContentChangeRecorder, ChangeFeedService, PartnerItemsService],
  exports: [ContentChangeRecorder, ChangeFeedService],
})
export class SyndicationModule {}
