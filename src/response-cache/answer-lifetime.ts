import type { Request } from 'express';

/** Set on a request whose answer changes by itself at a known time (epoch ms). */
export const ANSWER_EXPIRES_AT = Symbol('answerExpiresAt');

declare module 'express-serve-static-core' {
  interface Request {
    [ANSWER_EXPIRES_AT]?: number;
  }
}

/**
 * Content that changes with time alone, with no write to invalidate it (a
 * provider hidden the moment a licence expires), caps how long its answer
 * may be kept: the response cache and HTTP caches keep it no longer than
 * the soonest such moment (see response-cache.middleware.ts).
 */
export function expireAnswerBy(req: Request | undefined, at: Date | string | null | undefined) {
  if (!req || at === null || at === undefined) return;
  const ms = new Date(at).getTime();
  if (!Number.isFinite(ms)) return;
  const current = req[ANSWER_EXPIRES_AT];
  if (current === undefined || ms < current) req[ANSWER_EXPIRES_AT] = ms;
}

/** Whole seconds left before `expiresAt` (never more than `max`); 0 once it passed. */
export function secondsLeft(expiresAt: number | undefined, max: number, now = Date.now()): number {
  if (expiresAt === undefined) return max;
  return Math.max(0, Math.min(max, Math.floor((expiresAt - now) / 1000)));
}
