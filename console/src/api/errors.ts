import type { CombinedError } from 'urql';

/**
 * What an editor reads for each error code the API sends (never a raw message
 * or stack). The codes are those of src/common/domain-error.ts and the request
 * pipeline (graphql/format-error.ts, rate limits, query cost and deadlines).
 */
const BY_CODE: Record<string, string> = {
  FORBIDDEN: 'You may not do this here.',
  NOT_FOUND: 'This no longer exists, or you may not see it.',
  CONFLICT: 'Someone else changed this in the meantime.',
  COMPLIANCE_BLOCKED:
    'This cannot be published yet: a clinical change awaits medical review, or the text makes a claim your brand does not allow.',
  BAD_USER_INPUT: 'Please check the values you entered.',
  UNAUTHENTICATED: 'Your session has ended: please sign in again.',
  RATE_LIMITED: 'Too many requests in a short time. Please wait a moment and try again.',
  SERVICE_UNAVAILABLE: 'The server is busy or being maintained. Please try again shortly.',
  QUERY_TIMEOUT: 'The server took too long to answer. Please try again.',
  RESPONSE_TOO_LARGE: 'This page asked for too much at once. Please reload it.',
  CSRF_PREVENTED: 'The browser refused this request. Please reload the console.',
  BAD_REQUEST: 'The console sent a request the server did not understand. Please reload it.',
  GRAPHQL_PARSE_FAILED: 'The console is out of date. Please reload it.',
  GRAPHQL_VALIDATION_FAILED: 'The console is out of date. Please reload it.',
  OPERATION_RESOLUTION_FAILURE: 'The console is out of date. Please reload it.',
  PERSISTED_QUERY_NOT_FOUND: 'The console is out of date. Please reload it.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'The console is out of date. Please reload it.',
  PERSISTED_QUERY_HASH_MISMATCH: 'The console is out of date. Please reload it.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on the server. Please try again.',
};

/** Codes whose messages the API writes for people (validation, sign-in refusals, when to retry). */
const PASS_MESSAGE = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'CONFLICT', 'RATE_LIMITED']);

export function codeOf(error: CombinedError): string | undefined {
  const code = error.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

export function describeError(error: CombinedError): string {
  if (error.networkError && error.graphQLErrors.length === 0) {
    return 'The server cannot be reached. Check your connection and try again.';
  }
  const first = error.graphQLErrors[0];
  const code = codeOf(error) ?? 'INTERNAL_SERVER_ERROR';
  if (PASS_MESSAGE.has(code) && first?.message) return first.message;
  return BY_CODE[code] ?? BY_CODE.INTERNAL_SERVER_ERROR;
}

/** A refused value, said beside its field: `path` is the input field's name. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * The fields a BAD_USER_INPUT names: the item rules' `problems` (e.g. a price
 * whose validity overlaps another's), else the one `argument` at fault.
 */
export function problemsOf(error: CombinedError): FieldProblem[] {
  const first = error.graphQLErrors[0];
  if (!first || codeOf(error) !== 'BAD_USER_INPUT') return [];
  const { problems, argument } = first.extensions ?? {};
  if (Array.isArray(problems)) {
    return problems
      .filter(
        (p): p is { path: string; rule: string } =>
          typeof p === 'object' && p !== null && 'path' in p && 'rule' in p,
      )
      .map((p) => ({ path: p.path.replace(/^input\./, ''), message: sentence(p.rule) }));
  }
  if (typeof argument === 'string') {
    const field = argument.replace(/^input\./, '');
    const message = first.message.replace(new RegExp(`^${argument}: `), '');
    return [{ path: field, message: sentence(message) }];
  }
  return [];
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
