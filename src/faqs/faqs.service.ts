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

/**
 * A JSON array of the published FAQs of `faqs f` matching `where`, shaped as
 * FaqRow (read it with faqRowsFromJson), for statements that read a clinic's
 * FAQs along with other things.
 */
export function faqRowsJson(where: string): string {
  return `(SELECT coalesce(json_agg(json_build_object(
              'id', f.id, 'brandId', f.brand_id, 'clinicId', f.clinic_id, 'question', f.question,
              'answer', f.answer, 'position', f.position, 'updatedAt', f.updated_at,
              'treatmentIds', ARRAY(SELECT ft.treatment_id FROM faq_treatments ft
                                     WHERE ft.faq_id = f.id ORDER BY ft.treatment_id))
            ORDER BY f.position, f.id), '[]')
             FROM faqs f WHERE ${where} AND f.publication_status = 'PUBLISHED')`;
}

/** FaqRows read as JSON: timestamps come as text. */
export function faqRowsFromJson(
  rows: (Omit<FaqRow, 'updatedAt'> & { updatedAt: string })[],
): FaqRow[] {
  return rows.map((row) => ({ ...row, updatedAt: new Date(row.updatedAt) }) as FaqRow);
}

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
