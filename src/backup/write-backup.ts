import type { DataSource } from 'typeorm';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupWriter } from './backup-file';
import { appliedMigrationNames, tablesInDependencyOrder } from './database-tables';

const FETCH_SIZE = 1000;

/**
 * Writes every row of every table to `path` from one consistent snapshot
 * (REPEATABLE READ, read only: the app may keep running). Rows go out as
 * PostgreSQL's own JSON of them (row_to_json), which any server version
 * reads back with json_populate_recordset. Answers the row count per table.
 */
export async function writeBackup(db: DataSource, path: string): Promise<Record<string, number>> {
  const runner = db.createQueryRunner();
  await runner.connect();
  const out = new BackupWriter(path);
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tx = runner.manager;
    const [{ server, epoch }] = await tx.query(
      `SELECT 'PostgreSQL ' || current_setting('server_version') AS server,
              (SELECT epoch FROM deployment_epoch) AS epoch`,
    );
    await out.write({
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      server,
      migrations: await appliedMigrationNames(tx),
      epoch,
    });
    const counts: Record<string, number> = {};
    for (const table of await tablesInDependencyOrder(tx)) {
      counts[table] = 0;
      const prefix = `[${JSON.stringify(table)},`;
      await tx.query(
        `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM "${table}" t`,
      );
      for (;;) {
        const rows: { row: string }[] = await tx.query(`FETCH ${FETCH_SIZE} FROM backup_rows`);
        for (const { row } of rows) await out.write(`${prefix}${row}]`);
        counts[table] += rows.length;
        if (rows.length < FETCH_SIZE) break;
      }
      await tx.query('CLOSE backup_rows');
    }
    await out.write({ end: counts });
    await runner.query('COMMIT');
    return counts;
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await out.close();
    await runner.release();
  }
}
