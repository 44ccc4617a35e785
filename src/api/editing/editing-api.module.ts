import { Module } from '@nestjs/common';
import { EditingModule } from '../../editing/editing.module';
import { ClinicsModule } from '../../clinics/clinics.module';
import { TreatmentsModule } from '../../treatments/treatments.module';
import { FaqsModule } from '../../faqs/faqs.module';
import { PricingModule } from '../../pricing/pricing.module';
import { ContentResolutionModule } from '../../content-resolution/content-resolution.module';
import { OverridesModule } from '../../overrides/overrides.module';
import { DriftModule } from '../../drift/drift.module';
import { AuditEntryItemResolver } from './audit-entry-item.resolver';
import { BrandContentRightsResolver } from './brand-content-rights.resolver';
import { BrandEditingResolver } from './brand-editing.resolver';
import { ClinicEditingResolver } from './clinic-editing.resolver';
import { ClinicEditorResolver } from './clinic-editor.resolver';
import { BrandDriftRightsResolver, DriftResolver } from './drift.resolver';
import { EditableItemResolver } from './editable-item.resolver';
import {
  FaqEditableResolver,
  ProviderEditableResolver,
  TreatmentEditableResolver,
} from './editable-twin.resolver';
import { EditingResolver } from './editing.resolver';
import { FaqEditingResolver } from './faq-editing.resolver';
import { FieldPolicyEditingResolver } from './field-policy-editing.resolver';
import { FieldPolicyImpactResolver } from './field-policy-impact.resolver';
import { MarkdownPreviewResolver } from './markdown-preview.resolver';
import { OverrideEditingResolver } from './override-editing.resolver';
import { PriceItemEditableResolver, TreatmentOfferingResolver } from './pricing-editable.resolver';
import { PricingEditingResolver } from './pricing-editing.resolver';
import { ProviderEditingResolver } from './provider-editing.resolver';
import { RegionEditingResolver } from './region-editing.resolver';
import { ScheduledPublicationsResolver } from './scheduled-publications.resolver';
import { TreatmentEditingResolver } from './treatment-editing.resolver';

/** The resolvers EditingApiModule declares; GRAPHQL_RESOLVERS joins every API module's list. */
export const EDITING_RESOLVERS = [
  AuditEntryItemResolver,
  BrandContentRightsResolver,
  BrandEditingResolver,
  ClinicEditingResolver,
  ClinicEditorResolver,
  DriftResolver,
  BrandDriftRightsResolver,
  EditableItemResolver,
  FaqEditableResolver,
  ProviderEditableResolver,
  TreatmentEditableResolver,
  EditingResolver,
  FaqEditingResolver,
  FieldPolicyEditingResolver,
  FieldPolicyImpactResolver,
  MarkdownPreviewResolver,
  OverrideEditingResolver,
  PriceItemEditableResolver,
  TreatmentOfferingResolver,
  PricingEditingResolver,
  ProviderEditingResolver,
  RegionEditingResolver,
  ScheduledPublicationsResolver,
  TreatmentEditingResolver,
];

/**
 * What editors read and write: items and their drafts, publishing and schedules, history, overrides and field policies, drift, and the console's editor fields on delivered types.
 */
@Module({
  imports: [
    EditingModule,
    ClinicsModule,
    TreatmentsModule,
    FaqsModule,
    PricingModule,
    ContentResolutionModule,
    OverridesModule,
    DriftModule,
  ],
  providers: EDITING_RESOLVERS,
})
export class EditingApiModule {}
