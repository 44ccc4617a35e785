import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';

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
  });
  configureApp(app);
  return app;
}

/** App-wide settings that are not module metadata. */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
}
