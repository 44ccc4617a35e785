import { col, type ContentTypeDef, selectList } from '../content-types/content-type';

export const FAQ_CONTENT: ContentTypeDef = {
  type: 'FAQ',
  table: 'faqs',
  alias: 'f',
  columns: { question: col('question'), answer: col('answer'), position: col('position') },
  links: {
    treatmentIds: {
      table: 'faq_treatments',
      ownColumn: 'faq_id',
      otherColumn: 'treatment_id',
      otherTable: 'treatments',
    },
  },
  parentColumns: { brandId: col('brand_id') },
  fixedColumns: { clinicId: col('clinic_id') },
  references: { clinicId: { column: 'clinic_id', table: 'clinics' } },
  // Brand FAQs are canonical; a clinic FAQ belongs to its clinic.
  placementSql: `SELECT x.brand_id,
                    CASE WHEN x.clinic_id IS NULL THEN 'BRAND' ELSE 'CLINIC' END AS level,
                    array_remove(ARRAY[(SELECT c.region_id FROM clinics c WHERE c.id = x.clinic_id)], NULL) AS region_ids,
                    array_remove(ARRAY[x.clinic_id], NULL) AS clinic_ids`,
  textFields: ['question', 'answer'],
};

/** The columns of `faqs f` under FaqEntity's property names, for delivery and partner SQL. */
export const FAQ_SELECT = selectList(FAQ_CONTENT);
