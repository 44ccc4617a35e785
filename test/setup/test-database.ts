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

/** The two templates every database of a run is cloned from. */
export type Template = 'migrated' | 'seeded';

export interface TestDatabase {
  /** A URL on the server that is not one of the run's databases (for CREATE and DROP). */
  adminUrl: string;
  /** The shared, seeded database the specs read. */
  url: string;
  /** Database name of each template (cloned by test/helpers/scratch-database.ts). */
  templates: Record<Template, string>;
  /** Everything global setup created, dropped by teardown. */
  names: string[];
  embedded?: { server: EmbeddedPostgresServer; folder: string };
}

/**
 * Migrates one database and seeds a copy of it, once per run; the shared
 * database and every spec's own database are copies of these templates
 * (CREATE DATABASE … TEMPLATE, a file copy), not a migration and a seed
 * each. On DATABASE_URL's server when set, else on an embedded server in a
 * new temporary folder (never .data/).
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
        throwaway: true,
      });
      embedded = { server, folder };
      adminUrl = server.url;
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  const name = `cca_test_${Date.now()}_${process.pid}`;
  const templates = { migrated: `${name}_migrated`, seeded: `${name}_seeded` };
  const database: TestDatabase = {
    adminUrl,
    url: withDatabase(adminUrl, name),
    templates,
    names: [],
    embedded,
  };
  try {
    await admin(adminUrl, async (client) => {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(templates.migrated)}`);
      database.names.push(templates.migrated);
    });
    await withDataSource(withDatabase(adminUrl, templates.migrated), (db) =>
      db.runMigrations({ transaction: 'each' }),
    );
    await cloneDatabase(adminUrl, templates.migrated, templates.seeded);
    database.names.push(templates.seeded);
    await withDataSource(withDatabase(adminUrl, templates.seeded), (db) => runSeed(db));
    await cloneDatabase(adminUrl, templates.seeded, name);
    database.names.push(name);
  } catch (error) {
    await dropTestDatabase(database);
    throw error;
  }
  return database;
}

/**
 * `name`, a copy of `template`, with an identity of its own: a deployment
 * id (its namespace in Redis) and an epoch, as a freshly migrated database
 * gets. The template must have no open connections.
 */
export async function cloneDatabase(
  adminUrl: string,
  template: string,
  name: string,
): Promise<void> {
  await admin(adminUrl, (client) =>
    client.query(
      `CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`,
    ),
  );
  await admin(withDatabase(adminUrl, name), async (client) => {
    await client.query(`UPDATE deployment SET id = gen_random_uuid(), created_at = now()`);
    await client.query(`UPDATE deployment_epoch SET epoch = gen_random_uuid()`);
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, (client) =>
    // FORCE terminates the connections test workers may have left open.
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

export async function dropTestDatabase(database: TestDatabase): Promise<void> {
  try {
    for (const name of database.names.reverse()) await dropDatabase(database.adminUrl, name);
  } finally {
    if (database.embedded) {
      await database.embedded.server.stop();
      await rm(database.embedded.folder, { recursive: true, force: true });
    }
  }
}

async function withDataSource<T>(url: string, work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = new DataSource(buildDataSourceOptions(url));
  await db.initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

async function admin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
