import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { StartupError } from '../startup-error';

// Any fixed number shared by every instance of this app.
const STARTUP_LOCK_KEY = 7_146_203_981;

/**
 * Brings the schema up to this build: refuses a database migrated by a newer
 * build, then runs the pending migrations, each in its own transaction.
 */
export async function prepareDatabase(dataSource: DataSource): Promise<void> {
  const known = new Set(
    dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name),
  );
  const unknown = (await appliedMigrations(dataSource)).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    const others = unknown.length > 1 ? ` (and ${unknown.length - 1} more)` : '';
    throw new StartupError(
      `The database has migration ${unknown[0]}${others} that this build does not know: update your checkout or point DATABASE_URL at another database`,
    );
  }

  const ran = await dataSource.runMigrations({ transaction: 'each' });
  if (ran.length > 0) {
    new Logger('Database').log(`Applied ${ran.length} migration(s)`);
  }
}

/**
 * Runs `work` while holding a Postgres advisory lock, so that instances
 * starting together migrate and seed one after the other. The lock is a
 * transaction's (pg_advisory_xact_lock), held by a transaction left open on
 * a connection of its own while `work` runs on others: a session lock
 * would stay on whichever server connection PgBouncer (transaction mode)
 * lent for it, and block every later start.
 */
export async function withStartupLock<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      await runner.query('SELECT pg_advisory_xact_lock($1)', [STARTUP_LOCK_KEY]);
      return await work();
    } finally {
      // Ends the transaction, which releases the lock; nothing was written in it.
      await runner.rollbackTransaction();
    }
  } finally {
    await runner.release();
  }
}

async function appliedMigrations(dataSource: DataSource): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const [{ exists }] = (await dataSource.query('SELECT to_regclass($1) IS NOT NULL AS "exists"', [
    table,
  ])) as { exists: boolean }[];
  if (!exists) return [];
  const rows = (await dataSource.query(`SELECT name FROM "${table}" ORDER BY id`)) as {
    name: string;
  }[];
  return rows.map((row) => row.name);
}
