import { Module } from '@nestjs/common';
import { PostgresRateLimiter } from './postgres-rate-limiter';
import { RATE_LIMITER } from './rate-limiter';

/** Shared rate limits (inject RATE_LIMITER); swap the class here for Redis. */
@Module({
  providers: [{ provide: RATE_LIMITER, useClass: PostgresRateLimiter }],
  exports: [RATE_LIMITER],
})
export class RateLimitModule {}
