import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from '../database/data-source';
import {
  type EmbeddedPostgresServer,
  startEmbeddedPostgres,
  urlFor,
} from '../database/embedded-postgres';
import { prepareDatabase, withStartupLock } from '../database/prepare-database';

/** The embedded cluster's database (startEmbeddedPostgres's default). */
const EMBEDDED_DATABASE = 'clinic_content';

export interface DatabaseConnection {
  dataSource: DataSource;
  /** Where it connected, without credentials, for messages. */
  description: string;
  /** Closes the connection and stops the embedded server if this process started it. */
  close(): Promise<void>;
}

/**
 * Connects the way the app does, for the CLI and `npm run seed`:
 * DATABASE_URL when set, else the embedded server in DATA_DIR — the one a
 * running app already started there, or a new one this process stops in
 * close(). The schema is migrated before anything else runs.
 */
export async function connectDatabase(
  env: NodeJS.ProcessEnv = process.env,
): Promise<DatabaseConnection> {
  const config = loadConfig(env);
  let url = config.databaseUrl;
  let description = url ? `DATABASE_URL (${hostAndDatabase(url)})` : '';
  let embedded: EmbeddedPostgresServer | undefined;

  if (!url) {
    const runningPort = await portOfRunningServer(config.dataDir);
    if (runningPort) {
      url = urlFor(runningPort, EMBEDDED_DATABASE);
      description = `the running embedded PostgreSQL in ${config.dataDir} (port ${runningPort})`;
    } else {
      embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.embeddedPostgresPort,
      });
      url = embedded.url;
      description = `the embedded PostgreSQL in ${config.dataDir}`;
    }
  }

  const dataSource = new DataSource(buildDataSourceOptions(url));
  try {
    await dataSource.initialize();
    await withStartupLock(dataSource, () => prepareDatabase(dataSource));
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  return {
    dataSource,
    description,
    async close() {
      try {
        await dataSource.destroy();
      } finally {
        await embedded?.stop();
      }
    },
  };
}

/** host:port/database of a URL, never its user or password. */
function hostAndDatabase(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || '5432'}${pathname}`;
}

/**
 * The port of a PostgreSQL already serving `dataDir` (an app running in
 * development), from line 4 of its postmaster.pid; undefined when none runs.
 * A second server cannot start on the same folder, so the CLI joins it.
 */
export async function portOfRunningServer(dataDir: string): Promise<number | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(resolve(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(lines[0], 10);
  const port = Number.parseInt(lines[3], 10);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  if (!isAlive(pid) || !(await looksLikePostgres(pid))) return undefined;
  return port;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** After a reboot a stale file's PID may name another process. */
async function looksLikePostgres(pid: number): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('postgres');
  } catch {
    return true; // no /proc (macOS): trust the live PID
  }
}
