import { describeWait, retryAfterMs } from './login-throttle';

const MINUTE = 60_000;
const now = new Date('2026-11-25T12:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);

describe('retryAfterMs', () => {
  it('allows attempts while fewer than the limit failed within the window', () => {
    expect(retryAfterMs([ago(1), ago(2)], 3, 15 * MINUTE, now)).toBe(0);
  });

  it('waits until the limit-th most recent failure slides out of the window', () => {
    const failures = [ago(1), ago(2), ago(10)];
    expect(retryAfterMs(failures, 3, 15 * MINUTE, now)).toBe(5 * MINUTE);
  });

  it('ignores failures older than the window', () => {
    expect(retryAfterMs([ago(1), ago(2), ago(16)], 3, 15 * MINUTE, now)).toBe(0);
  });

  it('does not depend on the order the failures come in', () => {
    expect(retryAfterMs([ago(10), ago(1), ago(2)], 3, 15 * MINUTE, now)).toBe(5 * MINUTE);
  });
});

describe('describeWait', () => {
  it('rounds up to whole minutes and never says 0', () => {
    expect(describeWait(1)).toBe('1 minute');
    expect(describeWait(MINUTE + 1)).toBe('2 minutes');
    expect(describeWait(15 * MINUTE)).toBe('15 minutes');
  });
});
