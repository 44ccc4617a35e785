import { Module } from '@nestjs/common';
import { EditingModule } from '../editing/editing.module';
import { OverridesModule } from '../overrides/overrides.module';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { DriftActionsService } from './drift-actions.service';
import { DriftReportService } from './drift-report.service';
import { FieldPolicyImpactService } from './field-policy-impact.service';

/** The drift report, its bulk actions and field policy impacts (brand-wide editors). */
@Module({
  imports: [EditingModule, OverridesModule, ReadModeModule],
  providers: [DriftReportService, DriftActionsService, FieldPolicyImpactService],
  exports: [DriftReportService, DriftActionsService, FieldPolicyImpactService],
})
export class DriftModule {}
