import { BenchDatabase } from './bench-database';
import type { BenchTarget } from './bench-http';
import { type DriftReportFigures, measureDriftReport } from './drift-report';
import { type EditingFigures, measureEditing } from './editing';
import { measurePartnerSync, type PartnerSyncFigures } from './partner-sync';
import { measurePublishToVisible, type PublishToVisibleFigures } from './publish-to-visible';
import { measureStartMs } from './start-time';
import { measureWebhookDispatch, type WebhookDispatchFigures } from './webhook-dispatch';

/**
 * The workloads beyond the three delivery pages (issue 15): what a brand's
 * editors, partners and operators do, each against its own baseline from
 * the same run. bench/run-bench.ts calls them at two points: publishToVisible
 * on its cached API, the others on an API of their own afterwards.
 */
export const PRODUCT_WORKLOADS = [
  'publishToVisible',
  'partnerSync',
  'webhooks',
  'editing',
  'driftReport',
  'start',
] as const;
export type ProductWorkload = (typeof PRODUCT_WORKLOADS)[number];

export interface ProductFigures {
  publishToVisible?: PublishToVisibleFigures;
  partnerSync?: PartnerSyncFigures;
  webhooks?: WebhookDispatchFigures;
  editing?: EditingFigures;
  driftReport?: DriftReportFigures;
  startMs?: number;
}

export interface ProductWorkloadsOptions {
  root: string;
  logDir: string;
  databaseUrl: string;
  brand: string;
  clinics: number;
  connections: number;
  /** The bench's --duration: the partner sync's cap; the editing runs take half each. */
  duration: number;
  skip: ReadonlySet<ProductWorkload>;
}

/** A started API the workloads may use, and stop. */
export type StartedApi = BenchTarget & { stop(): Promise<void> };

/**
 * Settings of the API the later workloads run on, beyond the bench's
 * production ones: partners may sync as fast as they can (the limit's own
 * cost, one upsert per request, stays), and webhooks may go to the local
 * receivers over http (production refuses both unless told it is meant).
 */
export const WORKLOAD_API_ENV: Record<string, string> = {
  PARTNER_RATE_LIMIT_PER_MINUTE: '100000',
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_UNSAFE_IN_PRODUCTION: 'true',
};

export class ProductWorkloads {
  readonly figures: ProductFigures = {};
  private db: BenchDatabase | undefined;
  private adminKey: string | undefined;

  constructor(private readonly options: ProductWorkloadsOptions) {}

  private wants(workload: ProductWorkload): boolean {
    return !this.options.skip.has(workload);
  }

  private async setUp(): Promise<{ db: BenchDatabase; adminKey: string }> {
    this.db ??= await BenchDatabase.open(this.options.databaseUrl);
    this.adminKey ??= await this.db.createApiKey(this.options.brand, 'npm run bench (admin)', [
      'admin',
    ]);
    return { db: this.db, adminKey: this.adminKey };
  }

  /** publishToVisible, on the API with its response cache (it publishes: run it last there). */
  async onCachedApi(api: BenchTarget & { statsPort: number }): Promise<void> {
    if (!this.wants('publishToVisible')) return;
    step('publishToVisible: a brand-wide change, until 200 cached clinic pages show it');
    const { db, adminKey } = await this.setUp();
    this.figures.publishToVisible = await measurePublishToVisible({
      target: api,
      db,
      adminKey,
      brand: this.options.brand,
      clinics: this.options.clinics,
      connections: this.options.connections,
    });
  }

  /**
   * The start time (the app with `startEnv` only), then partner sync,
   * editing and webhooks on one API that `startApi` starts with
   * WORKLOAD_API_ENV added to the bench's settings.
   */
  async run(
    startEnv: Record<string, string>,
    startApi: (extra: Record<string, string>) => Promise<StartedApi>,
  ): Promise<void> {
    const { options } = this;
    if (this.wants('start')) {
      step('start: node dist/src/main on the seeded database, until /health/ready');
      this.figures.startMs = await measureStartMs({
        root: options.root,
        logDir: options.logDir,
        env: startEnv,
      });
    }
    if (
      !(['partnerSync', 'editing', 'webhooks', 'driftReport'] as const).some((w) => this.wants(w))
    ) {
      return;
    }
    const { db, adminKey } = await this.setUp();
    const api = await startApi(WORKLOAD_API_ENV);
    try {
      if (this.wants('partnerSync')) {
        step(
          `partnerSync: contentChanges from zero at pages of 500 (at most ${options.duration} s)`,
        );
        this.figures.partnerSync = await measurePartnerSync({
          target: api,
          databaseUrl: options.databaseUrl,
          partnerKey: await db.createApiKey(options.brand, 'npm run bench (partner)', ['partner']),
          brand: options.brand,
          seconds: options.duration,
        });
      }
      if (this.wants('editing')) {
        const seconds = Math.max(2, Math.round(options.duration / 2));
        step(
          `editing: 16 editors saving overrides with versions (${seconds} s floor, ${seconds} s API)`,
        );
        this.figures.editing = await measureEditing({
          target: api,
          db,
          databaseUrl: options.databaseUrl,
          adminKey,
          brand: options.brand,
          clinics: options.clinics,
          seconds,
        });
      }
      if (this.wants('webhooks')) {
        step('webhooks: dispatch to local receivers, and beside one that answers after 5 s');
        this.figures.webhooks = await measureWebhookDispatch({
          target: api,
          db,
          adminKey,
          brand: options.brand,
        });
      }
      if (this.wants('driftReport')) {
        step(`driftReport: pages of 50 of the brand's drift report at ${options.clinics} clinics`);
        this.figures.driftReport = await measureDriftReport({
          target: api,
          db,
          adminKey,
          brand: options.brand,
        });
      }
    } finally {
      await api.stop();
    }
  }

