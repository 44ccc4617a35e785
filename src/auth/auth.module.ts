import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ApiKeysService } from './api-keys.service';
import { AuthMiddleware } from './auth.middleware';
import { AuthService } from './auth.service';
import { BearerAuthService } from './bearer-auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { UsersService } from './users.service';

/**
 * Identities: editor sessions, API keys, accounts. Its middleware resolves
 * the caller of every request (req.actor) before GraphQL runs.
 */
@Module({
  imports: [AuditModule],
  providers: [
    AuthService,
    ApiKeysService,
    BearerAuthService,
    LoginThrottleService,
    UsersService,
    AuthMiddleware,
  ],
  exports: [AuthService, ApiKeysService, UsersService],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
