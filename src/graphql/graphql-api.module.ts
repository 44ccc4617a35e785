import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { join } from 'node:path';
import { AuditModule } from '../audit/audit.module';
import { AuditResolver } from '../audit/audit.resolver';
import { ApiKeysResolver } from '../auth/api-keys.resolver';
import { AuthModule } from '../auth/auth.module';
import { AuthResolver } from '../auth/auth.resolver';
import { UsersResolver } from '../auth/users.resolver';
import { BrandsModule } from '../brands/brands.module';
import { BrandEditingResolver } from '../brands/brand-editing.resolver';
import { BrandsResolver } from '../brands/brands.resolver';
import { ClinicEditingResolver } from '../clinics/clinic-editing.resolver';
import { ClinicEditorResolver } from '../clinics/clinic-editor.resolver';
import { ClinicsModule } from '../clinics/clinics.module';
import { ClinicsResolver } from '../clinics/clinics.resolver';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { createValidationPipe } from '../common/validation.pipe';
import { ContentResolutionModule } from '../content-resolution/content-resolution.module';
import { FieldPolicyEditingResolver } from '../content-resolution/field-policy-editing.resolver';
import { OverrideEditingModule } from '../content-resolution/override-editing.module';
import { OverrideEditingResolver } from '../content-resolution/override-editing.resolver';
import { EditingModule } from '../editing/editing.module';
import { EditingResolver } from '../editing/editing.resolver';
import { ScheduledPublicationsResolver } from '../editing/scheduled-publications.resolver';
import { FaqEditingResolver } from '../faqs/faq-editing.resolver';
import { FaqsModule } from '../faqs/faqs.module';
import { FaqConnectionResolver, FaqsResolver } from '../faqs/faqs.resolver';
import { PricingEditingResolver } from '../pricing/pricing-editing.resolver';
import { PricingModule } from '../pricing/pricing.module';
import { ProviderEditingResolver } from '../providers/provider-editing.resolver';
import { ProvidersModule } from '../providers/providers.module';
import { ProvidersResolver } from '../providers/providers.resolver';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { RegionEditingResolver } from '../regions/region-editing.resolver';
import { RegionsModule } from '../regions/regions.module';
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
import { WebhooksResolver } from '../webhooks/webhooks.resolver';
import { formatGraphqlError } from './format-error';
import { createGraphqlContext } from './graphql-context';
import { type QueryLimits, queryLimits } from './query-limits';

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
        playground: false,
        includeStacktraceInErrorResponses: false,
        formatError: formatGraphqlError,
        context: createGraphqlContext,
        // parseOptions (token limit), validationRules and plugins.
        ...withPlugins(queryLimits(config), responseCachePlugin, apolloCacheControlDisabled),
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
    ProvidersModule,
    PricingModule,
    ContentResolutionModule,
    EditingModule,
    ReadModeModule,
    OverrideEditingModule,
    SyndicationModule,
    WebhooksModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    AuthResolver,
    UsersResolver,
    ApiKeysResolver,
    AuditResolver,
    BrandsResolver,
    ClinicsResolver,
    TreatmentsResolver,
    TreatmentSectionResolver,
    FaqsResolver,
    FaqConnectionResolver,
    ProvidersResolver,
    EditingResolver,
    ScheduledPublicationsResolver,
    TreatmentEditingResolver,
    BrandEditingResolver,
    RegionEditingResolver,
    ClinicEditingResolver,
    ClinicEditorResolver,
    ProviderEditingResolver,
    PricingEditingResolver,
    FaqEditingResolver,
    OverrideEditingResolver,
    FieldPolicyEditingResolver,
    SyndicationResolver,
    WebhooksResolver,
  ],
})
export class GraphqlApiModule {}

function withPlugins(limits: QueryLimits, ...plugins: QueryLimits['plugins']): QueryLimits {
  return { ...limits, plugins: [...limits.plugins, ...plugins] };
}
