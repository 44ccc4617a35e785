import { BRAND_LEVEL, col, type ContentTypeDef } from '../content-types/content-type';

export const REGION_CONTENT: ContentTypeDef = {
  type: 'REGION',
  table: 'regions',
  alias: 'r',
  columns: { slug: col('slug'), name: col('name') },
  parentColumns: { brandId: col('brand_id') },
  placementSql: BRAND_LEVEL(),
};
