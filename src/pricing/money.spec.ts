import { formatMoney, minorToDecimalString } from './money';

// Some locales separate digits with (narrow) no-break spaces; compare on plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it.each([
    [1005, 'USD', 'en-US', '$10.05'],
    [0, 'USD', 'en-US', '$0.00'],
    [1, 'USD', 'en-US', '$0.01'],
    [34900, 'USD', 'en-US', '$349.00'],
    [99999999, 'USD', 'en-US', '$999,999.99'],
    [-2550, 'USD', 'en-US', '-$25.50'],
    [1005, 'usd', 'en-US', '$10.05'],
    [12000, 'JPY', 'ja-JP', '￥12,000'],
    [12000, 'JPY', 'en-US', '¥12,000'],
    [1005, 'KWD', 'en-US', 'KWD 1.005'],
    [123456, 'EUR', 'de-DE', '1.234,56 €'],
    [123456, 'EUR', 'fr-FR', '1 234,56 €'],
    [34900, 'GBP', 'en-GB', '£349.00'],
  ])('%d %s in %s → %s', (amount, currency, locale, expected) => {
    expect(plain(formatMoney(amount, currency, locale))).toBe(expected);
  });

  it('never rounds through floating point', () => {
    // 0.29 * 100 === 28.999999999999996 in float arithmetic.
    for (const cents of [29, 1005, 1015, 4350, 100000005, 9007199254740991]) {
      const digits = String(cents).padStart(3, '0');
      const expected = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
      expect(formatMoney(cents, 'USD', 'en-US').replace(/[$,]/g, '')).toBe(expected);
    }
  });

  it.each([[10.5], [Number.NaN], [Infinity], [2 ** 53], ['100' as never]])(
    'rejects the non-integer amount %p',
    (amount) => {
      expect(() => formatMoney(amount, 'USD', 'en-US')).toThrow(
        /safe integer number of minor units/,
      );
    },
  );

  it.each([['US'], ['DOLLAR'], ['XYZ'], [''], ['U$D']])(
    'rejects the currency code %p',
    (currency) => {
      expect(() => formatMoney(100, currency, 'en-US')).toThrow(/Invalid currency code/);
    },
  );

  it('rejects an invalid locale with a clear error', () => {
    expect(() => formatMoney(100, 'USD', 'not a locale!')).toThrow(
      'Invalid locale "not a locale!"',
    );
  });
});

describe('minorToDecimalString', () => {
  it.each([
    [34900, 'USD', '349.00'],
    [1005, 'USD', '10.05'],
    [5, 'USD', '0.05'],
    [0, 'USD', '0.00'],
    [-5, 'EUR', '-0.05'],
    [-0, 'USD', '0.00'],
    [99999999, 'USD', '999999.99'],
    [12000, 'JPY', '12000'],
    [1005, 'KWD', '1.005'],
    [5, 'KWD', '0.005'],
  ])('%d %s → %s', (amount, currency, expected) => {
    expect(minorToDecimalString(amount, currency)).toBe(expected);
  });

  it('rejects non-integers and unknown currencies', () => {
    expect(() => minorToDecimalString(1.5, 'USD')).toThrow(/integer/);
    expect(() => minorToDecimalString(100, 'ABC')).toThrow(/Invalid currency code "ABC"/);
  });
});
