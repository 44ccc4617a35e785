import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { groupByKeys } from '../graphql/request-loaders';
import { PriceItem, PriceKind } from './dtos/price-item.object';
import { formatMoney } from './money';
import { PriceItemEntity } from './price-item.entity';

/** Key of a clinic's offering of a treatment, for the price loader. */
export function offeringKey(clinicId: string, treatmentId: string): string {
  return `${clinicId}:${treatmentId}`;
}

type PriceRow = PriceItemEntity & { offeringKey: string };

/** What a price answer is built from. */
export type OfferedPrice = Pick<
  PriceItemEntity,
  | 'id'
  | 'label'
  | 'kind'
  | 'amountMinor'
  | 'currency'
  | 'isFromPrice'
  | 'sessions'
  | 'validFrom'
  | 'validUntil'
>;

/** Prices delivered today, in the clinic's order (see batchByOffering). */
const CURRENT_PRICE = `p.publication_status = 'PUBLISHED'
          AND (p.valid_from IS NULL OR p.valid_from <= CURRENT_DATE)
          AND (p.valid_until IS NULL OR p.valid_until >= CURRENT_DATE)`;

/**
 * A JSON array of the current prices of the offering `ct` (a clinic_treatments
 * alias), shaped as batchByOffering's rows, for statements that read
 * offerings and want their prices in the same round trip.
 */
export function currentPricesJson(ct: string): string {
  return `(SELECT coalesce(json_agg(json_build_object(
              'id', p.id, 'label', p.label, 'kind', p.kind, 'amountMinor', p.amount_minor,
              'currency', p.currency, 'isFromPrice', p.is_from_price, 'sessions', p.sessions,
              'validFrom', to_char(p.valid_from, 'YYYY-MM-DD'),
              'validUntil', to_char(p.valid_until, 'YYYY-MM-DD')) ORDER BY p.position, p.id), '[]')
             FROM price_items p WHERE p.clinic_treatment_id = ${ct}.id AND ${CURRENT_PRICE})`;
}

/** Reads the published prices clinics charge for treatments. */
@Injectable()
export class PricingService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Prices per offering key, in the clinic's order. Only prices valid today
   * are delivered: an expired offer disappears by itself, a future one
   * appears on its first day.
   */
  readonly batchByOffering = async (keys: readonly string[]): Promise<PriceRow[][]> => {
    const pairs = keys.map((key) => key.split(':'));
    const rows: PriceRow[] = await preparedQuery(
      this.db,
      `SELECT p.id, p.label, p.kind, p.amount_minor AS "amountMinor", p.currency,
              p.is_from_price AS "isFromPrice", p.sessions,
              to_char(p.valid_from, 'YYYY-MM-DD') AS "validFrom",
              to_char(p.valid_until, 'YYYY-MM-DD') AS "validUntil",
              ct.clinic_id || ':' || ct.treatment_id AS "offeringKey"
         FROM clinic_treatments ct
         JOIN unnest($1::uuid[], $2::uuid[]) AS k(clinic_id, treatment_id)
           ON k.clinic_id = ct.clinic_id AND k.treatment_id = ct.treatment_id
         JOIN price_items p ON p.clinic_treatment_id = ct.id
        WHERE ct.publication_status = 'PUBLISHED' AND ${CURRENT_PRICE}
        ORDER BY p.position, p.id`,
      [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
    );
    return groupByKeys(keys, rows, (row) => row.offeringKey);
  };

  toPriceItem(row: OfferedPrice, locale: string): PriceItem {
    return {
      id: row.id,
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
}
