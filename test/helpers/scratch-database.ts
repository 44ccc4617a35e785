import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source';

export interface ScratchDatabase {
  /** Its URL, for a child process (the CLI) or an app started on it. */
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * An empty, migrated database of its own, on the test server, for specs that
 * must see every row change (the seed's), undisturbed by specs running in
 * parallel on the shared test database.
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const sharedUrl = process.env.TEST_DATABASE_URL;
  if (!sharedUrl) throw new Error('TEST_DATABASE_URL is not set: run with npm test');
  const name = `cca_scratch_${randomUUID().replaceAll('-', '')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: sharedUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(sharedUrl);
  url.pathname = `/${name}`;
  const dataSource = new DataSource(buildDataSourceOptions(url.toString()));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    url: url.toString(),
    dataSource,
    async drop() {
      await dataSource.destroy();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
