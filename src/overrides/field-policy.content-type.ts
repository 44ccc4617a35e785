import { BRAND_LEVEL, col, type ContentTypeDef } from '../content-types/content-type';

/** The brand's policy for one overridable field (LOCKED, INHERITABLE, CLINIC_REQUIRED). */
export const FIELD_POLICY_CONTENT: ContentTypeDef = {
  type: 'FIELD_POLICY',
  table: 'field_policies',
  alias: 'fp',
  columns: { policy: col('policy') },
  parentColumns: { brandId: col('brand_id') },
  fixedColumns: { entityType: col('entity_type'), field: col('field') },
  placementSql: BRAND_LEVEL(),
};
