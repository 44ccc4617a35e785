import { BRAND_LEVEL, col, type ContentTypeDef, selectList } from '../content-types/content-type';

export const TREATMENT_CONTENT: ContentTypeDef = {
  type: 'TREATMENT',
  table: 'treatments',
  alias: 't',
  columns: {
    slug: col('slug'),
    name: col('name'),
    aliases: col('aliases', 'text[]'),
    summary: col('summary'),
    sections: col('sections', 'jsonb'),
    facts: col('facts', 'jsonb'),
    aftercare: col('aftercare', 'text[]'),
    contraindications: col('contraindications', 'text[]'),
    combinesWith: col('combines_with', 'text[]'),
    disclaimer: col('disclaimer'),
  },
  parentColumns: { brandId: col('brand_id') },
  placementSql: BRAND_LEVEL(),
  textFields: [
    'name',
    'aliases',
    'summary',
    'sections',
    'aftercare',
    'contraindications',
    'combinesWith',
    'disclaimer',
  ],
};

/** The columns of `treatments t` under TreatmentEntity's property names, for delivery and partner SQL. */
export const TREATMENT_SELECT = selectList(TREATMENT_CONTENT);

/** Treatment fields that regions and clinics may override (delivery resolves these per clinic). */
export const TREATMENT_OVERRIDABLE_FIELDS = [
  'name',
  'aliases',
  'summary',
  'sections',
  'facts',
  'aftercare',
  'contraindications',
  'combinesWith',
  'disclaimer',
] as const;
