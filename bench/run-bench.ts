import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, totalmem, tmpdir, type as osType, release } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source';
import {
  type EmbeddedPostgresServer,
  startEmbeddedPostgres,
} from '../src/database/embedded-postgres';
import { progressBar } from '../seeds/run-scale-seed';
import { scaleClinicSlug, scaleRegionCount, scaleRegionSlug, seedScale } from '../seeds/scale-seed';
import {
  CLINIC_PAGE_QUERY,
  FAQ_PAGE_QUERY,
  LOCATOR_QUERY,
  PEER_LOCATOR_QUERY,
  TREATMENT,
} from './workloads';
import { WORST_QUERY } from './worst-query';
import { API_LAUNCHER } from './workloads/bench-http';
import { parseSkip, PRODUCT_WORKLOADS, ProductWorkloads } from './workloads/product-workloads';

/**
 * `npm run bench`: the delivery API against the floor (node:http + pg, one
 * hand-written statement) and the peer (PostGraphile 4), on a fresh
 * database, in one run. See docs/benchmarks.md.
 */
const ROOT = resolve(__dirname, '..');
const USAGE = `Usage: npm run bench -- [--clinics N] [--duration SECONDS] [--connections C]
  [--warmup SECONDS] [--small-clinics N] [--hot N] [--no-build] [--no-doc] [--worst-only]
  [--skip ${PRODUCT_WORKLOADS.join(',')}]`;

