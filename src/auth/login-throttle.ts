/**
 * How long an (account, address) pair waits after using up its free guesses
 * for the n-th time in a day: 1, 2, 4 … minutes, at most an hour. The owner
 * who mistyped a few times waits a minute; a guesser from one address gets
 * a few dozen tries a day. Pure, so the arithmetic is unit tested.
 */
export function lockoutSeconds(lockoutsToday: number): number {
  return Math.min(60 * 2 ** Math.max(0, lockoutsToday - 1), 3600);
}

/** "1 minute", "15 minutes": whole minutes, rounded up, never 0. */
export function describeWait(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
