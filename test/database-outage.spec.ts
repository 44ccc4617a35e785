import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { runSeed } from '../seeds/seed';
import { buildDataSourceOptions } from '../src/database/data-source';
import { EmbeddedPostgresServer, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { loginAs } from './helpers/login';
import { startTestApp, TestApp } from './helpers/test-app';

/**
 * The app on a PostgreSQL this spec owns (never the shared test server), so
 * it can be frozen and stopped as an operator would meet it. Every wait is
 * bounded (statement and pool timeouts) and an outage is answered 503
 * SERVICE_UNAVAILABLE with Retry-After: in GraphQL's shape on /graphql,
 * whether the caller is anonymous or signed in, and on /feeds.
 */
describe('a database that stops answering', () => {
  let folder: string;
  let dataDir: string;
  let pg: EmbeddedPostgresServer;
  let app: TestApp;
  let editor: Record<string, string>;

  const CLINIC = `{ clinic(brand: "lumen-aesthetics", slug: "austin-downtown") { name } }`;

  /** The postmaster and every process below it (backends, background workers). */
  async function clusterPids(): Promise<number[]> {
    const postmaster = Number(
      (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    const parents = new Map<number, number>();
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // The process ended while we looked.
      }
    }
    const tree = [postmaster];
    for (let i = 0; i < tree.length; i++) {
      for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
    }
    return tree;
  }
  const signalCluster = async (signal: NodeJS.Signals) => {
    for (const pid of await clusterPids()) {
      try {
        process.kill(pid, signal);
      } catch (error) {
        // A process that ended since the list was read (a backend whose
        // client closed, let go by the signals before it) needs no signal.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    }
  };

  const expectUnavailable = async (response: Response) => {
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await response.json();
    const code = body.errors?.[0]?.extensions?.code ?? body.error;
    expect(code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|\.ts:\d+/);
    return body;
  };
  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cca-outage-'));
    await chmod(folder, 0o755);
    dataDir = join(folder, 'data');
    pg = await startEmbeddedPostgres({ dataDir, port: 0, database: 'outage', throwaway: true });
    const dataSource = new DataSource(buildDataSourceOptions(pg.url));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await runSeed(dataSource);
    await dataSource.destroy();
    app = await startTestApp({
      databaseUrl: pg.url,
      dbStatementTimeoutMs: 1_500,
      dbPoolTimeoutMs: 1_500,
      // Every answer must come from the database, not from the cache.
      responseCacheTtlSeconds: 0,
    });
    editor = await loginAs(app, 'editor');
  });
  afterAll(async () => {
    await signalCluster('SIGCONT').catch(() => undefined);
    await app?.close().catch(() => undefined);
    await pg?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  describe('frozen', () => {
    beforeAll(() => signalCluster('SIGSTOP'));
    afterAll(() => signalCluster('SIGCONT'));

    it('answers an anonymous query 503 SERVICE_UNAVAILABLE', async () => {
      const body = await expectUnavailable(await post(CLINIC));
      expect(body.errors[0].message).toMatch(/try again/);
    });

    it('answers a signed-in edit the same way, in GraphQL’s shape', async () => {
      const response = await post(
        `mutation { createFaq(input: { question: "Q?", answer: "A." }) { id } }`,
        editor,
      );
      const body = await expectUnavailable(response);
      expect(body.errors).toHaveLength(1);
    });

    it('answers /feeds 503', async () => {
      await expectUnavailable(
        await fetch(`${app.url}/feeds/lumen-aesthetics/austin-downtown/faq.jsonld`),
      );
    });
  });

  it('answers again once the database is back', async () => {
    const { body } = await app.graphql(CLINIC);
    expect(body.data.clinic.name).toBeTruthy();
  });

  it('answers 503 while the database is down and recovers when it is back on its port', async () => {
    const { port } = pg;
    await pg.stop();
    await expectUnavailable(await post(CLINIC));
    await expectUnavailable(await post(CLINIC, editor));
    pg = await startEmbeddedPostgres({ dataDir, port, database: 'outage', throwaway: true });
    expect(pg.port).toBe(port);
    const { body } = await app.graphql(CLINIC, {}, editor);
    expect(body.data.clinic.name).toBeTruthy();
  });

  it('shuts down while the database is frozen', async () => {
    await signalCluster('SIGSTOP');
    try {
      const pending = post(CLINIC);
      await expect(app.close()).resolves.toBeUndefined();
      await pending.catch(() => undefined);
    } finally {
      await signalCluster('SIGCONT');
    }
  });
});
