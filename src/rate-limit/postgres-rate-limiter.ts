import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RateLimitDecision, RateLimiter } from './rate-limiter';

/** The bucket's tokens now: what was left plus the refill since, up to capacity. */
const REFILLED = `LEAST($2, b.tokens + EXTRACT(EPOCH FROM clock_timestamp() - b.updated_at) * $3)`;

/**
 * Token buckets in the `rate_limit_buckets` table: one row per key, updated
 * by one upsert per request, so the limit holds across instances and
 * restarts. The row lock of the upsert serializes a key's requests.
 */
@Injectable()
export class PostgresRateLimiter implements RateLimiter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async consume(
    key: string,
    capacity: number,
    refillPerSecond: number,
  ): Promise<RateLimitDecision> {
    const [row] = await this.db.query(
      `INSERT INTO rate_limit_buckets AS b (key, tokens, allowed, updated_at)
       VALUES ($1, $2 - 1, true, clock_timestamp())
       ON CONFLICT (key) DO UPDATE SET
         tokens = CASE WHEN ${REFILLED} >= 1 THEN ${REFILLED} - 1 ELSE ${REFILLED} END,
         allowed = ${REFILLED} >= 1,
         updated_at = clock_timestamp()
       RETURNING allowed, tokens`,
      [key, capacity, refillPerSecond],
    );
    return {
      allowed: row.allowed,
      retryAfterSeconds: row.allowed ? 0 : (1 - Number(row.tokens)) / refillPerSecond,
    };
  }
}
