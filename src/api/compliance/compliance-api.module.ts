import { Module } from '@nestjs/common';
import { ComplianceModule } from '../../compliance/compliance.module';
import { ClaimRulesResolver } from './claim-rules.resolver';
import { ClinicalStatusResolver } from './clinical-status.resolver';
import { EditableItemComplianceResolver } from './editable-item-compliance.resolver';
import { MedicalReviewResolver } from './medical-review.resolver';
import { ProviderLicencesResolver } from './provider-licences.resolver';

/** The resolvers ComplianceApiModule declares; GRAPHQL_RESOLVERS joins every API module's list. */
export const COMPLIANCE_RESOLVERS = [
  ClaimRulesResolver,
  ClinicalStatusResolver,
  EditableItemComplianceResolver,
  MedicalReviewResolver,
  ProviderLicencesResolver,
];

/**
 * Clinical compliance for editors: claim rules, medical review, provider licences, re-review dates and provenance, and what compliance says about an item.
 */
@Module({
  imports: [ComplianceModule],
  providers: COMPLIANCE_RESOLVERS,
})
export class ComplianceApiModule {}
