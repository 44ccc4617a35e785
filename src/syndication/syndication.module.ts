import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PostgresRateLimiter } from '../rate-limit/postgres-rate-limiter';
import { RATE_LIMITER } from '../rate-limit/rate-limiter';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ChangeFeedService } from './change-feed.service';
import { ContentChangeRecorder } from './content-change-recorder.service';
import { PartnerItemsService } from './partner-items.service';
import { PartnerRateLimitMiddleware } from './partner-rate-limit.middleware';

/**
 * Partner syndication: the change feed (written by the content writer
 * through ContentChangeRecorder, read by partners) and partner keys' rate
 * limit. AuthModule is imported so that Nest mounts its middleware, which
 * sets req.actor, before this module's.
 */
@Module({
  imports: [AuthModule, WebhooksModule],
  providers: [
    ContentChangeRecorder,
    ChangeFeedService,
    PartnerItemsService,
    PartnerRateLimitMiddleware,
    { provide: RATE_LIMITER, useClass: PostgresRateLimiter },
  ],
  exports: [ContentChangeRecorder, ChangeFeedService],
})
export class SyndicationModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(PartnerRateLimitMiddleware)
      .forRoutes(
        { path: 'graphql', method: RequestMethod.ALL },
        { path: 'feeds/{*path}', method: RequestMethod.ALL },
      );
  }
}
