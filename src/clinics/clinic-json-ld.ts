import type { BrandRow } from '../brands/brands.service';
import type { JsonLdBrand } from '../json-ld/json-ld-ids';
import type { JsonLdClinicInput } from '../json-ld/json-ld';
import type { Clinic } from './dtos/clinic.object';

/** What the JSON-LD builders need of a brand (for `@id`s and the parent organization). */
export function jsonLdBrand(brand: BrandRow | null | undefined, fallbackSlug = ''): JsonLdBrand {
  return {
    slug: brand?.slug ?? fallbackSlug,
    name: brand?.name ?? '',
    websiteUrl: brand?.websiteUrl ?? null,
  };
}

/** A delivered clinic as the JSON-LD builders take it (Clinic.jsonLd and Treatment.jsonLd share it). */
export function jsonLdClinic(
  clinic: Clinic,
  brand: BrandRow | null | undefined,
): JsonLdClinicInput {
  return {
    slug: clinic.slug,
    name: clinic.name,
    phone: clinic.phone,
    email: clinic.email,
    address: clinic.address,
    geo: clinic.geo,
    openingHours: clinic.openingHours,
    brand: jsonLdBrand(brand),
    url: brand?.websiteUrl ? `${brand.websiteUrl}/clinics/${clinic.slug}` : null,
  };
}
