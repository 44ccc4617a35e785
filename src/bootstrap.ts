import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type AddressInfo, createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { seedIfEmpty } from '../seeds/seed';
import { createApp } from './app-setup';
import { loadConfig } from './config/app-config';
import { CONSOLE_PATH } from './console/serve-console';
import { buildDataSourceOptions } from './database/data-source';
import { EmbeddedPostgresServer, startEmbeddedPostgres } from './database/embedded-postgres';
import { prepareDatabase, withStartupLock } from './database/prepare-database';
import { closeApp } from './http-drain';
import { describeStartupError, StartupError } from './startup-error';

const SHUTDOWN_TIMEOUT_MS = 20_000;

/**
 * Starts the API: config, database (embedded when DATABASE_URL is unset),
 * migrations, seed of an empty database, HTTP. Any failure is rethrown as a
 * StartupError whose message is the one line to print; whatever was started
 * is stopped first.
 */
export async function bootstrap(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env);
  let databaseUrl = config.databaseUrl;
  let embedded: EmbeddedPostgresServer | undefined;
  let app: NestExpressApplication | undefined;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      try {
        if (app) await closeApp(app);
      } finally {
        await embedded?.stop();
      }
    })());
  handleShutdownSignals(close);

  try {
    // Fail before starting a database when the port is obviously taken.
    await assertPortFree(config.host, config.port);
    if (!databaseUrl) {
      console.log(`Starting embedded PostgreSQL in ${config.dataDir} …`);
      const verbose = config.logLevel === 'debug' || config.logLevel === 'trace';
      embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.embeddedPostgresPort,
        log: verbose ? (line) => console.log(`[postgres] ${line}`) : undefined,
      });
      databaseUrl = embedded.url;
    }

    await migrateAndSeed(databaseUrl, config.seedOnStart);
    app = await createApp(Object.freeze({ ...config, databaseUrl }));

    await app.listen(config.port, config.host);
    const { port } = app.getHttpServer().address() as AddressInfo;
    console.log(`GraphQL API ready at http://localhost:${port}/graphql`);
    console.log(`Editor console at http://localhost:${port}${CONSOLE_PATH}`);
  } catch (error) {
    await close().catch(() => undefined);
    throw new StartupError(describeStartupError(error, { databaseUrl, port: config.port }), {
      cause: error,
    });
  }
}

/**
 * Migrations and the demo seed run on a connection of their own, before the
 * app starts: the app's connections have statement timeouts that a long
 * migration, or waiting for another instance's, must not hit.
 */
async function migrateAndSeed(databaseUrl: string, seedOnStart: boolean): Promise<void> {
  const dataSource = new DataSource(buildDataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    await withStartupLock(dataSource, async () => {
      await prepareDatabase(dataSource);
      if (seedOnStart && (await seedIfEmpty(dataSource))) {
        new Logger('Database').log('Seeded the empty database');
      }
    });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * SIGINT/SIGTERM: close the app (Nest's shutdown hooks run), then stop the
 * embedded server, then exit 0. Nest's own enableShutdownHooks() is not used:
 * it re-raises the signal once the app is closed, which would kill the
 * process before the embedded server is stopped.
 */
function handleShutdownSignals(close: () => Promise<void>) {
  let received = false;
  const onSignal = () => {
    // A terminal's Ctrl-C arrives twice under `nest start` (the group's and
    // the one the CLI forwards): later signals wait for the first shutdown.
    if (received) return;
    received = true;
    setTimeout(() => {
      console.error(
        `Error: shutdown took longer than ${SHUTDOWN_TIMEOUT_MS / 1000} s, exiting anyway`,
      );
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Error: ${describeStartupError(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
