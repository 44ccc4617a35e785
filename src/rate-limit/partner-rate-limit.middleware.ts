import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import type { AuthenticatedRequest } from '../graphql/graphql-context';
import { RATE_LIMITER } from './rate-limiter';
import type { RateLimiter } from './rate-limiter';
import { isPartnerKey } from '../access/callers';

/**
 * Partner keys' own rate limit, per key, across every instance:
 * PARTNER_RATE_LIMIT_PER_MINUTE requests a minute, all at once if the
 * partner likes (the minute opens with the first of them). Over it,
 * the answer is 429 with Retry-After and a GraphQL-shaped error
 * (`RATE_LIMITED`), before any resolver runs. Runs after the auth middleware
 * (see RequestPipelineModule).
 */
@Injectable()
export class PartnerRateLimitMiddleware implements NestMiddleware {
  constructor(
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    if (req.actor === undefined) {
      // Mounted before the auth middleware: fail loudly rather than let
      // partner keys through unlimited (see RequestPipelineModule).
      next(new Error('PartnerRateLimitMiddleware ran before AuthMiddleware'));
      return;
    }
    if (!isPartnerKey(req.actor)) {
      next();
      return;
    }
    const perMinute = this.config.partnerRateLimitPerMinute;
    try {
      const decision = await this.limiter.consume(`partner:${req.actor.apiKeyId}`, perMinute, 60);
      res.setHeader('x-ratelimit-limit', String(perMinute));
      if (decision.allowed) {
        next();
        return;
      }
      const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterSeconds));
      res
        .status(429)
        .setHeader('retry-after', String(retryAfterSeconds))
        .json({
          errors: [
            {
              message: `Rate limit reached: this partner key may make ${perMinute} requests per minute. Retry in ${retryAfterSeconds} s.`,
              extensions: { code: 'RATE_LIMITED', retryAfterSeconds },
            },
          ],
        });
    } catch (error) {
      next(error);
    }
  }
}
