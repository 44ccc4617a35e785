import { Inject, Injectable, NestMiddleware, OnModuleDestroy } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { DEPLOYMENT_NAMESPACE } from '../database/deployment-namespace';
import type { AuthenticatedRequest } from '../graphql/graphql-context';
import { type AnonymousLimiter, createAnonymousLimiter } from './anonymous-rate-limiter';

/**
 * Anonymous callers' rate limit, per address (req.ip): up to
 * ANONYMOUS_RATE_LIMIT_PER_MINUTE requests per minute to /graphql and
 * /feeds, answered from the cache or not. Over it, the answer is 429 with
 * Retry-After and (for /graphql) a GraphQL-shaped `RATE_LIMITED` error,
 * before anything else runs. Editors and API keys are not counted here:
 * partner keys have their own limit (partner-rate-limit.middleware.ts). Runs after the auth
 * middleware (RequestPipelineModule); a refused credential counts as
 * anonymous, so sending junk tokens does not escape the limit.
 */
@Injectable()
export class AnonymousRateLimitMiddleware implements NestMiddleware, OnModuleDestroy {
  private readonly counter: AnonymousLimiter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DEPLOYMENT_NAMESPACE) namespace: string,
  ) {
    this.counter = createAnonymousLimiter(config, namespace);
  }

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    if (!this.counter || (req.actor && req.actor.kind !== 'ANONYMOUS')) {
      next();
      return;
    }
    try {
      await this.counter.limiter.consume(req.ip ?? 'unknown');
      next();
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) {
        next(refusal);
        return;
      }
      const retryAfterSeconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      const perMinute = this.config.anonymousRateLimitPerMinute;
      const message = `Rate limit reached: anonymous callers may make ${perMinute} requests per minute from one address. Retry in ${retryAfterSeconds} s.`;
      res.status(429).setHeader('retry-after', String(retryAfterSeconds));
      res.json(
        req.originalUrl.startsWith('/graphql')
          ? { errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds } }] }
          : { error: 'RATE_LIMITED', message },
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.counter?.close();
  }
}
