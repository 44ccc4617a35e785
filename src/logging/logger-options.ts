import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config';

/** Query-string parameters whose values are logged as they are; any other value is redacted. */
const LOGGED_PARAMETERS = new Set(['operationName', 'extensions']);
const REDACTED = '[Redacted]';

/**
 * nestjs-pino's options, in one place: what a request line holds and at
 * which level. Credentials never reach the log: authorization, API key and
 * cookie headers are redacted, and so are query-string values (a GET
 * /graphql carries the whole operation and its variables in the URL, so a
 * login sent as GET would log the password). `destination` lets tests read
 * the lines.
 */
export function loggerOptions(config: AppConfig, destination?: DestinationStream): Params {
  const options: NonNullable<Exclude<Params['pinoHttp'], unknown[]>> = {
    level: config.logLevel,
    // Probes hit /health every few seconds; they are not news.
    autoLogging: {
      ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false,
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-api-key"]',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
      ],
      censor: REDACTED,
    },
    serializers: {
      req(req: { url?: string; query?: unknown }) {
        req.url = redactQueryString(req.url);
        // The parsed query string holds the same values.
        delete req.query;
        return req;
      },
    },
    // One line per answered request is the hot path's largest fixed cost;
    // the load balancer or CDN keeps access logs. Client mistakes (4xx) are
    // warnings; only server failures are errors.
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
      res.statusCode >= 500 || (error && res.statusCode < 400)
        ? 'error'
        : res.statusCode >= 400
          ? 'warn'
          : 'debug',
  };
  return { pinoHttp: destination ? [options, destination] : options };
}

/** `/graphql?query=…&variables=…` → `/graphql?query=[Redacted]&variables=[Redacted]`. */
export function redactQueryString(url: string | undefined): string | undefined {
  const start = url?.indexOf('?') ?? -1;
  if (url === undefined || start < 0) return url;
  const redacted = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const separator = pair.indexOf('=');
      if (separator < 0) return pair;
      const name = pair.slice(0, separator);
      return LOGGED_PARAMETERS.has(safeDecode(name)) ? pair : `${name}=${REDACTED}`;
    });
  return `${url.slice(0, start)}?${redacted.join('&')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
