/** The answer to "may this caller make one more request now?" */
export interface RateLimitDecision {
  allowed: boolean;
  /** When refused: seconds until one request is allowed again; 0 when allowed. */
  retryAfterSeconds: number;
}

/**
 * Token buckets shared by every API instance: `capacity` requests at once,
 * refilled at `refillPerSecond`. The store is PostgreSQL today
 * (PostgresRateLimiter); a Redis store (a Lua script doing the same
 * arithmetic) can replace it behind this interface without touching callers.
 */
export interface RateLimiter {
  consume(key: string, capacity: number, refillPerSecond: number): Promise<RateLimitDecision>;
}

export const RATE_LIMITER = Symbol('RATE_LIMITER');
