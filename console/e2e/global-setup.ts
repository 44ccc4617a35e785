import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { urlFor } from '../../src/database/embedded-postgres';

const ROOT = resolve(__dirname, '../..');

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

/**
 * Starts the built app (npm run build ran first) with a fresh embedded
 * PostgreSQL in a temporary folder; it seeds the demo franchise. The URL goes
 * to the specs as E2E_BASE_URL; the returned function stops it all.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'console-e2e-'));
  // Run as root, PostgreSQL runs as another user, who must reach the folder.
  chmodSync(dataDir, 0o755);
  const databasePort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: join(dataDir, 'postgres'),
    EMBEDDED_PG_PORT: String(databasePort),
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    SCHEDULER_INTERVAL_SECONDS: '1',
    // Webhooks to the specs' own receivers on this machine, sent and retried within seconds.
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    WEBHOOK_WORKER_INTERVAL_SECONDS: '1',
    WEBHOOK_RETRY_BASE_SECONDS: '1',
  };
  delete env.DATABASE_URL;
  const app = spawn(process.execPath, ['dist/src/main'], { cwd: ROOT, env, stdio: 'pipe' });
  const url = await new Promise<string>((done, fail) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /Editor console at (http:\/\/\S+)\/console/.exec(output);
      if (ready) done(ready[1]);
    };
    app.stdout.on('data', onData);
    app.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.E2E_LOG_LEVEL) process.stderr.write(chunk);
    });
    app.once('exit', (code) =>
      fail(new Error(`The app exited (${code}) before it was ready:\n${output}`)),
    );
  });
  process.env.E2E_BASE_URL = url;
  // For the few facts no screen sets yet (e.g. a disabled account).
  process.env.E2E_DATABASE_URL = urlFor(databasePort, 'clinic_content');
  return async () => {
    await stop(app);
    rmSync(dataDir, { recursive: true, force: true });
  };
}

function stop(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    app.once('exit', () => done());
    app.kill('SIGTERM');
  });
}
