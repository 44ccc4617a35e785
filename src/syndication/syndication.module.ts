import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ChangeFeedService } from './change-feed.service';
import { ContentChangeRecorder } from './content-change-recorder.service';
import { PartnerItemsService } from './partner-items.service';

/**
 * Partner syndication: the change feed (written by the publisher
 * through ContentChangeRecorder, read by partners). Partner keys' rate
 * limit lives with the other limits in src/rate-limit/.
 */
@Module({
  imports: [WebhooksModule],
  providers: [ContentChangeRecorder, ChangeFeedService, PartnerItemsService],
  exports: [ContentChangeRecorder, ChangeFeedService],
})
export class SyndicationModule {}
