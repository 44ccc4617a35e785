import { col, type ContentTypeDef, selectList } from '../content-types/content-type';

export const CLINIC_CONTENT: ContentTypeDef = {
  type: 'CLINIC',
  table: 'clinics',
  alias: 'c',
  columns: {
    slug: col('slug'),
    regionId: col('region_id', 'uuid'),
    name: col('name'),
    addressLine1: col('address_line1'),
    addressLine2: col('address_line2'),
    city: col('city'),
    addressRegion: col('address_region'),
    postalCode: col('postal_code'),
    country: col('country'),
    latitude: col('latitude'),
    longitude: col('longitude'),
    phone: col('phone'),
    email: col('email'),
    timezone: col('timezone'),
    locale: col('locale'),
    currency: col('currency'),
    openingHours: col('opening_hours', 'jsonb'),
    operatingStatus: col('operating_status'),
  },
  parentColumns: { brandId: col('brand_id') },
  placementSql: `SELECT x.brand_id, 'CLINIC' AS level,
                    array_remove(ARRAY[x.region_id], NULL) AS region_ids, ARRAY[x.id] AS clinic_ids`,
  references: { regionId: { column: 'region_id', table: 'regions' } },
  brandOnlyFields: ['slug', 'regionId', 'currency'],
  statusByBrand: true,
};

/** The columns of `clinics c` under ClinicEntity's property names, for delivery and partner SQL. */
export const CLINIC_SELECT = selectList(CLINIC_CONTENT);
