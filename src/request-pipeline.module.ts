import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { AuthMiddleware } from './auth/auth.middleware';
import { AuthModule } from './auth/auth.module';
import { ResponseSizeLimitMiddleware } from './graphql/response-size-limit.middleware';
import { CookieCsrfMiddleware } from './http/cookie-csrf.middleware';
import { AnonymousRateLimitMiddleware } from './rate-limit/anonymous-rate-limit.middleware';
import { PartnerRateLimitMiddleware } from './rate-limit/partner-rate-limit.middleware';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { ResponseCacheMiddleware } from './response-cache/response-cache.middleware';
import { ResponseCacheModule } from './response-cache/response-cache.module';
import { FeedReadAheadMiddleware } from './syndication/read-ahead/feed-read-ahead.middleware';
import { FeedReadAheadModule } from './syndication/read-ahead/feed-read-ahead.module';

const GRAPHQL = { path: 'graphql', method: RequestMethod.ALL };
const FEEDS = { path: 'feeds/{*path}', method: RequestMethod.ALL };

/**
 * The HTTP middleware, in the one order that is correct, declared in one
 * place (app-wide settings that run before it: configureApp in
 * app-setup.ts): CSRF prevention for requests that carry cookies, who is
 * calling (every route), then the anonymous and partner rate limits (a
 * cached answer still counts against them), then the partner feed's pages
 * read ahead, then the response cache, then the response size ceiling.
 */
@Module({
  imports: [AuthModule, RateLimitModule, FeedReadAheadModule, ResponseCacheModule],
  providers: [
    AuthMiddleware,
    CookieCsrfMiddleware,
    AnonymousRateLimitMiddleware,
    ResponseSizeLimitMiddleware,
  ],
})
export class RequestPipelineModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CookieCsrfMiddleware).forRoutes(GRAPHQL);
    consumer.apply(AuthMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
    consumer.apply(AnonymousRateLimitMiddleware).forRoutes(GRAPHQL, FEEDS);
    consumer.apply(PartnerRateLimitMiddleware).forRoutes(GRAPHQL, FEEDS);
    consumer.apply(FeedReadAheadMiddleware).forRoutes(GRAPHQL);
    consumer.apply(ResponseCacheMiddleware).forRoutes(GRAPHQL);
    // After the cache: an answer it replaces is never stored.
    consumer.apply(ResponseSizeLimitMiddleware).forRoutes(GRAPHQL);
  }
}