const { values: args } = parseArgs({
  options: {
    clinics: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    warmup: { type: 'string', default: '5' },
    'small-clinics': { type: 'string', default: '100' },
    hot: { type: 'string', default: '1000' },
    'no-build': { type: 'boolean', default: false },
    'no-doc': { type: 'boolean', default: false },
    'worst-only': { type: 'boolean', default: false },
    skip: { type: 'string', default: '' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const CLINICS = wholeNumber('clinics', args.clinics, 1);
const DURATION = wholeNumber('duration', args.duration, 1);
const CONNECTIONS = wholeNumber('connections', args.connections, 1);
const WARMUP = wholeNumber('warmup', args.warmup, 0);
const SMALL = wholeNumber('small-clinics', args['small-clinics'], 1);
/** Pages the cached runs draw from: the popular pages a cache is for. */
const HOT = Math.min(CLINICS, wholeNumber('hot', args.hot, 1));
const BIG_BRAND = `bench-${CLINICS}`;
const SKIP = (() => {
  try {
    return parseSkip(args.skip ?? '');
  } catch (error) {
    console.error(`Error: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
const SMALL_BRAND = `bench-${SMALL}`;

interface Figures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
}
interface Measured extends Figures {
  requests: number;
  non2xx: number;
  errors: number;
  sqlPerRequest: number;
  hitRatio?: number;
  /** Bytes on the wire per answer, headers included. */
  bytesPerRequest: number;
}
type Workload = 'clinicPage' | 'locator' | 'faqPage';
type Variant = 'floor' | 'api' | 'apiCached' | 'apiCachedCompressed' | 'peer';

interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

interface Server {
  name: string;
  port: number;
  child: ChildProcess;
  statsPort: number;
  peakRssMb(): number;
  stop(): Promise<void>;
}

const results: Partial<Record<Workload, Partial<Record<Variant, Measured>>>> = {};
const peakRss: Partial<Record<Variant, number>> = {};
const notes: string[] = [];
let scale: { smallP50: number; bigP50: number } | undefined;
/** Median time of the most expensive query the limits allow (bench/worst-query.ts). */
let worstQueryMs: number | undefined;
/** The workloads of bench/workloads/ (JSON keys inside "workloads"). */
let productFigures: Record<string, unknown> = {};
let productTargets: (mark: (ok: boolean) => string) => string[] = () => [];

async function main(): Promise<void> {
  const started = Date.now();
  if (!args['no-build']) {
    step('Building the API (npm run build)');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  if (!existsSync(join(ROOT, 'dist/src/main.js'))) {
    throw new Error('dist/src/main.js is missing: run without --no-build');
  }

  const db = await createBenchDatabase();
  const logDir = await mkdtemp(join(tmpdir(), 'cca-bench-logs-'));
  const product = new ProductWorkloads({
    root: ROOT,
    logDir,
    databaseUrl: db.url,
    brand: BIG_BRAND,
    clinics: CLINICS,
    connections: CONNECTIONS,
    duration: DURATION,
    skip: SKIP,
  });
  try {
    await seed(db.url);
    const regionIds = await regionIdsOf(db.url, BIG_BRAND);
    const pgVersion = await serverVersion(db.url);
    const env = { DATABASE_URL: db.url };

    if (args['worst-only']) {
      const api = await startApi('api', { ...env, RESPONSE_CACHE_TTL_SECONDS: '0' }, logDir);
      worstQueryMs = await timeWorstQuery(api);
      await api.stop();
      console.log(JSON.stringify(jsonLine()));
      return;
    }

    // The floor, the peer and the API without its response cache run side by
    // side and take turns on each workload (measureInTurns), so a slow or
    // fast stretch of the machine falls on all of them alike.
    const floor = await startServer(
      'floor',
      ['-r', 'ts-node/register/transpile-only', 'bench/floor-server.ts'],
      env,
      logDir,
    );
    const peer = await startServer(
      'peer',
      [
        '-r',
        './bench/peer-graphql15.cjs',
        '-r',
        'ts-node/register/transpile-only',
        'bench/peer-server.ts',
      ],
      env,
      logDir,
    );
    const uncached = await startApi('api', { ...env, RESPONSE_CACHE_TTL_SECONDS: '0' }, logDir);
    await checkSameAnswers(floor, uncached);
    await checkPeer(peer, regionIds);
    for (const workload of WORKLOADS) {
      const contenders: Contender[] = [
        { name: 'floor', server: floor, requestFor: floorRequest },
        { name: 'api', server: uncached, requestFor: apiRequest },
      ];
      if (workload === 'locator') {
        contenders.push({ name: 'peer', server: peer, requestFor: peerRequest(regionIds) });
      }
      // The small brand's clinic pages take turns too: their p50 is compared with the big one's.
      if (workload === 'clinicPage') {
        contenders.push({
          name: 'apiSmall',
          server: uncached,
          requestFor: apiRequest,
          brand: SMALL_BRAND,
          clinics: SMALL,
        });
      }
      const measured = await measureInTurns(workload, contenders);
      for (const variant of ['floor', 'api', 'peer'] as const) {
        if (measured.has(variant)) record(workload, variant, measured.get(variant)!);
      }
      if (workload === 'clinicPage') {
        scale = { smallP50: measured.get('apiSmall')!.p50Ms, bigP50: measured.get('api')!.p50Ms };
        console.log(
          `  clinic page at ${SMALL} clinics: p50 ${scale.smallP50} ms (at ${CLINICS}: ${scale.bigP50} ms)`,
        );
      }
    }
    peakRss.floor = floor.peakRssMb();
    peakRss.peer = peer.peakRssMb();
    await stopAll([floor, peer]);

    worstQueryMs = await timeWorstQuery(uncached);
    peakRss.api = uncached.peakRssMb();
    await uncached.stop();

    const cached = await startApi('apiCached', env, logDir);
    for (const workload of WORKLOADS) {
      await prefill(cached, workload);
      record(workload, 'apiCached', await measure(cached, workload, apiRequest, BIG_BRAND, HOT));
    }
    // The same hot clinic pages for a browser that accepts brotli: hits are
    // sent as compressed when stored, so this measures serving, not zlib.
    record(
      'clinicPage',
      'apiCachedCompressed',
      await measure(cached, 'clinicPage', compressedApiRequest, BIG_BRAND, HOT),
    );
    peakRss.apiCached = cached.peakRssMb();
    // It publishes a change to the brand: after every cached measurement.
    await product.onCachedApi(cached);
    await cached.stop();

    // Start, partner sync, editing, webhooks (bench/workloads/product-workloads.ts).
    await product.run(
      // What `npm start` runs with in production (no preload, no bench settings).
      {
        ...env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        WEBHOOK_SECRET_KEY: randomBytes(32).toString('hex'),
      },
      (extra) => startApi('api', { ...env, ...extra }, logDir),
    );
    productFigures = product.json();
    productTargets = (mark) => product.targets(mark);

    const line = jsonLine();
    const table = renderTable();
    console.log(`\n${table}\n`);
    const targets = renderTargets();
    console.log(targets.join('\n'));
    if (!args['no-doc']) {
      writeDoc(table, targets, pgVersion, line, Math.round((Date.now() - started) / 1000));
      console.log('\nWrote docs/benchmarks.md');
    }
    console.log(JSON.stringify(line));
  } finally {
    await stopAll(running);
    await product.close();
    await db.drop();
    await rm(logDir, { recursive: true, force: true });
  }
}

const WORKLOADS: Workload[] = ['clinicPage', 'locator', 'faqPage'];
const running: Server[] = [];

// ---------------------------------------------------------------- requests

const pick = (n: number) => 1 + Math.floor(Math.random() * n);

function inputs(workload: Workload, brand: string, clinics: number): Record<string, string> {
  const regions = scaleRegionCount(clinics);
  switch (workload) {
    case 'clinicPage':
      return { brand, clinic: scaleClinicSlug(pick(clinics)), treatment: TREATMENT };
    case 'locator':
      return { brand, region: scaleRegionSlug(pick(regions)) };
    case 'faqPage':
      return { brand, clinic: scaleClinicSlug(pick(clinics)) };
  }
}

const QUERIES: Record<Workload, string> = {
  clinicPage: CLINIC_PAGE_QUERY,
  locator: LOCATOR_QUERY,
  faqPage: FAQ_PAGE_QUERY,
};
const FLOOR_PATHS: Record<Workload, string> = {
  clinicPage: '/clinic-page',
  locator: '/locator',
  faqPage: '/faq-page',
};

type RequestFor = (workload: Workload, variables: Record<string, string>) => RequestSpec;

const apiRequest: RequestFor = (workload, variables) => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: QUERIES[workload], variables }),
});

const compressedApiRequest: RequestFor = (workload, variables) => {
  const request = apiRequest(workload, variables);
  return { ...request, headers: { ...request.headers, 'accept-encoding': 'br, gzip' } };
};

const floorRequest: RequestFor = (workload, variables) => ({
  method: 'GET',
  path: `${FLOOR_PATHS[workload]}?${new URLSearchParams(variables)}`,
});

function peerRequest(regionIds: Map<string, string>): RequestFor {
  return (_workload, variables) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: PEER_LOCATOR_QUERY,
      variables: { regionId: regionIds.get(variables.region) },
    }),
  });
}

// ---------------------------------------------------------------- load

interface Contender {
  /** Its key in the returned map: the variant, or another name for the same server. */
  name: string;
  server: Server;
  requestFor: RequestFor;
  /** The brand its requests draw from (default: the big brand, all its clinics). */
  brand?: string;
  clinics?: number;
}

/** Turns each contender gets per workload; the durations add up to --duration. */
const TURNS = 4;

type LoadResult = Omit<Measured, 'sqlPerRequest'>;

/**
 * Measures one workload on several servers that run side by side, each in
 * TURNS turns of DURATION / TURNS seconds, in the order A B B A A B B A (for
 * three: A B C C B A …), so a drift of the machine's speed during the
 * measurement weighs on all of them alike. Measured one after the other,
 * the floors moved by up to 35 % between runs while the API did not.
 */
async function measureInTurns(
  workload: Workload,
  contenders: Contender[],
): Promise<Map<string, Measured>> {
  const loadOf = (contender: Contender, seconds: number) =>
    load(
      contender.server,
      workload,
      contender.requestFor,
      contender.brand ?? BIG_BRAND,
      contender.clinics ?? CLINICS,
      seconds,
    );
  if (WARMUP > 0) for (const contender of contenders) await loadOf(contender, WARMUP);
  const turns = new Map<string, LoadResult[]>(contenders.map(({ name }) => [name, []]));
  const seconds = Math.max(1, Math.round(DURATION / TURNS));
  for (let turn = 0; turn < TURNS; turn++) {
    const order = turn % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order)
      turns.get(contender.name)!.push(await loadOf(contender, seconds));
  }
  const measured = new Map<string, Measured>();
  for (const contender of contenders) {
    const results = turns.get(contender.name)!;
    const brand = contender.brand ?? BIG_BRAND;
    const clinics = contender.clinics ?? CLINICS;
    const m: Measured = {
      ...combineTurns(results),
      sqlPerRequest: await sqlPerRequest(
        contender.server,
        workload,
        contender.requestFor,
        brand,
        clinics,
      ),
    };
    const label = `${contender.server.name} ${workload}${clinics === CLINICS ? '' : ` (${clinics} clinics)`}`;
    report(
      label,
      m,
      results.map((result) => result.rps),
    );
    measured.set(contender.name, m);
  }
  return measured;
}

/** One figure for several turns: rates and percentiles are the turns' means, counts their sums. */
function combineTurns(results: LoadResult[]): LoadResult {
  const sum = (figure: (result: LoadResult) => number) =>
    results.reduce((total, result) => total + figure(result), 0);
  const mean = (figure: (result: LoadResult) => number) => sum(figure) / results.length;
  const requests = sum((result) => result.requests);
  const marked = results.every((result) => result.hitRatio !== undefined);
  return {
    rps: round(
      mean((result) => result.rps),
      0,
    ),
    p50Ms: round(
      mean((result) => result.p50Ms),
      1,
    ),
    p99Ms: round(
      mean((result) => result.p99Ms),
      1,
    ),
    requests,
    non2xx: sum((result) => result.non2xx),
    errors: sum((result) => result.errors),
    hitRatio: marked
      ? sum((result) => result.hitRatio! * result.requests) / Math.max(1, requests)
      : undefined,
    bytesPerRequest: requests
      ? Math.round(sum((result) => result.bytesPerRequest * result.requests) / requests)
      : 0,
  };
}

async function measure(
  server: Server,
  workload: Workload,
  requestFor: RequestFor,
  brand = BIG_BRAND,
  clinics = CLINICS,
): Promise<Measured> {
  const label = `${server.name} ${workload}${
    clinics === CLINICS
      ? ''
      : brand === BIG_BRAND
        ? ` (hot set of ${clinics})`
        : ` (${clinics} clinics)`
  }`;
  if (WARMUP > 0) await load(server, workload, requestFor, brand, clinics, WARMUP);
  const result = await load(server, workload, requestFor, brand, clinics, DURATION);
  const measured: Measured = {
    ...result,
    sqlPerRequest: await sqlPerRequest(server, workload, requestFor, brand, clinics),
  };
  report(label, measured);
  return measured;
}

/** Prints a measurement (with each turn's req/s when it had turns) and notes failed answers. */
function report(label: string, measured: Measured, turnRps?: number[]) {
  console.log(
    `  ${label}: ${measured.rps} req/s${turnRps ? ` (turns: ${turnRps.join(', ')})` : ''}, p50 ${measured.p50Ms} ms, p99 ${measured.p99Ms} ms, ` +
      `${measured.sqlPerRequest} SQL/req, ${measured.bytesPerRequest} B/answer${measured.hitRatio === undefined ? '' : `, ${Math.round(measured.hitRatio * 100)}% cache hits`}` +
      `${measured.non2xx || measured.errors ? `, ${measured.non2xx} non-2xx, ${measured.errors} errors` : ''}`,
  );
  if (measured.non2xx || measured.errors) {
    notes.push(`${label}: ${measured.non2xx} non-2xx answers and ${measured.errors} errors`);
  }
}

async function load(
  server: Server,
  workload: Workload,
  requestFor: RequestFor,
  brand: string,
  clinics: number,
  seconds: number,
): Promise<Omit<Measured, 'sqlPerRequest'>> {
  let hits = 0;
  let marked = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          ...requestFor(workload, inputs(workload, brand, clinics)),
        }),
        onResponse: (_status, _body, _context, headers) => {
          const cache = headers?.['x-cache'];
          if (cache) {
            marked++;
            if (cache === 'HIT') hits++;
          }
        },
      },
    ],
  });
  return {
    rps: round(result.requests.average, 0),
    p50Ms: round(result.latency.p50, 1),
    p99Ms: round(result.latency.p99, 1),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    hitRatio: marked ? hits / result.requests.total : undefined,
    bytesPerRequest: result.requests.total
      ? Math.round(result.throughput.total / result.requests.total)
      : 0,
  };
}

/**
 * Before the cached runs: every page of the workload is asked once, so the
 * cache holds what a site's traffic would have put there (bounded: 60 s).
 */
async function prefill(server: Server, workload: Workload): Promise<void> {
  const variables: Record<string, string>[] =
    workload === 'locator'
      ? Array.from({ length: scaleRegionCount(CLINICS) }, (_, i) => ({
          brand: BIG_BRAND,
          region: scaleRegionSlug(i + 1),
        }))
      : Array.from({ length: HOT }, (_, i) => ({
          brand: BIG_BRAND,
          clinic: scaleClinicSlug(i + 1),
          ...(workload === 'clinicPage' ? { treatment: TREATMENT } : {}),
        }));
  const deadline = Date.now() + 60_000;
  let next = 0;
  const worker = async () => {
    while (next < variables.length && Date.now() < deadline) {
      const spec = apiRequest(workload, variables[next++]);
      await fetch(`http://127.0.0.1:${server.port}${spec.path}`, {
        method: spec.method,
        headers: spec.headers,
        body: spec.body,
      }).then((response) => response.arrayBuffer());
    }
  };
  const startedAt = Date.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  console.log(
    `  ${server.name} ${workload}: cache filled with ${Math.min(next, variables.length)} of ${variables.length} pages in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
  );
}

/** The floor must answer what the API answers, or the comparison means nothing. */
async function checkSameAnswers(floor: Server, api: Server): Promise<void> {
  for (const workload of WORKLOADS) {
    let same = 0;
    const samples = 5;
    for (let i = 0; i < samples; i++) {
      const variables = inputs(workload, BIG_BRAND, CLINICS);
      const [fromFloor, fromApi] = await Promise.all([
        call(floor, floorRequest(workload, variables)),
        call(api, apiRequest(workload, variables)),
      ]);
      if (isDeepStrictEqual(fromFloor, fromApi)) same++;
      else if (same === i)
        console.log(
          `  ${workload}: the floor's answer differs from the API's for ${JSON.stringify(variables)}`,
        );
    }
    const line = `${workload}: the floor answered the API's JSON in ${same} of ${samples} samples`;
    console.log(`  ${line}`);
    if (same !== samples) notes.push(line);
  }
}

/** The peer must find the same 50 clinics, or its figures mean nothing. */
async function checkPeer(peer: Server, regionIds: Map<string, string>): Promise<void> {
  const variables = { brand: BIG_BRAND, region: scaleRegionSlug(1) };
  const answer = (await call(peer, peerRequest(regionIds)('locator', variables))) as {
    data?: { allClinics?: { totalCount: number; nodes: { slug: string }[] } };
    errors?: unknown;
  };
  const nodes = answer.data?.allClinics?.nodes ?? [];
  const expected = Array.from({ length: Math.min(50, CLINICS) }, (_, i) => i);
  if (answer.errors || nodes.length !== expected.length) {
    throw new Error(
      `The peer's locator answer is not a page of clinics: ${JSON.stringify(answer).slice(0, 300)}`,
    );
  }
  console.log(
    `  peer locator: ${answer.data!.allClinics!.totalCount} clinics in region-001, first page of ${nodes.length}`,
  );
}

async function call(server: Server, spec: RequestSpec): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${server.port}${spec.path}`, {
    method: spec.method,
    headers: spec.headers,
    body: spec.body,
  });
  return response.json();
}

/**
 * Statements per request, counted on a quiet server over sequential
 * requests (under load, requests in flight at the edges of a window would
 * blur the count).
 */
async function sqlPerRequest(
  server: Server,
  workload: Workload,
  requestFor: RequestFor,
  brand: string,
  clinics: number,
): Promise<number> {
  const samples = 20;
  await sleep(500);
  const before = await statements(server);
  for (let i = 0; i < samples; i++) {
    await call(server, requestFor(workload, inputs(workload, brand, clinics)));
  }
  return round(((await statements(server)) - before) / samples, 2);
}

async function statements(server: Server): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${server.statsPort}/`);
  return ((await response.json()) as { statements: number }).statements;
}

/**
 * The worst query, on the uncached API with no other load: one warm-up, then
 * the median of 5 sequential runs. Its answer must be the data, not an error.
 */
async function timeWorstQuery(server: Server): Promise<number> {
  step('Timing the most expensive query the limits allow (bench/worst-query.ts)');
  const spec: RequestSpec = {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: WORST_QUERY, variables: { brand: BIG_BRAND } }),
  };
  const times: number[] = [];
  for (let run = 0; run <= 5; run++) {
    const started = performance.now();
    const answer = (await call(server, spec)) as { errors?: unknown; data?: unknown };
    const ms = performance.now() - started;
    if (answer.errors || !answer.data) {
      throw new Error(`The worst query failed: ${JSON.stringify(answer).slice(0, 300)}`);
    }
    if (run > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const median = round(times[Math.floor(times.length / 2)], 1);
  console.log(
    `  worst query: median ${median} ms (runs: ${times.map((t) => round(t, 0)).join(', ')})`,
  );
  return median;
}

// ---------------------------------------------------------------- servers

async function startApi(name: Variant, env: Record<string, string>, logDir: string) {
  return startServer(
    name,
    ['dist/src/main.js'],
    {
      ...env,
      NODE_ENV: 'production',
      SEED_ON_START: 'false',
      SCHEDULER_INTERVAL_SECONDS: '0',
      // All load comes from one address.
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '0',
      // Production refuses to start without it (no webhook is sent here).
      WEBHOOK_SECRET_KEY: randomBytes(32).toString('hex'),
      HOST: '127.0.0.1',
    },
    logDir,
    API_LAUNCHER,
  );
}

/**
 * `launcher` (default: this node) runs the preload and `argv`; the API's
 * launcher execs node, so the child's pid, and the RSS read from it, are
 * the server's.
 */
async function startServer(
  name: string,
  argv: string[],
  env: Record<string, string>,
  logDir: string,
  launcher = process.execPath,
): Promise<Server> {
  const [port, statsPort] = [await freePort(), await freePort()];
  const log = openSync(join(logDir, `${name}-${port}.log`), 'a');
  const child = spawn(launcher, ['-r', join(__dirname, 'count-sql.cjs'), ...argv], {
    cwd: ROOT,
    env: {
      ...process.env,
      REDIS_URL: '',
      ...env,
      PORT: String(port),
      BENCH_STATS_PORT: String(statsPort),
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const server: Server = {
    name,
    port,
    child,
    statsPort,
    peakRssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    stop: () =>
      new Promise<void>((done) => {
        running.splice(running.indexOf(server), 1);
        if (exited(child)) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
  running.push(server);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited(child)) {
      throw new Error(
        `${name} exited with ${child.exitCode ?? child.signalCode}; see its log in ${logDir}`,
      );
    }
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      await fetch(`http://127.0.0.1:${statsPort}/`);
      console.log(`  ${name} listening on ${port}`);
      return server;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(`${name} did not start within 120 s`);
}

/** Whether the process has ended: by exiting (exitCode) or killed by a signal (signalCode). */
function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function stopAll(servers: Server[]) {
  await Promise.all([...servers].map((server) => server.stop()));
}

// ---------------------------------------------------------------- database

interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on DATABASE_URL's server, else on a new embedded server. */
async function createBenchDatabase(): Promise<BenchDatabase> {
  let embedded: { server: EmbeddedPostgresServer; folder: string } | undefined;
  let adminUrl = process.env.DATABASE_URL?.trim();
  if (!adminUrl) {
    step('Starting an embedded PostgreSQL in a temporary folder');
    const folder = await mkdtemp(join(tmpdir(), 'cca-bench-pg-'));
    await chmod(folder, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir: join(folder, 'data'),
      port: 0,
      database: 'postgres',
    });
    embedded = { server, folder };
    adminUrl = server.url;
  }
  const name = `cca_bench_${Date.now()}_${process.pid}`;
  await admin(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  step(`Created database ${name}${embedded ? ' (embedded)' : ' on DATABASE_URL’s server'}`);
  return {
    url: url.toString(),
    async drop() {
      try {
        await admin(adminUrl, (client) =>
          client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
        );
      } finally {
        if (embedded) {
          await embedded.server.stop();
          await rm(embedded.folder, { recursive: true, force: true });
        }
      }
    },
  };
}

async function seed(url: string): Promise<void> {
  const dataSource = new DataSource(buildDataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    for (const [brand, clinics] of new Map([
      [BIG_BRAND, CLINICS],
      [SMALL_BRAND, SMALL],
    ])) {
      step(`Seeding ${clinics} clinics (brand ${brand})`);
      const startedAt = Date.now();
      await seedScale(dataSource, { brand, clinics, onProgress: progressBar('clinics') });
      console.log(`  seeded in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    }
  } finally {
    await dataSource.destroy();
  }
}

async function regionIdsOf(url: string, brand: string): Promise<Map<string, string>> {
  const rows = await admin(
    url,
    async (client) =>
      (
        await client.query(
          `SELECT r.slug, r.id FROM regions r JOIN brands b ON b.id = r.brand_id WHERE b.slug = $1`,
          [brand],
        )
      ).rows as { slug: string; id: string }[],
  );
  return new Map(rows.map((row) => [row.slug, row.id]));
}

async function serverVersion(url: string): Promise<string> {
  return admin(
    url,
    async (client) => (await client.query('SHOW server_version')).rows[0].server_version as string,
  );
}

async function admin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- report

function record(workload: Workload, variant: Variant, measured: Measured) {
  (results[workload] ??= {})[variant] = measured;
}

const figures = (m: Measured | undefined): Figures => ({
  rps: m?.rps ?? 0,
  p50Ms: m?.p50Ms ?? 0,
  p99Ms: m?.p99Ms ?? 0,
});

function jsonLine() {
  const workloads: Record<string, unknown> = {};
  for (const workload of WORKLOADS) {
    const r = results[workload] ?? {};
    workloads[workload] = {
      floor: figures(r.floor),
      api: figures(r.api),
      apiCached: figures(r.apiCached),
      ...(workload === 'locator' ? { peer: figures(r.peer) } : {}),
      ...(r.apiCachedCompressed
        ? {
            apiCachedCompressed: figures(r.apiCachedCompressed),
            bytesPerAnswer: {
              apiCached: r.apiCached?.bytesPerRequest ?? 0,
              apiCachedCompressed: r.apiCachedCompressed.bytesPerRequest,
            },
          }
        : {}),
      sqlPerRequest: r.api?.sqlPerRequest ?? 0,
    };
  }
  workloads.worstQueryMs = worstQueryMs ?? 0;
  Object.assign(workloads, productFigures);
  return {
    clinics: CLINICS,
    workloads,
    peakRssMb: Math.max(peakRss.api ?? 0, peakRss.apiCached ?? 0),
  };
}

const VARIANT_LABELS: Record<Variant, string> = {
  floor: 'floor (node:http + pg)',
  peer: 'peer (PostGraphile 4)',
  api: 'API, uncached',
  apiCached: 'API, response cache',
  apiCachedCompressed: 'API, response cache, brotli',
};

function renderTable(): string {
  const rows = [
    '| Workload | Server | req/s | p50 ms | p99 ms | SQL/req | B/answer | peak RSS MB | vs floor | vs peer |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const workload of WORKLOADS) {
    const r = results[workload] ?? {};
    for (const variant of [
      'floor',
      'peer',
      'api',
      'apiCached',
      'apiCachedCompressed',
    ] as Variant[]) {
      const m = r[variant];
      if (!m) continue;
      const vsFloor = r.floor && variant !== 'floor' ? `${round(m.rps / r.floor.rps, 2)}×` : '';
      const vsPeer =
        r.peer && (variant === 'api' || variant === 'apiCached')
          ? `${round(m.rps / r.peer.rps, 2)}×`
          : '';
      const hits = m.hitRatio === undefined ? '' : ` (${Math.round(m.hitRatio * 100)}% hits)`;
      rows.push(
        `| ${workload} | ${VARIANT_LABELS[variant]}${hits} | ${m.rps} | ${m.p50Ms} | ${m.p99Ms} | ${m.sqlPerRequest} | ${m.bytesPerRequest} | ${peakRss[variant === 'apiCachedCompressed' ? 'apiCached' : variant] ?? ''} | ${vsFloor} | ${vsPeer} |`,
      );
    }
  }
  return rows.join('\n');
}

function renderTargets(): string[] {
  const r = results;
  const mark = (ok: boolean) => (ok ? '**met**' : '**missed**');
  const clinic = r.clinicPage ?? {};
  const lines: string[] = [];
  const ratio = (a?: Measured, b?: Measured) => (a && b ? round(a.rps / b.rps, 2) : 0);
  const uncachedRatio = ratio(clinic.api, clinic.floor);
  lines.push(
    `- Clinic page uncached ≥ 50% of the floor's req/s: ${mark(uncachedRatio >= 0.5)} (${Math.round(uncachedRatio * 100)}%)`,
  );
  const cachedRatio = ratio(clinic.apiCached, clinic.floor);
  lines.push(
    `- Clinic page with the cache ≥ 2× the floor: ${mark(cachedRatio >= 2)} (${cachedRatio}×)`,
  );
  const peerRatio = ratio(r.locator?.api, r.locator?.peer);
  lines.push(
    `- Locator ≥ PostGraphile's req/s: ${mark(peerRatio >= 1)} (${peerRatio}× uncached, ${ratio(r.locator?.apiCached, r.locator?.peer)}× cached)`,
  );
  const p99s = WORKLOADS.flatMap((w) =>
    (['api', 'apiCached'] as Variant[]).map((v) => [`${w} ${v}`, r[w]?.[v]?.p99Ms ?? 0] as const),
  );
  const worst = p99s.reduce((a, b) => (b[1] > a[1] ? b : a));
  lines.push(
    `- p99 ≤ 50 ms at ${CONNECTIONS} connections (our API, every workload): ${mark(worst[1] <= 50)} (worst: ${worst[0]} ${worst[1]} ms)`,
  );
  const sql = clinic.api?.sqlPerRequest ?? 0;
  lines.push(
    `- SQL statements per clinic page constant and ≤ 6: ${mark(sql <= 6)} (${sql}; constant in size: test/sql-count.spec.ts)`,
  );
  lines.push(
    `- The most expensive query the limits allow, alone, < 1 s: ${mark((worstQueryMs ?? Infinity) < 1000)} (${worstQueryMs} ms)`,
  );
  lines.push(...productTargets(mark));
  const rss = Math.max(peakRss.api ?? 0, peakRss.apiCached ?? 0);
  lines.push(`- RSS ≤ 300 MB: ${mark(rss <= 300)} (peak ${rss} MB)`);
  if (scale) {
    const factor = round(scale.bigP50 / Math.max(0.1, scale.smallP50), 2);
    lines.push(
      `- Clinic page p50 at ${CLINICS} clinics ≤ 1.2× p50 at ${SMALL}: ${mark(factor <= 1.2)} (${scale.bigP50} ms vs ${scale.smallP50} ms: ${factor}×)`,
    );
  }
  return lines;
}

const BEGIN = '<!-- bench:begin (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:end -->';

function writeDoc(
  table: string,
  targets: string[],
  pgVersion: string,
  line: unknown,
  seconds: number,
) {
  const path = join(ROOT, 'docs/benchmarks.md');
  const generated = [
    BEGIN,
    '## Latest run',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}`,
    `- Node ${process.versions.node}, PostgreSQL ${pgVersion} (${process.env.DATABASE_URL ? 'DATABASE_URL’s server' : 'embedded'})`,
    `- Command: \`npm run bench -- --clinics ${CLINICS} --duration ${DURATION} --connections ${CONNECTIONS} --warmup ${WARMUP} --hot ${HOT}\` (${seconds} s in all)`,
    '',
    table,
    '',
    '### Targets',
    '',
    ...targets,
    ...(notes.length
      ? ['', '### Notes from the run', '', ...notes.map((note) => `- ${note}`)]
      : []),
    '',
    '### JSON',
    '',
    '```json',
    JSON.stringify(line),
    '```',
    END,
  ].join('\n');
  const current = existsSync(path)
    ? readFileSync(path, 'utf8')
    : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + generated + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n${generated}\n`;
  writeFileSync(path, next);
}

// ---------------------------------------------------------------- helpers

function step(message: string) {
  console.log(`\n== ${message}`);
}

function round(value: number, digits: number) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

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

function wholeNumber(name: string, value: string | undefined, min: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    console.error(`Error: --${name} is "${value}": give a whole number ≥ ${min}\n${USAGE}`);
    process.exit(2);
  }
  return parsed;
}

main().catch(async (error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  // fetch failures say why only in their cause (refused, reset, timed out).
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause) console.error(`  cause: ${cause instanceof Error ? cause.message : String(cause)}`);
  await stopAll(running).catch(() => undefined);
  process.exit(1);
});
