import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { PartnerRateLimitMiddleware } from './partner-rate-limit.middleware';

/**
 * Mounts the partner rate limit. Nest mounts middleware of shallower modules
 * first; this module is only imported by SyndicationModule, a sibling of
 * AuthModule, so it sits deeper and its middleware runs after the auth
 * middleware has set req.actor (the middleware refuses to run otherwise).
 */
@Module({
  imports: [RateLimitModule],
  providers: [PartnerRateLimitMiddleware],
})
export class PartnerRateLimitModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(PartnerRateLimitMiddleware)
      .forRoutes(
        { path: 'graphql', method: RequestMethod.ALL },
        { path: 'feeds/{*path}', method: RequestMethod.ALL },
      );
  }
}
