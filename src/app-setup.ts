import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { serveConsole } from './console/serve-console';

/** Far above any legitimate GraphQL request (tokens are capped at 2000). */
const JSON_BODY_LIMIT = '100kb';

/**
 * Creates the app exactly as production runs it; bootstrap and the
 * integration tests both start here. `config.databaseUrl` must be resolved.
 */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    // A failed start is reported as one line by bootstrap, so the buffered
    // logs (stack traces included) are only flushed once the app is up.
    autoFlushLogs: false,
    // Throw instead of process.abort() so boot errors can be described.
    abortOnError: false,
    // Only JSON is parsed (see configureApp); nothing here accepts forms.
    bodyParser: false,
  });
  configureApp(app);
  return app;
}

/** App-wide settings that are not module metadata. */
export function configureApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  // Oversized or malformed bodies are answered 413/400 with a JSON error by
  // Nest's exception filter before they reach GraphQL.
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // Express would hash every answer for a weak ETag; the response cache
  // sets strong ETags on the answers that may be reused, and only those.
  app.set('etag', false);
  app.disable('x-powered-by');
  serveConsole(app);
  app.flushLogs();
}
