import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { groupByKeys } from '../graphql/request-loaders';
import { Faq, FaqScope } from './dtos/faq.object';
import { FaqEntity } from './faq.entity';

/** A published FAQ with the ids of the treatments it is about. */
export type FaqRow = FaqEntity & { treatmentIds: string[] };

// The treatment ids per FAQ by index lookups: a join grouped by FAQ made
// PostgreSQL hash all of faq_treatments, which grows with every clinic FAQ.
const FAQ_ROW_SQL = `
  SELECT f.id, f.brand_id AS "brandId", f.clinic_id AS "clinicId", f.question,
         f.answer, f.position, f.updated_at AS "updatedAt",
         ARRAY(SELECT ft.treatment_id FROM faq_treatments ft
                WHERE ft.faq_id = f.id ORDER BY ft.treatment_id) AS "treatmentIds"
    FROM faqs f`;
const FAQ_ROW_GROUP = `ORDER BY f.position, f.id`;

/** Reads published FAQs for delivery. */
@Injectable()
export class FaqsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Each brand's brand-wide FAQs, in brand order. */
  readonly batchBrandFaqsByBrand = async (brandIds: readonly string[]) => {
    const rows: FaqRow[] = await preparedQuery(
      this.db,
      `${FAQ_ROW_SQL}
        WHERE f.brand_id = ANY($1) AND f.clinic_id IS NULL AND f.publication_status = 'PUBLISHED'
        ${FAQ_ROW_GROUP}`,
      [brandIds],
    );
    return groupByKeys(brandIds, rows, (row) => row.brandId);
  };

  /** Each clinic's own FAQs, in the clinic's order. */
  readonly batchClinicFaqsByClinic = async (clinicIds: readonly string[]) => {
    const rows: FaqRow[] = await preparedQuery(
      this.db,
      `${FAQ_ROW_SQL}
        WHERE f.clinic_id = ANY($1) AND f.publication_status = 'PUBLISHED'
        ${FAQ_ROW_GROUP}`,
      [clinicIds],
    );
    return groupByKeys(clinicIds, rows, (row) => row.clinicId as string);
  };

  toFaq(row: FaqRow, text: { question: string; answer: string }, clinicId: string | null): Faq {
    return {
      id: row.id,
      question: text.question,
      answer: text.answer,
      scope: row.clinicId ? FaqScope.CLINIC : FaqScope.BRAND,
      updatedAt: row.updatedAt,
      brandId: row.brandId,
      clinicId,
      treatmentIds: row.treatmentIds,
    };
  }
}
