import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../common/domain-error';
import {
  isDatabaseUnavailable,
  SERVICE_UNAVAILABLE_MESSAGE,
} from '../database/database-unavailable';

const logger = new Logger('GraphQL');

/** Codes produced by GraphQL itself (parse, validation, bad variables). */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  // A refused credential (thrown while the context is built).
  'UNAUTHENTICATED',
  // The request ran past its deadline (execution-ceilings.ts).
  'QUERY_TIMEOUT',
]);

/**
 * Apollo refuses an APQ registration whose sha256Hash is not its query's
 * with this message (status 400) and no code; it is the client's mistake.
 */
const APQ_HASH_MISMATCH_MESSAGE = 'provided sha does not match query';

/**
 * The one place where failures become client errors: domain errors keep
 * their code and message, client mistakes pass through, a database outage
 * is SERVICE_UNAVAILABLE (see database-unavailable.ts), and anything else
 * is logged and answered as a bare INTERNAL_SERVER_ERROR, never a stack.
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...original.details },
    };
  }
  // Apollo gives it no code of its own; it enriches it with the default one.
  if (
    formatted.message === APQ_HASH_MISMATCH_MESSAGE &&
    [undefined, 'INTERNAL_SERVER_ERROR'].includes(formatted.extensions?.code as string | undefined)
  ) {
    return {
      ...base,
      message: 'The persistedQuery sha256Hash is not the SHA-256 of the query sent with it',
      extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
    };
  }
  if (isDatabaseUnavailable(original)) {
    // An outage, not a bug: no stack, and serviceUnavailablePlugin sends 503.
    logger.warn(
      `Database unavailable: ${original instanceof Error ? original.message : String(original)}`,
    );
    return {
      ...base,
      message: SERVICE_UNAVAILABLE_MESSAGE,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  const code = formatted.extensions?.code;
  if ((typeof code === 'string' && CLIENT_CODES.has(code)) || isUncodedClientError(original)) {
    return {
      ...base,
      extensions: {
        code: code === 'BAD_REQUEST' || code === 'INTERNAL_SERVER_ERROR' ? 'BAD_USER_INPUT' : code,
      },
    };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Apollo refuses some requests with a GraphQLError that has an HTTP 4xx
 * status but no code (an APQ hash that does not match its query): the
 * client's mistake, not a server failure to log with its stack.
 */
function isUncodedClientError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: number } | undefined)?.status;
  return status !== undefined && status >= 400 && status < 500;
}
