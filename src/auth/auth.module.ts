import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ApiKeysService } from './api-keys.service';
import { AuthService } from './auth.service';
import { BrowserSessionController } from './browser-session.controller';
import { BearerAuthService } from './bearer-auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { UsersService } from './users.service';

/**
 * Identities: editor sessions, API keys, accounts. Its middleware (mounted
 * first by RequestPipelineModule) resolves the caller of every request.
 */
@Module({
  imports: [AuditModule],
  controllers: [BrowserSessionController],
  providers: [AuthService, ApiKeysService, BearerAuthService, LoginThrottleService, UsersService],
  exports: [AuthService, ApiKeysService, UsersService, BearerAuthService],
})
export class AuthModule {}
