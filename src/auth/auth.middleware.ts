import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { DomainError } from '../common/domain-error';
import type { AuthenticatedRequest } from '../graphql/graphql-context';
import { ANONYMOUS } from './actor';
import { BearerAuthService } from './bearer-auth.service';

/**
 * Resolves the caller once per request and sets `req.actor`. A credential
 * that is sent but not valid sets `req.authError` instead: the GraphQL
 * context turns it into a 401 UNAUTHENTICATED for the whole request, while
 * routes that need no identity (health probes) are not disturbed by it.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  constructor(private readonly bearerAuth: BearerAuthService) {}

  async use(req: AuthenticatedRequest, _res: Response, next: NextFunction): Promise<void> {
    try {
      req.actor = await this.bearerAuth.authenticate(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'UNAUTHENTICATED')) {
        next(error);
        return;
      }
      req.actor = ANONYMOUS;
      req.authError = error.message;
    }
    next();
  }
}
