import { MAX_RETRY_DELAY_SECONDS, retryDelaySeconds } from './retry-policy';

describe('retryDelaySeconds', () => {
  const middle = () => 0.5;

  it('doubles from the base per attempt', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelaySeconds(n, 30, middle))).toEqual([
      30, 60, 120, 240, 480,
    ]);
  });

  it('never waits more than an hour, however many attempts', () => {
    expect(retryDelaySeconds(12, 30, middle)).toBe(MAX_RETRY_DELAY_SECONDS);
    expect(retryDelaySeconds(10_000, 30, middle)).toBe(MAX_RETRY_DELAY_SECONDS);
  });

  it('spreads retries by ±20 %', () => {
    expect(retryDelaySeconds(1, 100, () => 0)).toBe(80);
    expect(retryDelaySeconds(1, 100, () => 0.999999)).toBeCloseTo(120, 3);
  });

  it('keeps retrying for at least a day with the default base', () => {
    // Worst case (every wait 20 % short): how many attempts fit in 24 h?
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < 24 * 3600) {
      attempts += 1;
      elapsed += retryDelaySeconds(attempts, 30, () => 0);
    }
    expect(attempts).toBeGreaterThan(20);
  });
});
