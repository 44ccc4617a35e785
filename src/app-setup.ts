import { NestFactory } from '@nestjs/core';
import compression from 'compression';
import { json, type NextFunction, type Request, type Response } from 'express';
import { isUtf8 } from 'node:buffer';
import { constants as zlibConstants } from 'node:zlib';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { serveConsole } from './console/serve-console';
import { corsOptions, corsVariesByOrigin } from './http/cors';
import { devExplorerEnabled } from './http/dev-explorer';
import { securityHeaders } from './http/security-headers';
import { COMPRESSION_THRESHOLD_BYTES, compressOnTheFly } from './response-cache/precompressed';

/** Far above any legitimate GraphQL request (tokens are capped at 2000). */
const JSON_BODY_LIMIT = '100kb';

/**
 * Creates the app exactly as production runs it; bootstrap and the
 * integration tests both start here. `config.databaseUrl` must be resolved.
 * Logs go to stdout unless `logDestination` is given (tests read them).
 */
export async function createApp(
  config: AppConfig,
  logDestination?: DestinationStream,
): Promise<NestExpressApplication> {
  const module = AppModule.register(config, logDestination);
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    // A failed start is reported as one line by bootstrap, so the buffered
    // logs (stack traces included) are only flushed once the app is up.
    autoFlushLogs: false,
    // Throw instead of process.abort() so boot errors can be described.
    abortOnError: false,
    // Only JSON is parsed (see configureApp); nothing here accepts forms.
    bodyParser: false,
  });
  configureApp(app, config);
  return app;
}

/**
 * The JSON parser would store invalid UTF-8 as U+FFFD, silently changing an
 * editor's text: such a body is refused with 400 instead (body-parser uses
 * the error's status).
 */
function refuseInvalidUtf8(_req: unknown, _res: unknown, body: Buffer): void {
  if (!isUtf8(body)) {
    throw Object.assign(new Error('The request body is not valid UTF-8'), {
      status: 400,
      expose: true,
      type: 'encoding.invalid',
    });
  }
}

/**
 * App-wide settings that are not module metadata, in the order requests
 * meet them: proxy trust (req.ip, req.secure), security headers, CORS
 * (preflights end here), compression. Route middleware follows, in
 * RequestPipelineModule.
 */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders({ explorer: devExplorerEnabled(config) }));
  if (corsVariesByOrigin(config.corsOrigins)) {
    app.use((_req: Request, res: Response, next: NextFunction) => {
      res.vary('origin');
      next();
    });
  }
  app.enableCors(corsOptions(config.corsOrigins));
  // Answers compressed on the fly; cached answers are sent precompressed
  // (src/response-cache/precompressed.ts), which this leaves alone, as it
  // does one sent as it is while a publish's pages render (sendAsIs). Both
  // settings are fast ones, as for an answer made once and sent once: gzip
  // level 3 (zlib's fast strategy) takes about half the CPU of the default
  // 6 for some 6 % more bytes (a partner sync's 500-item contentChanges
  // page: 0.9 against 1.6 ms of CPU). Stored answers get gzip 9, once.
  app.use(
    compression({
      threshold: COMPRESSION_THRESHOLD_BYTES,
      filter: compressOnTheFly,
      level: 3,
      brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
    }),
  );
  // Oversized or malformed bodies are answered 413/400 with a JSON error by
  // Nest's exception filter before they reach GraphQL.
  // express.json itself: Nest's useBodyParser does not take a verify hook.
  app.use(json({ limit: JSON_BODY_LIMIT, verify: refuseInvalidUtf8 }));
  // Express would hash every answer for an ETag; the response cache sets
  // ETags on the answers that may be reused, and only those.
  app.set('etag', false);
  app.disable('x-powered-by');
  serveConsole(app);
  app.flushLogs();
}
