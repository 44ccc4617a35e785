import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AccountAdminService } from './account-admin.service';
import { ApiKeysService } from './api-keys.service';
import { AuthService } from './auth.service';
import { BrowserSessionController } from './browser-session.controller';
import { BearerAuthService } from './bearer-auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordCheckQueue } from './password-check-queue';
import { UsersService } from './users.service';

/**
 * Identities: editor sessions, API keys, accounts. Its middleware (mounted
 * first by RequestPipelineModule) resolves the caller of every request.
 */
@Module({
  imports: [AuditModule],
  controllers: [BrowserSessionController],
  providers: [
    AccountAdminService,
    AuthService,
    ApiKeysService,
    BearerAuthService,
    LoginThrottleService,
    PasswordCheckQueue,
    UsersService,
  ],
  exports: [AccountAdminService, AuthService, ApiKeysService, UsersService, BearerAuthService],
})
export class AuthModule {}
