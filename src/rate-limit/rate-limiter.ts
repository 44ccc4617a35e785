/** The answer to "may this caller make one more request now?" */
export interface RateLimitDecision {
  allowed: boolean;
  /** When refused: seconds until a request is allowed again; 0 when allowed. */
  retryAfterSeconds: number;
}

/**
 * Request limits shared by every API instance: at most `points` requests
 * per key in a window of `windowSeconds` that opens with the key's first
 * request (so a whole allowance may be spent at once). The store is
 * PostgreSQL today (PostgresRateLimiter, rate-limiter-flexible); the
 * library's Redis store can replace it behind this interface without
 * touching callers.
 */
export interface RateLimiter {
  consume(key: string, points: number, windowSeconds: number): Promise<RateLimitDecision>;
}

export const RATE_LIMITER = Symbol('RATE_LIMITER');
