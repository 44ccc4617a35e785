/**
 * A failure that stops the app at boot. Its message is the single line
 * printed to the operator, so it names the cause and what to do about it.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

export interface StartupErrorContext {
  /** The URL the app tried to reach (DATABASE_URL or the embedded server's). */
  databaseUrl?: string;
  /** The HTTP port the app tried to listen on. */
  port?: number;
}

const POSTGRES_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
};

/** Turns any boot failure into the one line printed before exiting. */
export function describeStartupError(error: unknown, context: StartupErrorContext = {}): string {
  if (error instanceof StartupError) return error.message;
  if (!(error instanceof Error)) return String(error);

  const code = errorCode(error);
  if (code === 'EADDRINUSE') {
    const port = (error as { port?: number }).port ?? context.port;
    return `Port ${port} is in use: stop the other process or set PORT`;
  }
  if (code === 'EACCES' && (error as { syscall?: string }).syscall === 'listen') {
    const port = (error as { port?: number }).port ?? context.port;
    return `Port ${port} needs privileges this process lacks: set PORT to 1024 or above`;
  }

  const reason = postgresReason(error, code);
  if (reason && context.databaseUrl) {
    return `Cannot reach PostgreSQL at ${serverOf(context.databaseUrl)} (${reason}): start it or fix DATABASE_URL`;
  }
  return firstLine(error.message) + firstDetail(error) || error.name;
}

/** @nestjs/graphql puts the actual schema problems in `details`. */
function firstDetail(error: Error): string {
  const details = (error as { details?: unknown }).details;
  if (!Array.isArray(details) || details.length === 0) return '';
  const first = details[0] as { message?: unknown } | undefined;
  return typeof first?.message === 'string' ? `: ${firstLine(first.message)}` : '';
}

function postgresReason(error: Error, code: string | undefined) {
  if (code && POSTGRES_REASONS[code]) return POSTGRES_REASONS[code];
  // SQLSTATE class 28 = invalid authorization, 3D000 = unknown database.
  if (code && (code.startsWith('28') || code === '3D000')) {
    return firstLine(error.message);
  }
  if (/connection timeout|timeout expired/i.test(error.message)) {
    return 'connection timed out';
  }
  return undefined;
}

/** Node puts `code` on the error; for "localhost" it may be an AggregateError. */
function errorCode(error: Error): string | undefined {
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerCode = (inner as { code?: unknown } | undefined)?.code;
      if (typeof innerCode === 'string') return innerCode;
    }
  }
  return undefined;
}

/** host:port of a database URL, never its password. */
function serverOf(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}`;
  } catch {
    return 'DATABASE_URL';
  }
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0].trim();
}
