import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { STALENESS_BOUND_MS } from '../src/response-cache/generation-watcher';
import { WebhookDispatcherService } from '../src/webhooks/webhook-dispatcher.service';
import { apiKeyHeaders } from './helpers/api-keys';
import { LUMEN, publishedTreatment } from './helpers/editing';
import { startIsolatedTestApp } from './helpers/isolated-app';
import { loginAs } from './helpers/login';
import { CONTENT_CHANGES, PartnerClient } from './helpers/partner-sync';
import { runNpmScript } from './helpers/run-npm-script';
import type { TestApp } from './helpers/test-app';
import { verifyWebhookSignature } from './helpers/verify-webhook-signature';
import { WebhookReceiver } from './helpers/webhook-receiver';

/** Every row of every table, as text, sorted: what "the data" is. */
async function contents(db: DataSource): Promise<Record<string, string[]>> {
  const tables: { name: string }[] = await db.query(
    `SELECT relname AS name FROM pg_class
      WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' ORDER BY relname`,
  );
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows: { row: string }[] = await db.query(
      `SELECT row_to_json(t)::text AS row FROM "${name}" t ORDER BY 1`,
    );
    result[name] = rows.map(({ row }) => row);
  }
  return result;
}

const epochOf = async (db: DataSource): Promise<string> =>
  (await db.query(`SELECT epoch FROM deployment_epoch`))[0].epoch;

