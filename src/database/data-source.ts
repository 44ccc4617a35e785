import 'reflect-metadata';
import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';

// A DATE column is a calendar day, not an instant: keep PostgreSQL's
// "YYYY-MM-DD" instead of a JS Date at local midnight, which shifts with the
// server's time zone.
types.setTypeParser(types.builtins.DATE, (value) => value);

/** One set of options for the app, the test setup and the migration CLI. */
export function buildDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    applicationName: 'clinic-content-api',
    connectTimeoutMS: 5_000,
  };
}

/**
 * The TypeORM CLI's data source (`npm run migration:*`). It is only built
 * here, so importing this file never needs DATABASE_URL; the CLI is told
 * what to set when it connects without one.
 */
class CliDataSource extends DataSource {
  override async initialize(): Promise<this> {
    if (!process.env.DATABASE_URL?.trim()) {
      throw new Error(
        'DATABASE_URL is not set: run e.g. DATABASE_URL=postgres://postgres:postgres@127.0.0.1:54329/clinic_content npm run migration:show',
      );
    }
    return super.initialize();
  }
}

export default new CliDataSource(buildDataSourceOptions(process.env.DATABASE_URL?.trim() ?? ''));
