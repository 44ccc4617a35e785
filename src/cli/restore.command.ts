import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { restoreBackup } from '../backup/restore-backup';
import { parseFlags, UsageError } from './cli-args';
import type { CliIo } from './cli-io';
import { withDatabase } from './with-database';

/**
 * restore (`npm run db:restore`): replaces every row of the database by a
 * backup's, in one transaction, and starts a new deployment epoch (see
 * docs/operations.md#restore). Stop the app first.
 */
export async function restore(args: string[], io: CliIo): Promise<void> {
  const flags = parseFlags('restore', args, { required: ['file'], optional: ['yes'] });
  if (flags.yes !== 'true') {
    throw new UsageError(
      '--yes: restoring replaces every row of the database; stop the app, then run again with --yes true',
    );
  }
  const path = resolve(flags.file);
  await access(path).catch(() => {
    throw new UsageError(`--file: ${path} does not exist`);
  });
  await withDatabase(io, async (db) => {
    const { counts, header, epoch } = await restoreBackup(db, path);
    const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
    io.out(`Restored ${rows} rows from the backup of ${header.createdAt} (${header.server}).`);
    io.out(
      `New deployment epoch ${epoch}: partners' sync cursors from before get RESYNC_REQUIRED and must sync again from scratch.`,
    );
  });
}
