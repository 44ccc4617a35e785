import { Module } from '@nestjs/common';
import { SyndicationModule } from '../syndication.module';
import { FeedReadAhead } from './feed-read-ahead';
import { FeedReadAheadMiddleware } from './feed-read-ahead.middleware';

/** Partner sync's pages read ahead (FeedReadAhead); RequestPipelineModule mounts the middleware. */
@Module({
  imports: [SyndicationModule],
  providers: [FeedReadAhead, FeedReadAheadMiddleware],
  exports: [FeedReadAhead, FeedReadAheadMiddleware],
})
export class FeedReadAheadModule {}
