import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';

export const BACKUP_FORMAT = 'clinic-content-api backup';
export const BACKUP_FORMAT_VERSION = 1;

/** The first line of a backup. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  /** The server it came from, e.g. "PostgreSQL 18.1": for people; the format does not depend on it. */
  server: string;
  /** The schema the rows fit: the migrations applied, oldest first. */
  migrations: string[];
  /** The deployment epoch at the time of the backup. */
  epoch: string;
}

/**
 * Gzipped JSON lines: the header, then `["table", {row}]` per row (tables
 * parents first), then `{"end": {table: rowCount}}`, so a cut-off file is
 * refused instead of half restored.
 */
export type BackupLine =
  BackupHeader | [string, Record<string, unknown>] | { end: Record<string, number> };

export class BackupWriter {
  private readonly gzip = createGzip();
  private readonly done: Promise<unknown>;

  constructor(path: string) {
    const file = createWriteStream(path, { mode: 0o600 });
    this.gzip.pipe(file);
    this.done = once(file, 'close');
  }

  /** Writes a line; waits when the file lags behind. */
  async write(line: BackupLine | string): Promise<void> {
    const text = typeof line === 'string' ? line : JSON.stringify(line);
    if (!this.gzip.write(`${text}\n`)) await once(this.gzip, 'drain');
  }

  async close(): Promise<void> {
    this.gzip.end();
    await this.done;
  }
}

/** Not gzip, not JSON lines, or cut off mid-stream. */
export class DamagedBackup extends Error {
  constructor() {
    super('The backup file is cut short or damaged: nothing was restored');
    this.name = 'DamagedBackup';
  }
}

/** The lines of a backup file, parsed. */
export async function* readBackup(path: string): AsyncGenerator<BackupLine> {
  const lines = createInterface({
    input: createReadStream(path).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  try {
    for await (const line of lines) {
      if (line) yield JSON.parse(line) as BackupLine;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const zlib = typeof code === 'string' && code.startsWith('Z_');
    if (zlib || error instanceof SyntaxError) throw new DamagedBackup();
    throw error;
  }
}
