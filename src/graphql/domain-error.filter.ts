import { ArgumentsHost, Catch } from '@nestjs/common';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { DomainError, type DomainErrorCode } from '../common/domain-error';

const HTTP_STATUS: Record<DomainErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/**
 * Domain errors are the client's mistakes (bad input, no access, not
 * found): handed back as they are, without Nest's default handler, which
 * logs every non-HTTP exception at error level with its stack.
 * format-error.ts turns them into typed GraphQL errors.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType<GqlContextType>() === 'graphql') return error;
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(HTTP_STATUS[error.code])
      .json({ error: error.code, message: error.message });
  }
}
