import type { DataSource, EntityManager } from 'typeorm';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupHeader,
  DamagedBackup,
  readBackup,
} from './backup-file';
import { bumpEveryGeneration } from '../response-cache/cache-generations';
import { appliedMigrationNames, tablesInDependencyOrder } from './database-tables';

const INSERT_BATCH = 500;

/** A backup that cannot be restored here; the message says why and what to do. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

/**
 * Replaces every row of the database by the backup's, in one transaction:
 * either the database holds exactly the backup afterwards, or nothing
 * changed. The database must be at the backup's schema (the same
 * migrations). Starts a new deployment epoch, so partners' cursors from
 * before the restore are answered RESYNC_REQUIRED, and bumps every cache
 * generation, so no instance (running or not, in process or in Redis)
 * serves an answer cached before it. Answers the row counts.
 */
export async function restoreBackup(
  db: DataSource,
  path: string,
): Promise<{ counts: Record<string, number>; header: BackupHeader; epoch: string }> {
  return db.transaction(async (tx) => {
    const lines = readBackup(path);
    const header = await checkHeader(tx, (await lines.next()).value);
    const tables = await tablesInDependencyOrder(tx);
    await tx.query(`TRUNCATE ${tables.map((table) => `"${table}"`).join(', ')}`);

    const counts: Record<string, number> = {};
    let batch: { table: string; rows: Record<string, unknown>[] } | undefined;
    const flush = async () => {
      if (batch?.rows.length) await insertRows(tx, batch.table, batch.rows);
      batch = undefined;
    };
    let end: Record<string, number> | undefined;
    for await (const line of lines) {
      if (!Array.isArray(line)) {
        if ('end' in line) end = line.end;
        break;
      }
      const [table, row] = line;
      if (!tables.includes(table)) {
        throw new RestoreRefused(
          `The backup has rows of table "${table}", which this database lacks`,
        );
      }
      if (batch?.table !== table || batch.rows.length >= INSERT_BATCH) {
        await flush();
        batch = { table, rows: [] };
      }
      batch.rows.push(row);
      counts[table] = (counts[table] ?? 0) + 1;
    }
    await flush();
    if (!end || Object.entries(end).some(([table, count]) => (counts[table] ?? 0) !== count)) {
      throw new DamagedBackup();
    }
    await resetSequences(tx);
    await tx.query(`UPDATE deployment_epoch SET epoch = gen_random_uuid(), started_at = now()`);
    await bumpEveryGeneration(tx);
    const [{ epoch }] = await tx.query(`SELECT epoch FROM deployment_epoch`);
    return { counts, header, epoch };
  });
}

async function checkHeader(tx: EntityManager, line: unknown): Promise<BackupHeader> {
  const header = line as Partial<BackupHeader> | undefined;
  if (header?.format !== BACKUP_FORMAT || header.version !== BACKUP_FORMAT_VERSION) {
    throw new RestoreRefused(
      `Not a backup of this API (format "${BACKUP_FORMAT}" version ${BACKUP_FORMAT_VERSION}): nothing was restored`,
    );
  }
  const here = await appliedMigrationNames(tx);
  const theirs = header.migrations ?? [];
  if (here.join() !== theirs.join()) {
    const last = (names: string[]) => names[names.length - 1] ?? 'none';
    throw new RestoreRefused(
      `The backup's schema (last migration ${last(theirs)}) is not this database's (${last(here)}): restore with the release that made the backup into an empty database, then start the new release to upgrade (docs/operations.md#restore)`,
    );
  }
  return header as BackupHeader;
}

/**
 * Inserts rows as PostgreSQL wrote them (row_to_json): json_populate_recordset
 * turns each value back into its column's type. Only the backup's columns
 * are named, so a column the backup lacks takes its default.
 */
async function insertRows(tx: EntityManager, table: string, rows: Record<string, unknown>[]) {
  const columns = Object.keys(rows[0])
    .map((column) => `"${column.replaceAll('"', '""')}"`)
    .join(', ');
  await tx.query(
    `INSERT INTO "${table}" (${columns})
     SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
    [JSON.stringify(rows)],
  );
}

/** Serial columns continue after the restored rows. */
async function resetSequences(tx: EntityManager): Promise<void> {
  const serials: { table: string; column: string; sequence: string }[] = await tx.query(
    `SELECT c.relname AS table, a.attname AS column,
            pg_get_serial_sequence(format('%I', c.relname), a.attname) AS sequence
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
        AND a.attnum > 0 AND NOT a.attisdropped
        AND pg_get_serial_sequence(format('%I', c.relname), a.attname) IS NOT NULL`,
  );
  for (const { table, column, sequence } of serials) {
    await tx.query(
      `SELECT setval($1, coalesce((SELECT max("${column}") FROM "${table}"), 0) + 1, false)`,
      [sequence],
    );
  }
}
