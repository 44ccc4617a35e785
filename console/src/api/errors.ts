import type { CombinedError } from 'urql';

/** What an editor reads for each error code the API sends (never a raw message or stack). */
const BY_CODE: Record<string, string> = {
  FORBIDDEN: 'You may not do this here.',
  NOT_FOUND: 'This no longer exists, or you may not see it.',
  CONFLICT: 'Someone else changed this in the meantime.',
  BAD_USER_INPUT: 'Please check the values you entered.',
  UNAUTHENTICATED: 'Your session has ended: please sign in again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on the server. Please try again.',
};

/** Codes whose messages the API writes for people (validation, sign-in refusals). */
const PASS_MESSAGE = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'CONFLICT']);

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
