import type { ClinicEntity } from './clinic.entity';
import { type Clinic, ClinicStatus, Weekday } from './dtos/clinic.object';

/** The fields of Clinic that partners get too (PartnerClinic picks the same list). */
export const CLINIC_SHARED_FIELDS = [
  'slug',
  'name',
  'address',
  'geo',
  'phone',
  'email',
  'timezone',
  'locale',
  'currency',
  'status',
  'openingHours',
  'updatedAt',
] as const;

export type ClinicSharedFields = Pick<Clinic, (typeof CLINIC_SHARED_FIELDS)[number]>;

/** A stored clinic as delivery and partners show it alike. */
export function clinicFields(row: ClinicEntity): ClinicSharedFields {
  return {
    slug: row.slug,
    name: row.name,
    address: {
      line1: row.addressLine1,
      line2: row.addressLine2,
      city: row.city,
      region: row.addressRegion,
      postalCode: row.postalCode,
      country: row.country,
    },
    geo: { lat: row.latitude, lng: row.longitude },
    phone: row.phone,
    email: row.email,
    timezone: row.timezone,
    locale: row.locale,
    currency: row.currency,
    status: row.operatingStatus as ClinicStatus,
    openingHours: row.openingHours.map((entry) => ({ ...entry, day: entry.day as Weekday })),
    updatedAt: row.updatedAt,
  };
}
