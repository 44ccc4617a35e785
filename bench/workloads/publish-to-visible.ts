import autocannon from 'autocannon';
import { scaleClinicSlug } from '../../seeds/scale-seed';
import { CLINIC_PAGE_QUERY, TREATMENT } from '../workloads';
import type { BenchDatabase } from './bench-database';
import {
  type BenchTarget,
  graphqlOk,
  percentile,
  round,
  sleep,
  statementsSent,
} from './bench-http';

export interface PublishToVisibleOptions {
  /** The API with its response cache on, started with the SQL counter. */
  target: BenchTarget & { statsPort: number };
  db: BenchDatabase;
  /** An `admin` key of the brand: it edits and publishes the treatment. */
  adminKey: string;
  brand: string;
  clinics: number;
  /** Connections of the steady load on the sampled pages (the bench's --connections). */
  connections: number;
  /** Clinics whose pages are watched (the 200). */
  samples?: number;
}

export interface PublishToVisibleFigures {
  /** Time from sending `publish` until a sampled clinic's page served the new value. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** How many clinic pages were watched, and how many showed the change in time. */
  samples: number;
  visible: number;
  /** The publish mutation's own time (its transaction records the change for every clinic). */
  publishMs: number;
  /** The steady load's answers per second before the publish and until the last page showed it. */
  rpsSteady: number;
  rpsDuring: number;
  /** Statements the API sent per second, in the same two windows. */
  sqlPerSecSteady: number;
  sqlPerSecDuring: number;
  /** Cache misses per watched page from the publish on: 1 = each page rendered once (no stampede). */
  rendersPerPage: number;
}

/** Each watched page is revalidated this often from the publish on (one request in flight per page). */
const POLL_MS = 200;
/**
 * The steady load's rate: a busy site's page views, well under what the
 * cache serves here, so the figures say what a publish does to a site
 * that is not already overloaded.
 */
const STEADY_RATE = 500;
const SETTLE_MS = 1_000;
const STEADY_MS = 3_000;
/** A page that has not shown the change by then counts at this time. */
const DEADLINE_MS = 30_000;

/**
 * publishToVisible: a brand-wide change to an inherited field (the
 * treatment's summary, which the sampled clinics do not override) is
 * published while the cached pages of `samples` clinics spread over the
 * whole brand are being read, and the workload times how long after the
 * `publish` each of them serves the new text.
 *
 * The sampled pages are put in the cache first, then read two ways: a
 * steady load of STEADY_RATE requests per second over `connections`
 * keep-alive connections, POSTs of random sampled pages (what a site asks
 * for; its answers per second are the API's throughput), and, from the
 * publish on, one watcher per page that revalidates it every POLL_MS
 * (the time it shows the change, to within that). The window before the
 * publish gives the baseline throughput and SQL rate.
 */
