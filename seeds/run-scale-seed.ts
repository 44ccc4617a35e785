import { parseArgs } from 'node:util';
import { connectDatabase } from '../src/cli/connect-database';
import { seedScale } from './scale-seed';

const USAGE = 'Usage: npm run seed:scale -- --clinics N [--brand SLUG]';

/**
 * `npm run seed:scale -- --clinics 10000`: adds a generated franchise of N
 * clinics (brand `scale` unless --brand says otherwise) to the database the
 * app uses (DATABASE_URL, else the embedded server in DATA_DIR).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clinics: { type: 'string', default: '10000' },
      brand: { type: 'string', default: 'scale' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const clinics = Number(values.clinics);
  const connection = await connectDatabase();
  const started = Date.now();
  try {
    console.log(
      `Seeding ${clinics} clinics as brand "${values.brand}" into ${connection.description}`,
    );
    const result = await seedScale(connection.dataSource, {
      clinics,
      brand: values.brand,
      onProgress: progressBar('clinics'),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      result.created
        ? `Seeded brand "${result.brandSlug}": ${result.clinics} clinics in ${result.regions} regions, ${result.treatments.length} treatments (${seconds} s)`
        : `Brand "${result.brandSlug}" already exists: nothing written`,
    );
  } finally {
    await connection.close();
  }
}

/** A one-line bar on a terminal; a line per tenth when output is a file or pipe. */
export function progressBar(label: string): (done: number, total: number) => void {
  const started = Date.now();
  let lastTenth = -1;
  return (done, total) => {
    const fraction = done / total;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(fraction * 100)}% ${done}/${total} ${label} ${seconds} s`,
      );
      if (done === total) process.stderr.write('\n');
    } else {
      const tenth = Math.floor(fraction * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(
          `${Math.round(fraction * 100)}% ${done}/${total} ${label} ${seconds} s\n`,
        );
      }
    }
  };
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
