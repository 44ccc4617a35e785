import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLINIC_SELECT } from '../clinics/clinic.content-type';
import type { ClinicEntity } from '../clinics/clinic.entity';
import { clinicFields } from '../clinics/clinic.mapper';
import { FAQ_SELECT } from '../faqs/faq.content-type';
import type { FaqEntity } from '../faqs/faq.entity';
import { faqFields } from '../faqs/faq.mapper';
import { PRICE_ITEM_SELECT } from '../pricing/price-item.content-type';
import type { PriceItemEntity } from '../pricing/price-item.entity';
import { priceItemFields } from '../pricing/price-item.mapper';
import { TREATMENT_SELECT } from '../treatments/treatment.content-type';
import type { TreatmentEntity } from '../treatments/treatment.entity';
import { treatmentFields } from '../treatments/treatment.mapper';
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
 * What partners may see of each type, in one place: the published rows
 * (their columns from the content-type definitions) and the fields they get
 * (the same mappers delivery uses). The change feed and the first sync both read here, so
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
      SELECT ${CLINIC_SELECT}
        FROM clinics c
       WHERE c.brand_id = $1 AND c.publication_status = 'PUBLISHED' AND ${extra}
       ORDER BY c.id`,
    // The mapper's fields spread first: V8 then clones them in one step
    // (a spread after other properties copies them one by one).
    map: (row) => ({
      ...clinicFields(row as ClinicEntity),
      syndicatedType: 'CLINIC',
      id: row.id,
      version: row.version,
    }),
  },
  TREATMENT: {
    key: 't.id',
    clinic: null,
    sql: (extra) => `
      SELECT ${TREATMENT_SELECT}
        FROM treatments t
       WHERE t.brand_id = $1 AND t.publication_status = 'PUBLISHED' AND ${extra}
       ORDER BY t.id`,
    map: (row) => ({
      ...treatmentFields(row as TreatmentEntity),
      syndicatedType: 'TREATMENT',
      id: row.id,
      version: row.version,
      summary: row.summary,
    }),
  },
  FAQ: {
    key: 'f.id',
    clinic: 'f.clinic_id',
    sql: (extra) => `
      SELECT ${FAQ_SELECT},
             coalesce(array_agg(ft.treatment_id ORDER BY ft.treatment_id)
                        FILTER (WHERE t.publication_status = 'PUBLISHED'), '{}') AS "treatmentIds"
        FROM faqs f
        LEFT JOIN faq_treatments ft ON ft.faq_id = f.id
        LEFT JOIN treatments t ON t.id = ft.treatment_id
       WHERE f.brand_id = $1 AND f.publication_status = 'PUBLISHED' AND ${extra}
       GROUP BY f.id
       ORDER BY f.id`,
    map: (row) => ({
      ...faqFields(row as FaqEntity, row.answer),
      syndicatedType: 'FAQ',
      id: row.id,
      version: row.version,
      clinicId: row.clinicId,
      question: row.question,
      position: row.position,
      treatmentIds: row.treatmentIds,
    }),
  },
  PRICE_ITEM: {
    key: 'p.id',
    clinic: 'ct.clinic_id',
    sql: (extra) => `
      SELECT ${PRICE_ITEM_SELECT}, ct.clinic_id AS "clinicId", ct.treatment_id AS "treatmentId",
             c.locale
        FROM price_items p
        JOIN clinic_treatments ct ON ct.id = p.clinic_treatment_id
        JOIN clinics c ON c.id = ct.clinic_id
       WHERE c.brand_id = $1 AND p.publication_status = 'PUBLISHED'
         AND ct.publication_status = 'PUBLISHED' AND ${extra}
       ORDER BY p.id`,
    map: (row) => ({
      ...priceItemFields(row as PriceItemEntity, row.locale),
      syndicatedType: 'PRICE_ITEM',
      id: row.id,
      version: row.version,
      clinicId: row.clinicId,
      treatmentId: row.treatmentId,
      position: row.position,
      updatedAt: row.updatedAt,
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