describe('backup and restore (npm run db:backup / db:restore)', () => {
  let app: TestApp;
  let url: string;
  let folder: string;
  let hook: WebhookReceiver;

  beforeAll(async () => {
    app = await startIsolatedTestApp({
      webhookAllowHttp: true,
      webhookAllowedHosts: ['127.0.0.1'],
    });
    url = (app.dataSource.options as { url: string }).url;
    folder = await mkdtemp(join(tmpdir(), 'cca-backup-'));
    await chmod(folder, 0o755);
    hook = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await hook?.down();
    await app?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('restores exactly the backup; partners from before get RESYNC_REQUIRED; secrets still sign', async () => {
    const admin = await loginAs(app, 'admin');
    const partner = await apiKeyHeaders(app, LUMEN.slug, ['partner']);
    const { body: created } = await app.graphql(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }`,
      { input: { url: hook.url, subscriptions: [{ type: 'TREATMENT', actions: ['PUBLISHED'] }] } },
      admin,
    );
    const { secret } = created.data.createWebhookEndpoint;
    const client = new PartnerClient(app, LUMEN.slug, partner, 100);
    await client.syncAll();
    const epochBefore = await epochOf(app.dataSource);

    const file = join(folder, 'backup.jsonl.gz');
    const backedUp = await runNpmScript('db:backup', ['--file', file], {
      env: { DATABASE_URL: url },
    });
    expect(backedUp.stderr).not.toMatch(/Error/);
    expect(backedUp.code).toBe(0);
    expect(backedUp.stdout).toMatch(/^Backed up \d+ rows of \d+ tables to .*backup\.jsonl\.gz/);
    const backup = await contents(app.dataSource);

    // Content changes after the backup; the partner and the webhook see them.
    const dispatcher = app.app.get(WebhookDispatcherService);
    const lost = await publishedTreatment(app, admin, { summary: 'Published after the backup.' });
    await dispatcher.runDue();
    await client.syncAll();
    expect(client.copy.has(`TREATMENT:${lost.id}`)).toBe(true);
    const before = JSON.parse(hook.received[0].body);
    // The running app caches an answer that shows it.
    const lostSlug = lost.values.slug as string;
    const lostQuery = `{ treatment(brand: "${LUMEN.slug}", slug: "${lostSlug}") { summary } }`;
    await app.graphql(lostQuery);
    const cached = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: lostQuery }),
    });
    expect(cached.headers.get('x-cache')).toBe('HIT');
    const deploymentBefore = await app.dataSource.query(`SELECT id FROM deployment`);

    const restored = await runNpmScript('db:restore', ['--file', file, '--yes', 'true'], {
      env: { DATABASE_URL: url },
    });
    expect(restored.stderr).not.toMatch(/Error/);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/RESYNC_REQUIRED/);

    // The data equals the backup; only the epoch is new (and the cache
    // generations, which only grow), and the database keeps its deployment id.
    const after = await contents(app.dataSource);
    const epochAfter = await epochOf(app.dataSource);
    expect(epochAfter).not.toBe(epochBefore);
    const machinery = { deployment_epoch: [], cache_generations: [] };
    expect({ ...after, ...machinery }).toEqual({ ...backup, ...machinery });
    expect(await app.dataSource.query(`SELECT id FROM deployment`)).toEqual(deploymentBefore);
    // The app kept running: its cached answer from before the restore is not
    // served again once the documented bound has passed.
    await new Promise((done) => setTimeout(done, STALENESS_BOUND_MS));
    expect((await app.graphql(lostQuery)).body.data.treatment).toBeNull();

    // The partner's cursor from the other timeline is refused, with instructions.
    const resumed = await app.graphql(
      CONTENT_CHANGES,
      { brand: LUMEN.slug, after: client.cursor, first: 100 },
      partner,
    );
    expect(resumed.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/sync again without `after`/),
      extensions: { code: 'RESYNC_REQUIRED', argument: 'after', epoch: epochAfter },
    });
    // Syncing again from scratch converges: the treatment lost with the restore is gone.
    const fresh = new PartnerClient(app, LUMEN.slug, partner, 100);
    await fresh.syncAll();
    expect(fresh.copy.has(`TREATMENT:${lost.id}`)).toBe(false);

    // A publish after the restore reuses the lost change's sequence number, in a
    // new epoch, and is signed with the endpoint's secret as before.
    await publishedTreatment(app, admin, { summary: 'Published after the restore.' });
    await dispatcher.runDue();
    expect(hook.received).toHaveLength(2);
    const next = JSON.parse(hook.received[1].body);
    expect(before.data.epoch).toBe(epochBefore);
    expect(next.data.epoch).toBe(epochAfter);
    expect(next.data.sequence).toBe(before.data.sequence);
    expect(verifyWebhookSignature(secret, hook.received[1].body, hook.received[1].headers)).toBe(
      true,
    );
  });

  it('refuses a cut-off backup and leaves the data as it was', async () => {
    const file = join(folder, 'cut.jsonl.gz');
    await runNpmScript('db:backup', ['--file', file], { env: { DATABASE_URL: url } });
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const { readFile, writeFile } = await import('node:fs/promises');
    const lines = gunzipSync(await readFile(file))
      .toString('utf8')
      .split('\n');
    await writeFile(file, gzipSync(lines.slice(0, lines.length - 10).join('\n')));
    const data = await contents(app.dataSource);

    const restored = await runNpmScript('db:restore', ['--file', file, '--yes', 'true'], {
      env: { DATABASE_URL: url },
    });
    expect(restored.code).toBe(1);
    expect(restored.stderr).toMatch(/cut short or damaged: nothing was restored/);
    expect(await contents(app.dataSource)).toEqual(data);

    await writeFile(file, 'not a backup at all\n');
    const garbage = await runNpmScript('db:restore', ['--file', file, '--yes', 'true'], {
      env: { DATABASE_URL: url },
    });
    expect(garbage.code).toBe(1);
    expect(garbage.stderr).toMatch(/Error: The backup file is cut short or damaged/);
    expect(await contents(app.dataSource)).toEqual(data);
  });

  it('works on the embedded default (no DATABASE_URL, the data folder of npm start)', async () => {
    const env = { DATABASE_URL: undefined, DATA_DIR: join(folder, 'data') };
    const file = join(folder, 'embedded.jsonl.gz');
    expect((await runNpmScript('seed', [], { env })).code).toBe(0);
    const backedUp = await runNpmScript('db:backup', ['--file', file], { env });
    expect(backedUp.stdout).toMatch(/^Backed up/);
    expect(backedUp.stderr).toMatch(/Database: the embedded PostgreSQL in/);
    // A change after the backup: a new API key.
    const key = await runNpmScript(
      'cli',
      ['create-key', '--brand', LUMEN.slug, '--name', 'lost', '--scopes', 'partner'],
      { env },
    );
    expect(key.code).toBe(0);
    const restored = await runNpmScript('db:restore', ['--file', file, '--yes', 'true'], { env });
    expect(restored.code).toBe(0);

    const server = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: 0 });
    const { Client } = await import('pg');
    const client = new Client({ connectionString: server.url });
    try {
      await client.connect();
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM api_keys`);
      expect(rows[0].n).toBe(0);
      const { rows: version } = await client.query(`SELECT current_setting('server_version') AS v`);
      expect(version[0].v).toMatch(/^18/);
    } finally {
      await client.end();
      await server.stop();
    }
  });
});
