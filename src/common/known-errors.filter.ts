import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import {
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
  SERVICE_UNAVAILABLE_MESSAGE,
} from '../database/database-unavailable';
import { DomainError, type DomainErrorCode } from './domain-error';

const HTTP_STATUS: Record<DomainErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  RESYNC_REQUIRED: 409,
  COMPLIANCE_BLOCKED: 409,
};

/**
 * The failures we know, answered outside GraphQL execution (feeds, health,
 * and the middleware that signs a caller in before /graphql runs):
 * - a DomainError is the client's mistake: its status and code, without
 *   Nest's default handler, which logs every such error with its stack;
 * - a database outage is 503 SERVICE_UNAVAILABLE with Retry-After, so
 *   clients, CDNs and monitors can tell it from a bug;
 * on /graphql in GraphQL's error shape, so clients parse it like any other
 * error. Everything else goes to Nest's own handling. Inside GraphQL
 * execution errors are rethrown to Apollo (see formatGraphqlError).
 */
@Catch()
export class KnownErrorsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    // Rethrown, not returned: Nest would hand a returned value to GraphQL as
    // the resolver's result.
    if (host.getType<string>() !== 'http') throw exception;
    const known = describe(exception);
    if (!known) return super.catch(exception, host);

    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    if (response.headersSent) {
      response.end();
      return;
    }
    if (known.status === 503) response.set('Retry-After', String(RETRY_AFTER_SECONDS));
    const body = http.getRequest<Request>().path.startsWith('/graphql')
      ? { errors: [{ message: known.message, extensions: { code: known.code } }] }
      : { error: known.code, message: known.message };
    response.status(known.status).json(body);
  }
}

function describe(exception: unknown): { status: number; code: string; message: string } | null {
  if (exception instanceof DomainError) {
    return {
      status: HTTP_STATUS[exception.code],
      code: exception.code,
      message: exception.message,
    };
  }
  if (isDatabaseUnavailable(exception)) {
    return { status: 503, code: 'SERVICE_UNAVAILABLE', message: SERVICE_UNAVAILABLE_MESSAGE };
  }
  return null;
}
