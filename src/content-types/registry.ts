import { BRAND_CONTENT } from '../brands/brand.content-type';
import { CLINIC_CONTENT } from '../clinics/clinic.content-type';
import { FIELD_POLICY_CONTENT } from '../overrides/field-policy.content-type';
import { OVERRIDE_CONTENT } from '../overrides/override.content-type';
import { FAQ_CONTENT } from '../faqs/faq.content-type';
import { CLINIC_TREATMENT_CONTENT } from '../pricing/clinic-treatment.content-type';
import { PRICE_ITEM_CONTENT } from '../pricing/price-item.content-type';
import { PROVIDER_CONTENT } from '../providers/provider.content-type';
import { REGION_CONTENT } from '../regions/region.content-type';
import { TREATMENT_CONTENT } from '../treatments/treatment.content-type';
import type { ContentType, ContentTypeDef } from './content-type';

export * from './content-type';

/**
 * Every content type, by name: the one list the write path, preview,
 * delivery, partner sync, compliance and the CLI read. Each definition
 * lives beside its entity.
 */
export const CONTENT_TYPE_DEFS: Record<ContentType, ContentTypeDef> = {
  BRAND: BRAND_CONTENT,
  REGION: REGION_CONTENT,
  CLINIC: CLINIC_CONTENT,
  TREATMENT: TREATMENT_CONTENT,
  FAQ: FAQ_CONTENT,
  PROVIDER: PROVIDER_CONTENT,
  CLINIC_TREATMENT: CLINIC_TREATMENT_CONTENT,
  PRICE_ITEM: PRICE_ITEM_CONTENT,
  OVERRIDE: OVERRIDE_CONTENT,
  FIELD_POLICY: FIELD_POLICY_CONTENT,
};
