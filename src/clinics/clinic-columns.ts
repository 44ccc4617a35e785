/**
 * The columns of `clinics c`, aliased to ClinicEntity's property names, for
 * hand-written delivery SQL (see clinics.service.ts).
 */
export const CLINIC_COLUMNS = `
  c.id, c.brand_id AS "brandId", c.region_id AS "regionId", c.slug, c.name,
  c.address_line1 AS "addressLine1", c.address_line2 AS "addressLine2", c.city,
  c.address_region AS "addressRegion", c.postal_code AS "postalCode", c.country,
  c.latitude, c.longitude, c.phone, c.email, c.timezone, c.locale, c.currency,
  c.opening_hours AS "openingHours", c.operating_status AS "operatingStatus",
  c.version, c.updated_at AS "updatedAt"`;
