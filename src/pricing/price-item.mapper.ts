import { type PriceItem, PriceKind } from './dtos/price-item.object';
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

/** A stored price as delivery and partners show it alike, formatted for the clinic's locale. */
export function priceItemFields(row: PriceItemEntity, locale: string): PriceItemSharedFields {
  return {
    label: row.label,
    kind: row.kind as PriceKind,
    amount: {
      amountMinor: row.amountMinor,
      currency: row.currency,
      formatted: formatMoney(row.amountMinor, row.currency, locale),
    },
    isFromPrice: row.isFromPrice,
    sessions: row.sessions,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
  };
}
