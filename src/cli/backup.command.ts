import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeBackup } from '../backup/write-backup';
import { parseFlags } from './cli-args';
import type { CliIo } from './cli-io';
import { withDatabase } from './with-database';

/**
 * backup (`npm run db:backup`): every row of the database, from one
 * consistent snapshot, to a gzipped JSON-lines file (see docs/operations.md).
 * The app may keep running.
 */
export async function backup(args: string[], io: CliIo): Promise<void> {
  const flags = parseFlags('backup', args, { required: [], optional: ['file'] });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = resolve(flags.file ?? `clinic-content-${stamp}.jsonl.gz`);
  await withDatabase(io, async (db) => {
    const counts = await writeBackup(db, path).catch(async (error: unknown) => {
      await rm(path, { force: true });
      throw error;
    });
    const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
    io.out(`Backed up ${rows} rows of ${Object.keys(counts).length} tables to ${path}`);
  });
}
