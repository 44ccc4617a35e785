/** The longest wait between two attempts. */
export const MAX_RETRY_DELAY_SECONDS = 3600;

/**
 * Seconds to wait after failed attempt number `attempt` (1 = the first
 * try): base, 2×base, 4×base … capped at an hour, each ±20 % so receivers
 * that come back are not hit by every sender at once.
 */
export function retryDelaySeconds(
  attempt: number,
  baseSeconds: number,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const delay = Math.min(baseSeconds * 2 ** exponent, MAX_RETRY_DELAY_SECONDS);
  return delay * (0.8 + 0.4 * random());
}
