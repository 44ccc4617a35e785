import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runSeed } from '../seeds/seed';
import { buildDataSourceOptions } from '../src/database/data-source';
import {
  type EmbeddedPostgresServer,
  startEmbeddedPostgres,
} from '../src/database/embedded-postgres';
import { dataOf, type Item, ITEM, LUMEN, publish } from './helpers/editing';
import { loginAs } from './helpers/login';
import { describeWithRedis, testRedisUrl } from './helpers/redis';
import { startTestApp, type TestApp } from './helpers/test-app';

/*
 * Two deployments (two PostgreSQL servers, each with a database of the same
 * name, seeded alike) sharing one Redis, as staging and production might:
 * neither ever serves the other's answers, and a publish in one leaves the
 * other's cached answers alone.
 */

const QUERY = `{ treatment(brand: "${LUMEN.slug}", slug: "micro-needling") { summary } }`;

async function deliver(app: TestApp) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await response.json()) as { data: { treatment: { summary: string } } };
  return { summary: body.data.treatment.summary, cache: response.headers.get('x-cache') };
}

/** `name` on the server of `serverUrl`, created, migrated and seeded. */
async function seededDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = new DataSource(buildDataSourceOptions(url.toString()));
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    await runSeed(db);
  } finally {
    await db.destroy();
  }
  return url.toString();
}

async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = '/postgres';
  const admin = new Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

describeWithRedis('deployments sharing one Redis', () => {
  const name = `cca_same_name_${Date.now()}_${process.pid}`;
  let folder: string;
  let otherServer: EmbeddedPostgresServer;
  const urls: string[] = [];
  const apps: TestApp[] = [];
  let production: TestApp;
  let staging: TestApp;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cca-second-pg-'));
    await chmod(folder, 0o755);
    otherServer = await startEmbeddedPostgres({
      dataDir: join(folder, 'data'),
      port: 0,
      database: 'postgres',
      throwaway: true,
    });
    urls.push(await seededDatabase(process.env.TEST_DATABASE_URL!, name));
    urls.push(await seededDatabase(otherServer.url, name));
    for (const databaseUrl of urls) {
      apps.push(await startTestApp({ databaseUrl, redisUrl: testRedisUrl() }));
    }
    [production, staging] = apps;
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const url of urls) await dropDatabase(url);
    await otherServer?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('never serve each other’s answers, and a publish in one leaves the other’s cache alone', async () => {
    const seeded = await deliver(staging);
    expect(await deliver(staging)).toEqual({ summary: seeded.summary, cache: 'HIT' });

    const editor = await loginAs(production, 'editor');
    const [row]: { id: string; version: number }[] = await production.dataSource.query(
      `SELECT id, version FROM treatments WHERE brand_id = $1 AND slug = 'micro-needling'`,
      [LUMEN.brandId],
    );
    const updated = dataOf(
      await production.graphql(
        `mutation($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { ${ITEM} } }`,
        { input: { id: row.id, version: row.version, summary: 'Only in production.' } },
        editor,
      ),
    ).updateTreatment as Item;
    await publish(production, editor, [updated]);
    expect(await deliver(production)).toEqual({ summary: 'Only in production.', cache: 'MISS' });

    // Staging answers from its own database, and its cached answer is still current.
    expect(await deliver(staging)).toEqual({ summary: seeded.summary, cache: 'HIT' });
  });

  it('REDIS_NAMESPACE sets the namespace: another one on the same database shares nothing', async () => {
    await deliver(staging);
    expect((await deliver(staging)).cache).toBe('HIT');
    const elsewhere = await startTestApp({
      databaseUrl: urls[1],
      redisUrl: testRedisUrl(),
      redisNamespace: `spec-${process.pid}-${Date.now()}`,
    });
    apps.push(elsewhere);
    expect((await deliver(elsewhere)).cache).toBe('MISS');
    expect((await deliver(elsewhere)).cache).toBe('HIT');
  });
});
