import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/**
 * `kill -9` of the app leaves its embedded PostgreSQL running as an orphan
 * that still holds the port. The next start must stop the orphan and come
 * back on the same port (it used to pick a random one: the port was chosen
 * before the orphan was stopped).
 */
describe('embedded PostgreSQL after the app was killed', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cca-restart-'));
    await chmod(folder, 0o755);
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('comes back on its own port', async () => {
    const dataDir = join(folder, 'data');
    const port = await freePort();
    const script = `require('./src/database/embedded-postgres')
      .startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, throwaway: true })
      .then((s) => console.log('ready ' + s.port));`;
    const app = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: join(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = await new Promise<string>((done, fail) => {
      let out = '';
      app.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = /ready (\d+)/.exec(out);
        if (line) done(line[1]);
      });
      app.on('exit', (code) =>
        fail(new Error(`the app exited (${code}) before PostgreSQL was ready`)),
      );
    });
    expect(Number(started)).toBe(port);

    // Only the app dies; its PostgreSQL lives on as an orphan.
    const exited = new Promise((done) => app.on('exit', done));
    app.kill('SIGKILL');
    await exited;

    const server = await startEmbeddedPostgres({ dataDir, port, throwaway: true });
    const client = new Client({ connectionString: server.url });
    try {
      expect(server.port).toBe(port);
      // The suite's clusters are throwaway ones: they never wait for the disk.
      await client.connect();
      expect((await client.query(`SHOW fsync`)).rows).toEqual([{ fsync: 'off' }]);
    } finally {
      await client.end();
      await server.stop();
    }
  });
});
