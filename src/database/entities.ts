import { AuditLogEntity } from '../audit/audit-log.entity';
import { ApiKeyEntity } from '../auth/api-key.entity';
import { RetiredRefreshTokenEntity } from '../auth/retired-refresh-token.entity';
import { SessionEntity } from '../auth/session.entity';
import { UserClinicEntity, UserRegionEntity } from '../auth/user-assignments.entity';
import { UserEntity } from '../auth/user.entity';
import { BrandEntity } from '../brands/brand.entity';
import { ClinicEntity } from '../clinics/clinic.entity';
import { FieldPolicyEntity } from '../overrides/field-policy.entity';
import { OverrideEntity } from '../overrides/override.entity';
import { FaqTreatmentEntity } from '../faqs/faq-treatment.entity';
import { FaqEntity } from '../faqs/faq.entity';
import { ClinicTreatmentEntity } from '../pricing/clinic-treatment.entity';
import { PriceItemEntity } from '../pricing/price-item.entity';
import { ProviderClinicEntity, ProviderTreatmentEntity } from '../providers/provider-links.entity';
import { ProviderEntity } from '../providers/provider.entity';
import { RegionEntity } from '../regions/region.entity';
import { TreatmentEntity } from '../treatments/treatment.entity';

/** Every entity, listed explicitly so no glob depends on the build layout. */
export const ENTITIES = [
  BrandEntity,
  RegionEntity,
  ClinicEntity,
  TreatmentEntity,
  FaqEntity,
  FaqTreatmentEntity,
  ProviderEntity,
  ProviderClinicEntity,
  ProviderTreatmentEntity,
  ClinicTreatmentEntity,
  PriceItemEntity,
  OverrideEntity,
  FieldPolicyEntity,
  UserEntity,
  UserRegionEntity,
  UserClinicEntity,
  SessionEntity,
  RetiredRefreshTokenEntity,
  ApiKeyEntity,
  AuditLogEntity,
];
