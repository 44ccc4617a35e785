import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { encodeGlobalId } from '../graphql/global-id';
import { groupByKeys, pickByKeys } from '../graphql/request-loaders';
import { ContentSources } from '../read-mode/content-sources';
import type { ReadMode } from '../read-mode/read-mode';
import { PriceItem, PriceValidity } from './dtos/price-item.object';
import { priceItemFields } from './price-item.mapper';
import { PRICE_ITEM_SELECT } from './price-item.content-type';
import { PriceItemEntity } from './price-item.entity';

/** Key of a clinic's offering of a treatment, for the price loader. */
export function offeringKey(clinicId: string, treatmentId: string): string {
  return `${clinicId}:${treatmentId}`;
}

/**
 * A stored price with where its validity stands on the clinic's today, and
 * the next instant that changes by itself (null: never).
 */
export type PriceRow = PriceItemEntity & { validity: PriceValidity; changesAt: Date | null };

type OfferingPriceRow = PriceRow & { offeringKey: string };

/** A price with the clinic that charges it (a refetch by id). */
export type PriceWithClinic = PriceRow & {
  clinicId: string;
  brandId: string;
  locale: string;
};

/**
 * Validity dates are days in the clinic's time zone (`c`), so "today" is the
 * clinic's date, not the database server's.
 */
const CLINIC_TODAY = `(now() AT TIME ZONE c.timezone)::date`;

const VALIDITY = `CASE
    WHEN p.valid_from > ${CLINIC_TODAY} THEN '${PriceValidity.UPCOMING}'
    WHEN p.valid_until < ${CLINIC_TODAY} THEN '${PriceValidity.ENDED}'
    ELSE '${PriceValidity.CURRENT}' END AS validity`;

/**
 * When the price next starts or stops being delivered with no write: the
 * clinic's midnight that begins its first day, or the day after its last.
 */
const CHANGES_AT = `CASE
    WHEN p.valid_from > ${CLINIC_TODAY} THEN p.valid_from::timestamp AT TIME ZONE c.timezone
    WHEN p.valid_until >= ${CLINIC_TODAY} THEN (p.valid_until + 1)::timestamp AT TIME ZONE c.timezone
    END AS "changesAt"`;

const VALID_TODAY = `(p.valid_from IS NULL OR p.valid_from <= ${CLINIC_TODAY})
  AND (p.valid_until IS NULL OR p.valid_until >= ${CLINIC_TODAY})`;

/** Reads the prices clinics charge for treatments (published, or a working copy). */
@Injectable()
export class PricingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ContentSources,
  ) {}

  /**
   * Every price per offering key, in the clinic's order, ended and upcoming
   * ones too, each with its validity: delivery serves the CURRENT ones (an
   * expired offer disappears by itself, a future one appears on its first
   * day), editors see all (they set a price up before its first day).
   */
  readonly batchByOffering = async (
    keys: readonly string[],
    mode: ReadMode,
  ): Promise<PriceRow[][]> => {
    const from = this.sources.of(mode);
    const pairs = keys.map((key) => key.split(':'));
    const rows: OfferingPriceRow[] = await this.db.query(
      `SELECT ${PRICE_ITEM_SELECT}, ${VALIDITY}, ${CHANGES_AT},
              ct.clinic_id || ':' || ct.treatment_id AS "offeringKey"
         FROM ${from('clinic_treatments')} ct
         JOIN unnest($1::uuid[], $2::uuid[]) AS k(clinic_id, treatment_id)
           ON k.clinic_id = ct.clinic_id AND k.treatment_id = ct.treatment_id
         JOIN ${from('clinics')} c ON c.id = ct.clinic_id
         JOIN ${from('price_items')} p ON p.clinic_treatment_id = ct.id
        ORDER BY p.position, p.id`,
      [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
    );
    return groupByKeys(keys, rows, (row) => row.offeringKey);
  };

  /** The id of each clinic's offering of a treatment (keys: offeringKey), null when not offered. */
  readonly batchOfferingIds = async (keys: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const pairs = keys.map((key) => key.split(':'));
    const rows: { id: string; offeringKey: string }[] = await this.db.query(
      `SELECT ct.id, ct.clinic_id || ':' || ct.treatment_id AS "offeringKey"
         FROM ${from('clinic_treatments')} ct
         JOIN unnest($1::uuid[], $2::uuid[]) AS k(clinic_id, treatment_id)
           ON k.clinic_id = ct.clinic_id AND k.treatment_id = ct.treatment_id`,
      [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
    );
    return pickByKeys(keys, rows, (row) => row.offeringKey).map((row) => row?.id ?? null);
  };

  /** Prices valid today by id, with the clinic that charges each. */
  readonly batchById = async (ids: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: PriceWithClinic[] = await this.db.query(
      `SELECT ${PRICE_ITEM_SELECT}, ${VALIDITY}, ${CHANGES_AT}, c.id AS "clinicId", c.brand_id AS "brandId", c.locale
         FROM ${from('price_items')} p
         JOIN ${from('clinic_treatments')} ct ON ct.id = p.clinic_treatment_id
         JOIN ${from('treatments')} t ON t.id = ct.treatment_id
         JOIN ${from('clinics')} c ON c.id = ct.clinic_id
        WHERE p.id = ANY($1) AND ${VALID_TODAY}`,
      [ids],
    );
    return pickByKeys(ids, rows, (row) => row.id);
  };

  /** The delivered price, formatted for the clinic that charges it. */
  toPriceItem(
    row: PriceRow,
    clinic: { id: string; brandId: string; locale: string },
    mode: ReadMode,
  ): PriceItem {
    return {
      id: encodeGlobalId({ type: 'PriceItem', itemId: row.id, clinicId: clinic.id, mode }),
      itemId: row.id,
      ...priceItemFields(row, clinic.locale),
      validity: row.validity,
      brandId: clinic.brandId,
    };
  }
}
