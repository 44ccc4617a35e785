import { Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { SignedInMutationsGuard } from '../auth/signed-in-mutations.guard';
import { createValidationPipe } from '../common/validation.pipe';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { GraphqlServerModule } from '../graphql/graphql-server';
import { ResponseCacheModule } from '../response-cache/response-cache.module';
import { ADMIN_RESOLVERS, AdminApiModule } from './admin/admin-api.module';
import { COMPLIANCE_RESOLVERS, ComplianceApiModule } from './compliance/compliance-api.module';
import { DELIVERY_RESOLVERS, DeliveryApiModule } from './delivery/delivery-api.module';
import { EDITING_RESOLVERS, EditingApiModule } from './editing/editing-api.module';
import { SYNDICATION_RESOLVERS, SyndicationApiModule } from './syndication/syndication-api.module';

/**
 * Every resolver of the schema: each API module's own list. schema.gql is
 * built from this list without starting the app (write-schema.ts,
 * schema-file.spec.ts), so a resolver an API module declares but does not
 * list would be missing from the committed schema.
 */
export const GRAPHQL_RESOLVERS = [
  ...DELIVERY_RESOLVERS,
  ...EDITING_RESOLVERS,
  ...COMPLIANCE_RESOLVERS,
  ...ADMIN_RESOLVERS,
  ...SYNDICATION_RESOLVERS,
];

/**
 * The public GraphQL endpoint at /graphql: the server (src/graphql) and the
 * API modules that declare its resolvers. Only src/api imports src/api, so
 * domain modules never depend on the API, nor on each other through it
 * (src/api/api-boundary.spec.ts).
 */
@Module({
  imports: [
    GraphqlServerModule,
    AuthModule,
    // After AuthModule: its middleware needs the caller.
    ResponseCacheModule,
    DeliveryApiModule,
    EditingApiModule,
    ComplianceApiModule,
    AdminApiModule,
    SyndicationApiModule,
  ],
  providers: [
    // Guards run before pipes: anonymous mutations are refused before validation.
    { provide: APP_GUARD, useClass: SignedInMutationsGuard },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    // Replaces Nest's DateTime: inputs must name their time zone.
    DateTimeScalar,
  ],
})
export class GraphqlApiModule {}