  /** The JSON line's keys (inside "workloads"); a skipped workload's figure is null. */
  json(): Record<string, unknown> {
    const { figures } = this;
    const rate = (f?: { rps: number; p50Ms: number; p99Ms: number }) =>
      f ? { rps: f.rps, p50Ms: f.p50Ms, p99Ms: f.p99Ms } : null;
    return {
      publishToVisible: figures.publishToVisible ?? null,
      partnerSync: figures.partnerSync
        ? {
            floor: figures.partnerSync.floor,
            api: figures.partnerSync.api,
            items: figures.partnerSync.items,
            complete: figures.partnerSync.complete,
          }
        : null,
      webhooks: figures.webhooks ?? null,
      editing: figures.editing
        ? { floor: rate(figures.editing.floor), api: rate(figures.editing.api) }
        : null,
      startMs: figures.startMs ?? null,
      driftReport: figures.driftReport ?? null,
    };
  }

  /** Lines for the run's "Targets" list (issue 15's targets). */
  targets(mark: (ok: boolean) => string): string[] {
    const { figures } = this;
    const lines: string[] = [];
    const p = figures.publishToVisible;
    if (p) {
      lines.push(
        `- Publish to visible, p99 over ${p.samples} cached clinic pages ≤ 1 s: ${mark(p.p99Ms <= 1000 && p.visible === p.samples)} (p50 ${p.p50Ms} ms, p99 ${p.p99Ms} ms, max ${p.maxMs} ms; the publish itself ${p.publishMs} ms)`,
        `- During that invalidation, PostgreSQL statements/s within 2× of steady state: ${mark(p.sqlPerSecDuring <= 2 * p.sqlPerSecSteady)} (${p.sqlPerSecDuring}/s vs ${p.sqlPerSecSteady}/s; ${p.rendersPerPage} renders per page; steady load ${p.rpsSteady} → ${p.rpsDuring} req/s)`,
      );
    }
    const s = figures.partnerSync;
    if (s) {
      const ratio = round2(s.api.itemsPerSec / Math.max(1, s.floor.itemsPerSec));
      lines.push(
        `- Partner sync from zero ≥ 0.5× the floor's items/s: ${mark(ratio >= 0.5)} (${ratio}×: ${s.api.itemsPerSec} vs ${s.floor.itemsPerSec} items/s over ${s.items} items)`,
      );
    }
    const w = figures.webhooks;
    if (w) {
      lines.push(
        `- A receiver answering after 5 s delays the others by ≤ 1 s: ${mark(w.slowReceiverDelayMs <= 1000)} (${w.slowReceiverDelayMs} ms; dispatch ${w.eventsPerSec} events/s)`,
      );
    }
    const e = figures.editing;
    if (e) {
      const ratio = round2(e.api.rps / Math.max(0.1, e.floor.rps));
      lines.push(
        `- Editing: 16 editors' saves/s ≥ 0.5× the floor: ${mark(ratio >= 0.5)} (${ratio}×: ${e.api.rps} vs ${e.floor.rps} saves/s, p99 ${e.api.p99Ms} vs ${e.floor.p99Ms} ms)`,
      );
    }
    const d = figures.driftReport;
    if (d) {
      lines.push(
        `- Drift report: a page of 50 of ${d.rows} rows at p99 ≤ 1 s: ${mark(d.p99Ms <= 1000)} (p50 ${d.p50Ms} ms, p99 ${d.p99Ms} ms; next page p50 ${d.nextPageP50Ms} ms; one region p50 ${d.regionP50Ms} ms)`,
      );
    }
    if (figures.startMs !== undefined) {
      lines.push(
        `- Start on the seeded database, ready in ≤ 5 s: ${mark(figures.startMs <= 5000)} (${figures.startMs} ms)`,
      );
    }
    return lines;
  }

  async close(): Promise<void> {
    await this.db?.close();
  }
}

/** `--skip a,b`: the workloads named, checked. */
export function parseSkip(value: string): Set<ProductWorkload> {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(PRODUCT_WORKLOADS as readonly string[]).includes(name));
  if (unknown.length) {
    throw new Error(
      `--skip: unknown ${unknown.join(', ')}; give any of ${PRODUCT_WORKLOADS.join(', ')}`,
    );
  }
  return new Set(names as ProductWorkload[]);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function step(message: string) {
  console.log(`\n== ${message}`);
}