export async function measurePublishToVisible(
  options: PublishToVisibleOptions,
): Promise<PublishToVisibleFigures> {
  const { target, brand, adminKey } = options;
  const slugs = sampledClinics(options.clinics, options.samples ?? 200);
  const variablesOf = (clinic: string) => ({ brand, clinic, treatment: TREATMENT });
  const pageBody = (clinic: string) =>
    JSON.stringify({ query: CLINIC_PAGE_QUERY, variables: variablesOf(clinic) });
  const readPage = async (clinic: string) => {
    const response = await fetch(`http://127.0.0.1:${target.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: pageBody(clinic),
    });
    return {
      text: await response.text(),
      cache: response.headers.get('x-cache'),
      etag: response.headers.get('etag'),
    };
  };
  /**
   * The watchers revalidate as a CDN or browser does: a GET of the same
   * page (same cache entry) with the ETag they hold, answered 304 while it
   * is the same and 200 with the new page once it is not.
   */
  const pageUrl = (clinic: string) =>
    `http://127.0.0.1:${target.port}/graphql?${new URLSearchParams({
      query: CLINIC_PAGE_QUERY,
      variables: JSON.stringify(variablesOf(clinic)),
    })}`;

  // The page text before; the change is saved as a draft, which no page shows.
  const [treatment] = await options.db.query<{ id: string; version: number; summary: string }>(
    `SELECT t.id, t.version, t.summary FROM treatments t JOIN brands b ON b.id = t.brand_id
      WHERE b.slug = $1 AND t.slug = $2`,
    [brand, TREATMENT],
  );
  const marker = `Revised by npm run bench ${Date.now()}.`;
  const saved = await graphqlOk<{ updateTreatment: { version: number } }>(
    target,
    `mutation($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { version } }`,
    {
      input: {
        id: treatment.id,
        version: treatment.version,
        summary: `${treatment.summary} ${marker}`,
      },
    },
    adminKey,
  );

  // Every sampled page in the cache, checked; its ETag kept for the watchers.
  await inParallel(slugs, 8, (slug) => readPage(slug));
  await sleep(300);
  let cached = 0;
  const etags = new Map<string, string>();
  await inParallel(slugs, 8, async (slug) => {
    const page = await readPage(slug);
    if (page.text.includes(marker)) throw new Error(`${slug} shows the draft before any publish`);
    if (page.cache === 'HIT') cached++;
    if (!page.etag) throw new Error(`${slug}: the page has no ETag: ${page.text.slice(0, 200)}`);
    etags.set(slug, page.etag);
  });
  console.log(
    `  publishToVisible: ${cached} of ${slugs.length} sampled pages cached before the publish`,
  );

  // Steady load and watchers.
  const answered: number[] = [];
  let misses: number[] = [];
  let load!: autocannon.Instance;
  const loadDone = new Promise<void>((done) => {
    load = autocannon(
      {
        url: `http://127.0.0.1:${target.port}`,
        connections: options.connections,
        overallRate: STEADY_RATE,
        duration: (SETTLE_MS + STEADY_MS + DEADLINE_MS) / 1000 + 10,
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              method: 'POST',
              path: '/graphql',
              headers: { 'content-type': 'application/json' },
              body: pageBody(slugs[Math.floor(Math.random() * slugs.length)]),
            }),
            onResponse: (_status, _body, _context, headers) => {
              const now = performance.now();
              answered.push(now);
              if (headers?.['x-cache'] === 'MISS') misses.push(now);
            },
          },
        ],
      },
      () => done(),
    );
  });

  let publishedAt = Infinity;
  let watching = true;
  const shownAfter = new Map<string, number>();
  /**
   * Each page is revalidated every POLL_MS until it shows the change, from
   * before the publish on, as a CDN does: its connections are open and its
   * polls spread out when the publish comes (watchers first started at the
   * publish opened 200 connections at once, queued ahead of it).
   */
  const watch = async (slug: string) => {
    while (watching) {
      const asked = performance.now();
      const response = await fetch(pageUrl(slug), {
        headers: { 'if-none-match': etags.get(slug)! },
      }).catch(() => undefined);
      const text = response?.status === 200 ? await response.text() : '';
      const now = performance.now();
      if (response?.headers.get('x-cache') === 'MISS') misses.push(now);
      if (text.includes(marker)) {
        shownAfter.set(slug, now - publishedAt);
        return;
      }
      await sleep(Math.max(0, POLL_MS - (now - asked)));
    }
  };

  const watchers = slugs.map(watch);
  await sleep(SETTLE_MS);
  const steadyFrom = performance.now();
  const sqlBefore = await statementsSent(target);
  await sleep(STEADY_MS);
  const sqlAtPublish = await statementsSent(target);
  misses = [];
  publishedAt = performance.now();
  await graphqlOk(
    target,
    `mutation($input: PublishInput!) { publish(input: $input) { version } }`,
    {
      input: {
        items: [{ type: 'TREATMENT', id: treatment.id, version: saved.updateTreatment.version }],
      },
    },
    adminKey,
  );
  const publishMs = performance.now() - publishedAt;
  while (shownAfter.size < slugs.length && performance.now() - publishedAt < DEADLINE_MS) {
    await sleep(20);
  }
  const lastShown = performance.now();
  const sqlAfter = await statementsSent(target);
  watching = false;
  load.stop();
  await Promise.all([loadDone, ...watchers]);

  const steadySeconds = (publishedAt - steadyFrom) / 1000;
  const duringSeconds = Math.max(0.001, (lastShown - publishedAt) / 1000);
  const times = slugs.map((slug) => shownAfter.get(slug) ?? DEADLINE_MS);
  const figures: PublishToVisibleFigures = {
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(Math.max(...times)),
    samples: slugs.length,
    visible: shownAfter.size,
    publishMs: round(publishMs),
    rpsSteady: round(countBetween(answered, steadyFrom, publishedAt) / steadySeconds),
    rpsDuring: round(countBetween(answered, publishedAt, lastShown) / duringSeconds),
    sqlPerSecSteady: round((sqlAtPublish - sqlBefore) / steadySeconds),
    sqlPerSecDuring: round((sqlAfter - sqlAtPublish) / duringSeconds),
    rendersPerPage: round(countBetween(misses, publishedAt, lastShown) / slugs.length, 2),
  };
  console.log(
    `  publishToVisible: ${figures.visible} of ${figures.samples} pages showed the change; ` +
      `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms after publish ` +
      `(publish itself ${figures.publishMs} ms); steady load ${figures.rpsSteady} → ${figures.rpsDuring} req/s, ` +
      `SQL ${figures.sqlPerSecSteady} → ${figures.sqlPerSecDuring} statements/s, ` +
      `${figures.rendersPerPage} renders per page`,
  );
  if (figures.visible < figures.samples) {
    const missing = slugs.filter((slug) => !shownAfter.has(slug)).slice(0, 5);
    console.log(
      `  publishToVisible: still old after ${DEADLINE_MS / 1000} s, e.g. ${missing.join(', ')}`,
    );
  }
  return figures;
}

/**
 * `count` clinics spread evenly over the brand, none of them one of the
 * scale seed's every-fifth clinics (they override the summary, so a brand
 * change does not show there by design).
 */
export function sampledClinics(clinics: number, count: number): string[] {
  const candidates = Array.from({ length: clinics }, (_, i) => i + 1).filter((i) => i % 5 !== 0);
  const n = Math.min(count, candidates.length);
  return Array.from({ length: n }, (_, k) =>
    scaleClinicSlug(candidates[Math.floor((k * candidates.length) / n)]),
  );
}

function countBetween(times: readonly number[], from: number, to: number): number {
  return times.filter((time) => time >= from && time < to).length;
}

async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<unknown>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}
