import { col, type ContentTypeDef } from '../content-types/content-type';

/** A brand's own settings; only its admins change them. */
export const BRAND_CONTENT: ContentTypeDef = {
  type: 'BRAND',
  table: 'brands',
  alias: 'b',
  columns: {
    name: col('name'),
    locale: col('locale'),
    currency: col('currency'),
    websiteUrl: col('website_url'),
  },
  // Set when the brand is made (CLI); is_sample marks the brand the seed made.
  internalColumns: ['slug', 'is_sample'],
  placementSql: `SELECT x.id AS brand_id, 'ADMIN' AS level, '{}'::uuid[] AS region_ids, '{}'::uuid[] AS clinic_ids`,
};
