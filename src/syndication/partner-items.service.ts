import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OpeningHoursEntry } from '../clinics/clinic.entity';
import { ClinicStatus, Weekday } from '../clinics/dtos/clinic.object';
import { FaqScope } from '../faqs/dtos/faq.object';
import { PriceKind } from '../pricing/dtos/price-item.object';
import { formatMoney } from '../pricing/money';
import type { PartnerItemOf } from './dtos/partner-item';
import type { SyndicatedType } from './syndicated-types';

/** Anything that runs SQL: the data source, or a transaction's manager. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

type Row = Record<string, any>;

interface ItemQuery {
  /** SELECT … WHERE <brand = $1 and published> AND ${extra}; the item id is `key`. */
  sql: (extra: string) => string;
  key: string;
  /** The clinic an item belongs to (NULL = brand-wide), for clinic-limited keys. */
  clinic: string | null;
  map: (row: Row) => PartnerItemOf;
}

/**
 * What partners may see of each type, in one place: the published rows and
 * the fields they get. The change feed and the first sync both read here, so
 * what a partner copies is exactly what this says is published now.
 *
 * Visibility follows each item's own status, plus one rule each where a
 * parent partners cannot see decides: an FAQ lists only published
 * treatments, and a price needs its clinic's offering of the treatment to be
 * published. The change recorder announces those dependents when the parent
 * goes live or off delivery (see ContentChangeRecorder).
 */
const QUERIES: Record<SyndicatedType, ItemQuery> = {
  CLINIC: {
    key: 'c.id',
    clinic: 'c.id',
    sql: (extra) => `
      SELECT c.id, c.version, c.updated_at, c.slug, c.name, c.address_line1, c.address_line2,
             c.city, c.address_region, c.postal_code, c.country, c.latitude, c.longitude,
             c.phone, c.email, c.timezone, c.locale, c.currency, c.opening_hours,
             c.operating_status
        FROM clinics c
       WHERE c.brand_id = $1 AND c.publication_status = 'PUBLISHED' AND ${extra}
       ORDER BY c.id`,
    map: (row) => ({
      syndicatedType: 'CLINIC',
      id: row.id,
      version: row.version,
      slug: row.slug,
      name: row.name,
      address: {
        line1: row.address_line1,
        line2: row.address_line2,
        city: row.city,
        region: row.address_region,
        postalCode: row.postal_code,
        country: row.country,
      },
      geo: { lat: row.latitude, lng: row.longitude },
      phone: row.phone,
      email: row.email,
      timezone: row.timezone,
      locale: row.locale,
      currency: row.currency,
      status: row.operating_status as ClinicStatus,
      openingHours: (row.opening_hours as OpeningHoursEntry[]).map((entry) => ({
        ...entry,
        day: entry.day as Weekday,
      })),
      updatedAt: row.updated_at,
    }),
  },
  TREATMENT: {
    key: 't.id',
    clinic: null,
    sql: (extra) => `
      SELECT t.id, t.version, t.updated_at, t.slug, t.name, t.aliases, t.summary, t.facts,
             t.aftercare, t.contraindications, t.combines_with
        FROM treatments t
       WHERE t.brand_id = $1 AND t.publication_status = 'PUBLISHED' AND ${extra}
       ORDER BY t.id`,
    map: (row) => ({
      syndicatedType: 'TREATMENT',
      id: row.id,
      version: row.version,
      slug: row.slug,
      name: row.name,
      aliases: row.aliases,
      summary: row.summary,
      facts: row.facts,
      aftercare: row.aftercare,
      contraindications: row.contraindications,
      combinesWith: row.combines_with,
      updatedAt: row.updated_at,
    }),
  },
  FAQ: {
    key: 'f.id',
    clinic: 'f.clinic_id',
    sql: (extra) => `
      SELECT f.id, f.version, f.updated_at, f.clinic_id, f.question, f.answer, f.position,
             coalesce(array_agg(ft.treatment_id ORDER BY ft.treatment_id)
                        FILTER (WHERE t.publication_status = 'PUBLISHED'), '{}') AS treatment_ids
        FROM faqs f
        LEFT JOIN faq_treatments ft ON ft.faq_id = f.id
        LEFT JOIN treatments t ON t.id = ft.treatment_id
       WHERE f.brand_id = $1 AND f.publication_status = 'PUBLISHED' AND ${extra}
       GROUP BY f.id
       ORDER BY f.id`,
    map: (row) => ({
      syndicatedType: 'FAQ',
      id: row.id,
      version: row.version,
      scope: row.clinic_id ? FaqScope.CLINIC : FaqScope.BRAND,
      clinicId: row.clinic_id,
      question: row.question,
      answer: row.answer,
      position: row.position,
      treatmentIds: row.treatment_ids,
      updatedAt: row.updated_at,
    }),
  },
  PRICE_ITEM: {
    key: 'p.id',
    clinic: 'ct.clinic_id',
    sql: (extra) => `
      SELECT p.id, p.version, p.updated_at, ct.clinic_id, ct.treatment_id, p.label, p.kind,
             p.amount_minor, p.currency, p.is_from_price, p.sessions,
             to_char(p.valid_from, 'YYYY-MM-DD') AS valid_from,
             to_char(p.valid_until, 'YYYY-MM-DD') AS valid_until, p.position, c.locale
        FROM price_items p
        JOIN clinic_treatments ct ON ct.id = p.clinic_treatment_id
        JOIN clinics c ON c.id = ct.clinic_id
       WHERE c.brand_id = $1 AND p.publication_status = 'PUBLISHED'
         AND ct.publication_status = 'PUBLISHED' AND ${extra}
       ORDER BY p.id`,
    map: (row) => ({
      syndicatedType: 'PRICE_ITEM',
      id: row.id,
      version: row.version,
      clinicId: row.clinic_id,
      treatmentId: row.treatment_id,
      label: row.label,
      kind: row.kind as PriceKind,
      amount: {
        amountMinor: row.amount_minor,
        currency: row.currency,
        formatted: formatMoney(row.amount_minor, row.currency, row.locale),
      },
      isFromPrice: row.is_from_price,
      sessions: row.sessions,
      validFrom: row.valid_from,
      validUntil: row.valid_until,
      position: row.position,
      updatedAt: row.updated_at,
    }),
  },
};

