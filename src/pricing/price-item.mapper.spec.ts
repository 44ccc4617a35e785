import { moneyOf, priceItemFields } from './price-item.mapper';
import type { PriceItemEntity } from './price-item.entity';

describe('priceItemFields', () => {
  it('formats the amount for the clinic’s locale when `formatted` is read', () => {
    const fields = priceItemFields(
      {
        label: 'Single session',
        kind: 'SINGLE_SESSION',
        amountMinor: 34900,
        currency: 'USD',
      } as PriceItemEntity,
      'en-US',
    );
    expect(fields.amount.amountMinor).toBe(34900);
    expect(fields.amount.currency).toBe('USD');
    expect(fields.amount.formatted).toBe('$349.00');
    expect(moneyOf(34900, 'EUR', 'de-DE').formatted).toBe('349,00\u00a0€');
  });

  it('formats nothing until `formatted` is read (a partner sync rarely asks for it)', () => {
    // An amount formatMoney refuses: building the Money must not format it.
    const money = moneyOf(100, 'NOT-A-CURRENCY', 'en-US');
    expect(money.amountMinor).toBe(100);
    expect(() => money.formatted).toThrow(/Invalid currency code/);
  });
});
