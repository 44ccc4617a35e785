import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runSeed } from '../../seeds/seed';
import { buildDataSourceOptions } from '../../src/database/data-source';
import {
  EmbeddedPostgresServer,
  startEmbeddedPostgres,
} from '../../src/database/embedded-postgres';

declare global {
  /** Set by global setup, read by global teardown (same process). */
  var __testDatabase: TestDatabase | undefined;
}

export interface TestDatabase {
  /** A URL on the server that is not the test database (for DROP). */
  adminUrl: string;
  name: string;
  url: string;
  embedded?: { server: EmbeddedPostgresServer; folder: string };
}

/**
 * A fresh, migrated, seeded database: on DATABASE_URL's server when set,
 * else on an embedded server in a new temporary folder (never .data/).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  let embedded: TestDatabase['embedded'];
  let adminUrl = process.env.DATABASE_URL?.trim();
  if (!adminUrl) {
    const folder = await mkdtemp(join(tmpdir(), 'cca-test-pg-'));
    // The server runs as the postgres user and must reach its folder.
    await chmod(folder, 0o755);
    try {
      const server = await startEmbeddedPostgres({
        dataDir: join(folder, 'data'),
        port: 0,
        database: 'postgres',
      });
      embedded = { server, folder };
      adminUrl = server.url;
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  const name = `cca_test_${Date.now()}_${process.pid}`;
  const url = withDatabase(adminUrl, name);
  const database: TestDatabase = { adminUrl, name, url, embedded };
  try {
    await admin(adminUrl, (client) =>
      client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`),
    );
    const dataSource = new DataSource(buildDataSourceOptions(url));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      await runSeed(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    await dropTestDatabase(database);
    throw error;
  }
  return database;
}

export async function dropTestDatabase(database: TestDatabase): Promise<void> {
  try {
    await admin(database.adminUrl, (client) =>
      // FORCE terminates the connections test workers may have left open.
      client.query(
        `DROP DATABASE IF EXISTS ${client.escapeIdentifier(database.name)} WITH (FORCE)`,
      ),
    );
  } finally {
    if (database.embedded) {
      await database.embedded.server.stop();
      await rm(database.embedded.folder, { recursive: true, force: true });
    }
  }
}

async function admin(url: string, work: (client: Client) => Promise<unknown>) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
