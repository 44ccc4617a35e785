import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { join } from 'node:path';
import { AuditModule } from '../audit/audit.module';
import { AuditResolver, BrandAuditRightsResolver } from '../audit/audit.resolver';
import { ApiKeysResolver } from '../auth/api-keys.resolver';
import { AuthModule } from '../auth/auth.module';
import { AccountAdminResolver } from '../auth/account-admin.resolver';
import { BrandAccountRightsResolver } from '../auth/account-rights.resolver';
import { AuthResolver } from '../auth/auth.resolver';
import { SignedInMutationsGuard } from '../auth/signed-in-mutations.guard';
import { UsersResolver } from '../auth/users.resolver';
import { BrandsModule } from '../brands/brands.module';
import { BrandEditingResolver } from '../brands/brand-editing.resolver';
import { BrandContentRightsResolver } from '../brands/brand-content-rights.resolver';
import { BrandsResolver } from '../brands/brands.resolver';
import { ClinicEditingResolver } from '../clinics/clinic-editing.resolver';
import { ClinicEditorResolver } from '../clinics/clinic-editor.resolver';
import { MarkdownPreviewResolver } from '../clinics/markdown-preview.resolver';
import { ClinicsModule } from '../clinics/clinics.module';
import { ClinicsResolver } from '../clinics/clinics.resolver';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { createValidationPipe } from '../common/validation.pipe';
import { devExplorerEnabled } from '../http/dev-explorer';
import { ClaimRulesResolver } from '../compliance/claim-rules.resolver';
import { ComplianceModule } from '../compliance/compliance.module';
import { EditableItemComplianceResolver } from '../compliance/editable-item-compliance.resolver';
import { MedicalReviewResolver } from '../compliance/medical-review.resolver';
import { ProviderLicencesResolver } from '../compliance/provider-licences.resolver';
import { ClinicalStatusResolver } from '../compliance/clinical-status.resolver';
import { ContentResolutionModule } from '../content-resolution/content-resolution.module';
import { FieldPolicyEditingResolver } from '../content-resolution/field-policy-editing.resolver';
import { OverrideEditingModule } from '../content-resolution/override-editing.module';
import { OverrideEditingResolver } from '../content-resolution/override-editing.resolver';
import { DriftModule } from '../drift/drift.module';
import { BrandDriftRightsResolver, DriftResolver } from '../drift/drift.resolver';
import { FieldPolicyImpactResolver } from '../drift/field-policy-impact.resolver';
import { EditingModule } from '../editing/editing.module';
import { AuditEntryItemResolver } from '../editing/audit-entry-item.resolver';
import { EditableItemResolver } from '../editing/editable-item.resolver';
import {
  FaqEditableResolver,
  ProviderEditableResolver,
  TreatmentEditableResolver,
} from '../editing/editable-twin.resolver';
import { EditingResolver } from '../editing/editing.resolver';
import { ScheduledPublicationsResolver } from '../editing/scheduled-publications.resolver';
import { FaqEditingResolver } from '../faqs/faq-editing.resolver';
import { FaqDeliveryModule } from '../faqs/faq-delivery.module';
import { FaqsModule } from '../faqs/faqs.module';
import { FaqConnectionResolver, FaqsResolver } from '../faqs/faqs.resolver';
import { PricingEditingResolver } from '../pricing/pricing-editing.resolver';
import {
  PriceItemEditableResolver,
  TreatmentOfferingResolver,
} from '../pricing/pricing-editable.resolver';
import { PricingModule } from '../pricing/pricing.module';
import { ProviderEditingResolver } from '../providers/provider-editing.resolver';
import { ProvidersModule } from '../providers/providers.module';
import { ProvidersResolver } from '../providers/providers.resolver';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { RegionEditingResolver } from '../regions/region-editing.resolver';
import { RegionsModule } from '../regions/regions.module';
import { RegionsResolver } from '../regions/regions.resolver';
import { ResponseCacheModule } from '../response-cache/response-cache.module';
import {
  apolloCacheControlDisabled,
  responseCachePlugin,
} from '../response-cache/response-cache.plugin';
import { ResponseCacheService } from '../response-cache/response-cache.service';
import { SyndicationModule } from '../syndication/syndication.module';
import { SyndicationResolver } from '../syndication/syndication.resolver';
import { TreatmentEditingResolver } from '../treatments/treatment-editing.resolver';
import { TreatmentsModule } from '../treatments/treatments.module';
import { TreatmentSectionResolver, TreatmentsResolver } from '../treatments/treatments.resolver';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { BrandWebhookRightsResolver, WebhooksResolver } from '../webhooks/webhooks.resolver';
import { boundListFields } from './execution-ceilings';
import { DateTimeScalar } from './date-time.scalar';
import { formatGraphqlError } from './format-error';
import { NodeResolver } from './node.resolver';
import { createGraphqlContext } from './graphql-context';
import { type QueryLimits, queryLimits } from './query-limits';
import { serviceUnavailablePlugin } from './service-unavailable.plugin';

