import { DomainError } from '../common/domain-error';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

/**
 * Turns a constraint PostgreSQL refused into a client error, or returns null
 * for anything else (which then surfaces as an internal error).
 */
export function fromDatabaseError(error: unknown): DomainError | null {
  const pg = (error as { driverError?: PgError }).driverError ?? (error as PgError);
  const constraint = pg.constraint ?? pg.column ?? 'value';
  switch (pg.code) {
    case '23505':
      return new DomainError(
        'CONFLICT',
        `Already taken (${constraint}): ${pg.detail ?? ''}`.trim(),
        {
          constraint,
        },
      );
    case '23514':
      return new DomainError('BAD_USER_INPUT', `Breaks the rule ${constraint}`, { constraint });
    case '23503':
      return new DomainError(
        'BAD_USER_INPUT',
        `Refers to an item that does not exist (${constraint})`,
        {
          constraint,
        },
      );
    case '23502':
      return new DomainError('BAD_USER_INPUT', `${constraint} is required`, {
        argument: constraint,
      });
    case '40P01':
    case '40001':
      // Two writes waited on each other's locks (e.g. a changeset and a
      // single save of the same items); PostgreSQL undid this one.
      return new DomainError(
        'CONFLICT',
        'Another change to the same items ran at the same time; reload and try again',
      );
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return new DomainError('BAD_USER_INPUT', 'A value has the wrong format or is out of range');
    default:
      return null;
  }
}
