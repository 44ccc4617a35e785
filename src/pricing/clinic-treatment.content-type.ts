import { col, type ContentTypeDef } from '../content-types/content-type';

/** A clinic's offering of a treatment; its prices hang off it. */
export const CLINIC_TREATMENT_CONTENT: ContentTypeDef = {
  type: 'CLINIC_TREATMENT',
  table: 'clinic_treatments',
  alias: 'ct',
  columns: { notes: col('notes') },
  parentColumns: { clinicId: col('clinic_id'), treatmentId: col('treatment_id') },
  references: { treatmentId: { column: 'treatment_id', table: 'treatments' } },
  placementSql: `SELECT c.brand_id, 'CLINIC' AS level,
                    array_remove(ARRAY[c.region_id], NULL) AS region_ids, ARRAY[c.id] AS clinic_ids
               FROM clinics c WHERE c.id = x.clinic_id`,
  textFields: ['notes'],
};
