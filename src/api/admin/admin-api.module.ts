import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { AuditModule } from '../../audit/audit.module';
import { WebhooksModule } from '../../webhooks/webhooks.module';
import { AccountAdminResolver } from './account-admin.resolver';
import { BrandAccountRightsResolver } from './account-rights.resolver';
import { ApiKeysResolver } from './api-keys.resolver';
import { AuditResolver, BrandAuditRightsResolver } from './audit.resolver';
import { AuthResolver } from './auth.resolver';
import { UsersResolver } from './users.resolver';
import { BrandWebhookRightsResolver, WebhooksResolver } from './webhooks.resolver';

/** The resolvers AdminApiModule declares; GRAPHQL_RESOLVERS joins every API module's list. */
export const ADMIN_RESOLVERS = [
  AccountAdminResolver,
  BrandAccountRightsResolver,
  ApiKeysResolver,
  AuditResolver,
  BrandAuditRightsResolver,
  AuthResolver,
  UsersResolver,
  WebhooksResolver,
  BrandWebhookRightsResolver,
];

/**
 * Accounts and sessions, users, API keys, webhooks and the audit log.
 */
@Module({
  imports: [AuthModule, AuditModule, WebhooksModule],
  providers: ADMIN_RESOLVERS,
})
export class AdminApiModule {}
