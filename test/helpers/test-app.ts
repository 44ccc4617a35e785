import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app-setup';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { closeApp } from '../../src/http-drain';

export interface GraphqlResponse<T> {
  status: number;
  body: { data?: T; errors?: any[] };
}

export interface TestApp {
  app: INestApplication;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  dataSource: DataSource;
  graphql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

/**
 * The app's configuration in the specs: the shared test database, silent
 * logs (TEST_LOG_LEVEL shows them), a free port, then `overrides`.
 */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(
      'TEST_DATABASE_URL is not set: run integration specs with npm test, whose global setup prepares the database',
    );
  }
  return {
    ...loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_ON_START: 'false',
    }),
    ...overrides,
  };
}

/**
 * nestjs-pino keeps one logger per process, built by the first app: a later
 * app in the same process (specs run in groups, see test/groups) would log
 * to that app's destination at its level (a spec reading its logs would read
 * nothing). Forgotten before each app is built. The reset is the library's own, for tests, which its package
 * exports do not expose.
 */
function forgetProcessLogger(): void {
  const pinoLogger = join(dirname(require.resolve('nestjs-pino')), 'PinoLogger.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(pinoLogger) as { __resetOutOfContextForTests(): void }).__resetOutOfContextForTests();
}

/**
 * Boots the production app against the database the Jest global setup
 * migrated and seeded, on a free port. Set TEST_LOG_LEVEL to see its logs,
 * or pass a `logDestination` (and a `logLevel` override) to read them.
 */
export async function startTestApp(
  overrides: Partial<AppConfig> = {},
  { logDestination }: { logDestination?: DestinationStream } = {},
): Promise<TestApp> {
  const config = testConfig(overrides);
  forgetProcessLogger();
  const app = await createApp(config, logDestination);
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    app,
    url,
    dataSource: app.get(DataSource),
    async graphql<T = any>(
      query: string,
      variables?: Record<string, unknown>,
      headers: Record<string, string> = {},
    ): Promise<GraphqlResponse<T>> {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: GraphqlResponse<T>['body'];
      try {
        body = JSON.parse(text) as GraphqlResponse<T>['body'];
      } catch {
        throw new Error(
          `/graphql answered ${response.status} with non-JSON: ${text.slice(0, 200)}`,
        );
      }
      return { status: response.status, body };
    },
    async close() {
      // The specs' own keep-alive sockets sit idle by now: closed first, so
      // the drain has none to wait its grace out on (test/shutdown-keep-alive
      // checks the drain with clients that keep sending).
      (app.getHttpServer() as Server).closeIdleConnections();
      await new Promise((resolve) => setImmediate(resolve));
      await closeApp(app);
    },
  };
}
