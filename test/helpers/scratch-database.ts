import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source';
import { cloneDatabase, dropDatabase, Template, withDatabase } from '../setup/test-database';

export interface ScratchDatabase {
  /** Its URL, for a child process (the CLI) or an app started on it. */
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A database of its own on the test server, for specs that must see every
 * row change (the seed's) or that publish what specs running in parallel on
 * the shared test database would see: a copy of the template global setup
 * migrated ('migrated', empty) or migrated and seeded ('seeded', the demo
 * network like the shared database). A copy takes a fraction of a second;
 * migrating and seeding took seconds on a loaded machine.
 */
export async function createScratchDatabase(
  template: Template = 'migrated',
): Promise<ScratchDatabase> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  const source =
    template === 'migrated' ? process.env.TEST_TEMPLATE_MIGRATED : process.env.TEST_TEMPLATE_SEEDED;
  if (!adminUrl || !source) throw new Error('The test templates are not set: run with npm test');
  const name = `cca_scratch_${randomUUID().replaceAll('-', '')}`;
  await cloneDatabase(adminUrl, source, name);
  const url = withDatabase(adminUrl, name);
  const dataSource = new DataSource(buildDataSourceOptions(url));
  try {
    await dataSource.initialize();
  } catch (error) {
    await dropDatabase(adminUrl, name);
    throw error;
  }
  return {
    url,
    dataSource,
    async drop() {
      await dataSource.destroy();
      await dropDatabase(adminUrl, name);
    },
  };
}
