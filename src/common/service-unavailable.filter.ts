import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import {
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
  SERVICE_UNAVAILABLE_MESSAGE,
} from '../database/database-unavailable';

/**
 * Outside GraphQL execution (feeds, health, and the middleware that signs a
 * caller in before /graphql runs), a database outage is answered 503 with
 * Retry-After, in GraphQL's error shape on /graphql so clients parse it like
 * any other error. Everything else goes to Nest's own handling; GraphQL
 * resolver errors pass through to Apollo (see formatGraphqlError).
 */
@Catch()
export class ServiceUnavailableFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    // Rethrown, not returned: Nest would hand a returned value to GraphQL as
    // the resolver's result.
    if (host.getType<string>() !== 'http') throw exception;
    if (!isDatabaseUnavailable(exception)) return super.catch(exception, host);

    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    if (response.headersSent) {
      response.end();
      return;
    }
    const code = 'SERVICE_UNAVAILABLE';
    const body = http.getRequest<Request>().path.startsWith('/graphql')
      ? { errors: [{ message: SERVICE_UNAVAILABLE_MESSAGE, extensions: { code } }] }
      : { statusCode: 503, code, message: SERVICE_UNAVAILABLE_MESSAGE };
    response.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json(body);
  }
}
