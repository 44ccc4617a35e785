/** The error codes clients see in `errors[].extensions.code`. */
export type DomainErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  /** Too many attempts or a busy server; `retryAfterSeconds` says when to retry. */
  | 'RATE_LIMITED'
  /** A sync cursor of another timeline (a restore since): sync again from scratch. */
  | 'RESYNC_REQUIRED'
  /**
   * A changeset the brand's compliance rules keep off the site (a claim a
   * BLOCK rule matches, a regulated change without a medical approval);
   * `problems` names each item and field.
   */
  | 'COMPLIANCE_BLOCKED';

/**
 * A failure a client can act on. Services throw it; the GraphQL layer maps it
 * to a typed error in one place (graphql/format-error.ts).
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Shorthand for bad input, naming the argument or field at fault. */
export function badInput(argument: string, message: string): DomainError {
  return new DomainError('BAD_USER_INPUT', `${argument}: ${message}`, {
    argument,
  });
}