/**
 * Every resolver of the schema. schema-file.ts builds schema.gql from this
 * list without starting the app, so a resolver registered anywhere else
 * would be missing from the committed schema (schema-file.spec.ts fails).
 */
export const GRAPHQL_RESOLVERS = [
  AuthResolver,
  UsersResolver,
  AccountAdminResolver,
  BrandAccountRightsResolver,
  ApiKeysResolver,
  AuditResolver,
  BrandAuditRightsResolver,
  BrandsResolver,
  ClinicsResolver,
  TreatmentsResolver,
  TreatmentSectionResolver,
  FaqsResolver,
  FaqConnectionResolver,
  ProvidersResolver,
  EditingResolver,
  EditableItemResolver,
  AuditEntryItemResolver,
  FaqEditableResolver,
  ProviderEditableResolver,
  TreatmentEditableResolver,
  PriceItemEditableResolver,
  TreatmentOfferingResolver,
  ScheduledPublicationsResolver,
  TreatmentEditingResolver,
  BrandEditingResolver,
  BrandContentRightsResolver,
  RegionsResolver,
  RegionEditingResolver,
  ClinicEditingResolver,
  ClinicEditorResolver,
  MarkdownPreviewResolver,
  ProviderEditingResolver,
  PricingEditingResolver,
  FaqEditingResolver,
  OverrideEditingResolver,
  FieldPolicyEditingResolver,
  DriftResolver,
  BrandDriftRightsResolver,
  FieldPolicyImpactResolver,
  SyndicationResolver,
  WebhooksResolver,
  BrandWebhookRightsResolver,
  ClaimRulesResolver,
  EditableItemComplianceResolver,
  MedicalReviewResolver,
  ProviderLicencesResolver,
  ClinicalStatusResolver,
  NodeResolver,
];

/**
 * The public GraphQL endpoint at /graphql. Feature modules provide services;
 * the resolvers that join them into the schema are declared here, so
 * features never import each other in a circle.
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [ResponseCacheModule],
      inject: [APP_CONFIG, ResponseCacheService],
      useFactory: (config: AppConfig, responseCache: ResponseCacheService) => ({
        path: '/graphql',
        // Outside production the schema is written to schema.gql (committed),
        // so a change to the public contract shows in review.
        autoSchemaFile: config.nodeEnv === 'production' ? true : join(process.cwd(), 'schema.gql'),
        sortSchema: true,
        introspection: config.graphqlIntrospection,
        // Apollo Sandbox instead (below), outside production only.
        graphiql: false,
        // Cookie-carrying requests are checked by CookieCsrfMiddleware;
        // token-authenticated GET queries need no preflight (docs/api.md).
        csrfPrevention: false,
        includeStacktraceInErrorResponses: false,
        formatError: formatGraphqlError,
        // Nest would reset every answer that has data to 200, which would
        // hide serviceUnavailablePlugin's 503 from clients and CDNs.
        preserveHttpStatusForExecutionErrors: false,
        // Cuts every list to its declared bound and stops a request past its deadline.
        transformSchema: boundListFields,
        context: createGraphqlContext,
        // parseOptions (token limit), validationRules and plugins.
        ...withPlugins(
          queryLimits(config),
          responseCachePlugin,
          apolloCacheControlDisabled,
          serviceUnavailablePlugin,
          ...(devExplorerEnabled(config)
            ? [ApolloServerPluginLandingPageLocalDefault({ embed: true }) as ApolloPlugin]
            : []),
        ),
        // Automatic persisted queries, shared by every instance when the
        // response cache is in Redis.
        persistedQueries: { cache: responseCache.persistedQueries() },
      }),
    }),
    AuthModule,
    // After AuthModule: its middleware needs the caller.
    ResponseCacheModule,
    AuditModule,
    BrandsModule,
    RegionsModule,
    ClinicsModule,
    TreatmentsModule,
    FaqsModule,
    FaqDeliveryModule,
    ProvidersModule,
    PricingModule,
    ContentResolutionModule,
    EditingModule,
    ReadModeModule,
    OverrideEditingModule,
    DriftModule,
    SyndicationModule,
    WebhooksModule,
    ComplianceModule,
  ],
  providers: [
    // Guards run before pipes: anonymous mutations are refused before validation.
    { provide: APP_GUARD, useClass: SignedInMutationsGuard },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    // Replaces Nest's DateTime: inputs must name their time zone.
    DateTimeScalar,
    ...GRAPHQL_RESOLVERS,
  ],
})
export class GraphqlApiModule {}

type ApolloPlugin = QueryLimits['plugins'][number];

function withPlugins(limits: QueryLimits, ...plugins: QueryLimits['plugins']): QueryLimits {
  return { ...limits, plugins: [...limits.plugins, ...plugins] };
}