/** Reads published items as partners see them. */
@Injectable()
export class PartnerItemsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Up to `limit` visible items of a type with ids after `afterId`, by id
   * (the first sync's walk). `clinicIds` limits clinic items to those clinics.
   */
  list(
    type: SyndicatedType,
    brandId: string,
    afterId: string | null,
    limit: number,
    clinicIds: string[] | null,
  ): Promise<PartnerItemOf[]> {
    const query = QUERIES[type];
    const params: unknown[] = [brandId];
    const where = [this.clinicFilter(query, clinicIds, params)];
    if (afterId) where.push(`${query.key} > $${params.push(afterId)}`);
    return this.run(
      this.db,
      query,
      `${query.sql(where.join(' AND '))} LIMIT $${params.push(limit)}`,
      params,
    );
  }

  /** The visible items among `ids`; an id missing from the answer is not visible (now). */
  byIds(
    db: Queryable,
    type: SyndicatedType,
    brandId: string,
    ids: string[],
    clinicIds: string[] | null,
  ): Promise<PartnerItemOf[]> {
    const query = QUERIES[type];
    const params: unknown[] = [brandId];
    const where = [this.clinicFilter(query, clinicIds, params)];
    where.push(`${query.key} = ANY($${params.push(ids)}::uuid[])`);
    return this.run(db, query, query.sql(where.join(' AND ')), params);
  }

  private clinicFilter(query: ItemQuery, clinicIds: string[] | null, params: unknown[]): string {
    if (!clinicIds || !query.clinic) return 'true';
    return `(${query.clinic} IS NULL OR ${query.clinic} = ANY($${params.push(clinicIds)}::uuid[]))`;
  }

  private async run(
    db: Queryable,
    query: ItemQuery,
    sql: string,
    params: unknown[],
  ): Promise<PartnerItemOf[]> {
    const rows: Row[] = await db.query(sql, params);
    return rows.map(query.map);
  }
}
