import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { RateLimitDecision, RateLimiter } from './rate-limiter';

/**
 * Counters in the `rate_limit_counters` table (rate-limiter-flexible's
 * PostgreSQL store): one row per key and window, updated by one upsert per
 * request, so the limit holds across instances and restarts.
 */
@Injectable()
export class PostgresRateLimiter implements RateLimiter {
  /** The library fixes points and window per limiter: one limiter per limit. */
  private readonly limiters = new Map<string, RateLimiterPostgres>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async consume(key: string, points: number, windowSeconds: number): Promise<RateLimitDecision> {
    try {
      await this.limiter(points, windowSeconds).consume(key);
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return { allowed: false, retryAfterSeconds: refusal.msBeforeNext / 1000 };
    }
  }

  private limiter(points: number, duration: number): RateLimiterPostgres {
    const id = `${points}/${duration}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: this.db,
        storeType: 'typeorm',
        tableName: 'rate_limit_counters',
        tableCreated: true, // by the migration
        // A limit's counters are its own: another limit of the same key counts apart.
        keyPrefix: `rate:${id}`,
        points,
        duration,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
