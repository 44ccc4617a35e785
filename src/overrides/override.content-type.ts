import { col, type ContentTypeDef } from '../content-types/content-type';

/** A region's or clinic's value of one field of a brand item. */
export const OVERRIDE_CONTENT: ContentTypeDef = {
  type: 'OVERRIDE',
  table: 'overrides',
  alias: 'o',
  columns: { value: col('value', 'jsonb'), baseValue: col('base_value', 'jsonb') },
  parentColumns: { brandId: col('brand_id') },
  fixedColumns: {
    scope: col('scope'),
    regionId: col('region_id'),
    clinicId: col('clinic_id'),
    entityType: col('entity_type'),
    entityId: col('entity_id'),
    field: col('field'),
  },
  references: {
    regionId: { column: 'region_id', table: 'regions' },
    clinicId: { column: 'clinic_id', table: 'clinics' },
  },
  placementSql: `SELECT x.brand_id, x.scope AS level,
                    CASE WHEN x.scope = 'REGION' THEN ARRAY[x.region_id]
                         ELSE array_remove(ARRAY[(SELECT c.region_id FROM clinics c WHERE c.id = x.clinic_id)], NULL) END AS region_ids,
                    array_remove(ARRAY[x.clinic_id], NULL) AS clinic_ids`,
  textFields: ['value'],
  fieldName: (values, property) => (property === 'value' ? String(values.field) : property),
};
