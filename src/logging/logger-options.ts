import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { type DestinationStream, stdSerializers } from 'pino';
import type { AppConfig } from '../config/app-config';

/** Query-string parameters whose values are logged as they are; any other value is redacted. */
const LOGGED_PARAMETERS = new Set(['operationName', 'extensions']);
const REDACTED = '[Redacted]';
/** Request headers that carry credentials: logged as REDACTED. */
const SECRET_HEADERS = ['authorization', 'x-api-key', 'cookie'] as const;

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
    // requestLine leaves the request's credentials out itself: redact paths
    // under req made pino clone every request's bindings, logged or not.
    redact: { paths: ['res.headers["set-cookie"]'], censor: REDACTED },
    // pino-http's default request serializer reads req.query, which Express
    // parses again on every read (twice per request, a GET's whole
    // operation); requestLine reads what it logs only.
    wrapSerializers: false,
    serializers: { req: requestLine, res: stdSerializers.res, err: stdSerializers.err },
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

/**
 * What a log line says of its request: pino's standard fields (id, method,
 * URL, headers, remote address and port) with the query string's values and
 * the credential headers redacted. pino-http binds it to each request's
 * logger when the request arrives, so it runs for every request.
 */
export function requestLine(
  req: IncomingMessage & { id?: unknown; originalUrl?: string; params?: unknown },
) {
  return {
    id: req.id,
    method: req.method,
    url: redactQueryString(req.originalUrl ?? req.url),
    ...(req.params ? { params: req.params } : {}),
    headers: withoutSecrets(req.headers),
    remoteAddress: req.socket?.remoteAddress,
    remotePort: req.socket?.remotePort,
  };
}

function withoutSecrets(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  if (!SECRET_HEADERS.some((name) => headers[name] !== undefined)) return headers;
  const copy = { ...headers };
  for (const name of SECRET_HEADERS) if (copy[name] !== undefined) copy[name] = REDACTED;
  return copy;
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
