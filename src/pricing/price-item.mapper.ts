import { type Money, type PriceItem, PriceKind } from './dtos/price-item.object';
import { formatMoney } from './money';
import type { PriceItemEntity } from './price-item.entity';

/** The fields of PriceItem that partners get too (PartnerPriceItem picks the same list). */
export const PRICE_ITEM_SHARED_FIELDS = [
  'label',
  'kind',
  'amount',
  'isFromPrice',
  'sessions',
  'validFrom',
  'validUntil',
] as const;

export type PriceItemSharedFields = Pick<PriceItem, (typeof PRICE_ITEM_SHARED_FIELDS)[number]>;

/** The locale a Money is formatted for (a symbol: not a field, not serialized). */
const LOCALE = Symbol('locale');

/**
 * Money whose `formatted` is rendered when read (on the prototype, as
 * GraphQL reads it): a partner's first sync lists 150,000 prices and most
 * clients select only `amountMinor` and `currency`.
 */
const LAZY_MONEY = Object.defineProperty({}, 'formatted', {
  get(this: Money & { [LOCALE]: string }): string {
    return formatMoney(this.amountMinor, this.currency, this[LOCALE]);
  },
}) as Money;

/** An amount of minor units as GraphQL's Money, formatted for `locale` when read. */
export function moneyOf(amountMinor: number, currency: string, locale: string): Money {
  const money = Object.create(LAZY_MONEY) as Money & { [LOCALE]: string };
  money.amountMinor = amountMinor;
  money.currency = currency;
  money[LOCALE] = locale;
  return money;
}

/** A stored price as delivery and partners show it alike, formatted for the clinic's locale. */
export function priceItemFields(row: PriceItemEntity, locale: string): PriceItemSharedFields {
  return {
    label: row.label,
    kind: row.kind as PriceKind,
    amount: moneyOf(row.amountMinor, row.currency, locale),
    isFromPrice: row.isFromPrice,
    sessions: row.sessions,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
  };
}
