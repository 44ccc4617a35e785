import { describeWait, lockoutSeconds } from './login-throttle';

describe('lockoutSeconds', () => {
  it('doubles from a minute with each lockout of the day, up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(lockoutSeconds)).toEqual([
      60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]);
  });
});

describe('describeWait', () => {
  it('rounds up to whole minutes, never 0', () => {
    expect(describeWait(1)).toBe('1 minute');
    expect(describeWait(60_001)).toBe('2 minutes');
  });
});
