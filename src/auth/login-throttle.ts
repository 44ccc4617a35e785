/**
 * Sliding-window limit: at most `limit` failures within `windowMs`. Given the
 * times of recent failures, how long until one more attempt is allowed
 * (0 = allowed now). Pure, so the window arithmetic is unit tested.
 */
export function retryAfterMs(
  failures: readonly Date[],
  limit: number,
  windowMs: number,
  now: Date,
): number {
  const inWindow = failures
    .map((failure) => failure.getTime())
    .filter((time) => time > now.getTime() - windowMs)
    .sort((a, b) => b - a);
  if (inWindow.length < limit) return 0;
  // Allowed again once fewer than `limit` failures remain in the window,
  // i.e. when the limit-th most recent one slides out of it.
  return inWindow[limit - 1] + windowMs - now.getTime();
}

/** "1 minute", "15 minutes": whole minutes, rounded up, never 0. */
export function describeWait(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
