import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EditingModule } from '../editing/editing.module';
import { ClaimRulesService } from './claim-rules.service';
import { ComplianceReadService } from './compliance-read.service';
import { ComplianceSettingsService } from './compliance-settings.service';
import { MedicalReviewService } from './medical-review.service';
import { ProviderLicencesService } from './provider-licences.service';
import { ClinicalProvenanceService } from './clinical-provenance.service';

/**
 * Clinical compliance: the claims linter, medical review, re-review dates,
 * provider licences and provenance (docs/compliance.md). Its publish checks
 * run inside the publisher (CompliancePublishGate, provided by the
 * editing module); the rest reads and writes through this module.
 */
@Module({
  imports: [AuditModule, EditingModule],
  providers: [
    ClaimRulesService,
    ComplianceReadService,
    ComplianceSettingsService,
    MedicalReviewService,
    ProviderLicencesService,
    ClinicalProvenanceService,
  ],
  exports: [
    ClinicalProvenanceService,
    ProviderLicencesService,
    ClaimRulesService,
    ComplianceReadService,
    ComplianceSettingsService,
    MedicalReviewService,
  ],
})
export class ComplianceModule {}
