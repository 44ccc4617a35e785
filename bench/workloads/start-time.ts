import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { API_LAUNCHER, round, sleep } from './bench-http';

export interface StartTimeOptions {
  /** The repository root (dist/ is built). */
  root: string;
  /** What `npm start` would see: DATABASE_URL of the seeded database, production settings. */
  env: Record<string, string>;
  logDir: string;
}

/** Longest a start may take before the workload gives up (the target is 5 s). */
const START_DEADLINE_MS = 60_000;
/** How often /health/ready is asked while the app starts. */
const POLL_MS = 20;

/**
 * `startMs`: `npm start` without its build step (scripts/start-api.sh, what
 * `npm run start:prod` and the Docker image run) on the bench's database,
 * already migrated and seeded, from the spawn until `GET /health/ready`
 * answers 200. Nothing is preloaded into the process (no SQL counter), so
 * it starts exactly as in production.
 */
export async function measureStartMs(options: StartTimeOptions): Promise<number> {
  const port = await freePort();
  const log = openSync(join(options.logDir, `start-time-${port}.log`), 'a');
  const started = performance.now();
  const child = spawn(API_LAUNCHER, [], {
    cwd: options.root,
    env: { ...process.env, REDIS_URL: '', ...options.env, PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    while (performance.now() - started < START_DEADLINE_MS) {
      if (child.exitCode !== null) {
        throw new Error(
          `The app exited with ${child.exitCode} while starting; see ${options.logDir}`,
        );
      }
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`)
        .then((response) => response.status === 200)
        .catch(() => false);
      if (ready) {
        const ms = round(performance.now() - started, 0);
        console.log(`  start: ${API_LAUNCHER} answered /health/ready after ${ms} ms`);
        return ms;
      }
      await sleep(POLL_MS);
    }
    throw new Error(`The app was not ready within ${START_DEADLINE_MS / 1000} s`);
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
