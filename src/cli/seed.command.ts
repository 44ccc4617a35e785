import { runSeed } from '../../seeds/seed';
import { loadConfig } from '../config/app-config';
import { withStartupLock } from '../database/prepare-database';
import { parseFlags } from './cli-args';
import type { CliIo } from './cli-io';
import { withDatabase } from './with-database';

/**
 * seed (`npm run seed`): adds whatever of the demo franchise is missing and
 * prints what it added; a seeded database gains nothing.
 */
export async function seed(args: string[], io: CliIo): Promise<void> {
  parseFlags('seed', args, { required: [] });
  const production = loadConfig(io.env).nodeEnv === 'production';

  await withDatabase(io, async (db) => {
    // The lock an app takes to seed at start: never two seeds at once.
    const report = await withStartupLock(db, () => runSeed(db, { demoEditors: !production }));
    const added = Object.entries(report).filter(([, count]) => count > 0);
    if (added.length === 0) {
      io.out('Nothing to add: the demo franchise is already in this database.');
    } else {
      io.out('Added the demo franchise (sample data), rows per table:');
      const width = Math.max(...added.map(([table]) => table.length));
      for (const [table, count] of added) io.out(`  ${table.padEnd(width)}  ${count}`);
    }
    if (production) {
      io.out(
        'NODE_ENV=production: no demo editor accounts. Create the first admin with: npm run cli -- create-admin --brand <slug> --email <email>',
      );
    }
  });
}
