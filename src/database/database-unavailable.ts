/**
 * Telling an outage from a bug: the failures below mean PostgreSQL could
 * not answer in time (down, frozen, restarting, out of connections), so the
 * request may well succeed later. They are answered 503 SERVICE_UNAVAILABLE
 * with Retry-After, which clients, CDNs and monitors understand, instead of
 * a 500 that looks like a defect.
 */

/** Seconds a client is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

export const SERVICE_UNAVAILABLE_MESSAGE =
  'The content database is not answering right now; please try again shortly';

/**
 * SQLSTATE classes and codes of an unavailable server: 08 connection
 * exceptions, 53300 too many connections, 57014 statement timeout, 57P01-03
 * shutdown or not yet accepting connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08...|53300|57014|57P0[123])$/;

/** Node socket errors and the messages pg and pg-pool give for lost or late connections. */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
]);
const UNAVAILABLE_MESSAGE =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error|connection is closed|Cannot use a pool after calling end/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (typeof cause !== 'object') return false;
    const { code, message, driverError } = cause as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
    };
    if (
      typeof code === 'string' &&
      (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))
    ) {
      return true;
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    // TypeORM wraps pg's error as driverError, graphql-js a thrown value
    // that is no Error (of its realm) as thrownValue; others chain with cause.
    const { cause: next, thrownValue } = cause as { cause?: unknown; thrownValue?: unknown };
    cause = driverError ?? thrownValue ?? next;
  }
  return false;
}
