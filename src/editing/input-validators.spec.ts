import { isCalendarDate, isCurrencyCode, isLocaleTag, isTimeZone } from './input-validators';

describe('input validators', () => {
  it.each([
    ['USD', true],
    ['EUR', true],
    ['JPY', true],
    ['usd', false],
    ['XYZ', false],
    ['US', false],
    [42, false],
  ])('currency %j → %s', (value, ok) => expect(isCurrencyCode(value)).toBe(ok));

  it.each([
    ['America/Chicago', true],
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Etc/GMT+5', true],
    ['america/chicago', false],
    ['+01:00', false],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('time zone %j → %s', (value, ok) => expect(isTimeZone(value)).toBe(ok));

  it.each([
    ['en-US', true],
    ['de', true],
    ['pt-BR', true],
    ['en_US', false],
    ['english', false],
    ['123', false],
    ['x'.repeat(40), false],
  ])('locale %j → %s', (value, ok) => expect(isLocaleTag(value)).toBe(ok));

  it.each([
    ['2026-01-31', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-1', false],
    ['2026-01-01T00:00:00Z', false],
    ['1850-01-01', false],
  ])('date %j → %s', (value, ok) => expect(isCalendarDate(value)).toBe(ok));
});
