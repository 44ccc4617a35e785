import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { WebhookOutboxService } from '../../src/webhooks/webhook-outbox.service';
import type { BenchDatabase } from './bench-database';
import { type BenchTarget, graphqlOk, round, sleep } from './bench-http';

export interface WebhookDispatchOptions {
  /**
   * The API with its webhook worker on (default interval) and 127.0.0.1
   * allowed as a receiver (WEBHOOK_ALLOW_HTTP, WEBHOOK_ALLOWED_HOSTS).
   */
  target: BenchTarget;
  db: BenchDatabase;
  /** An `admin` key of the brand: it registers the endpoints. */
  adminKey: string;
  brand: string;
  /** Events for the throughput run. */
  events?: number;
}

export interface WebhookDispatchFigures {
  /** Deliveries per second one receiver got while a backlog drained. */
  eventsPerSec: number;
  /**
   * How much later the last delivery to two quick receivers arrived when a
   * third receiver of the same events answered after 5 s, than when it
   * answered at once.
   */
  slowReceiverDelayMs: number;
}

/** What the slow receiver waits before it answers. */
const SLOW_ANSWER_MS = 5_000;
/** Events of each slow-receiver round: 3 deliveries each, more than one claim of 50. */
const ROUND_EVENTS = 50;
/** A run that has not delivered everything by then is cut short (and reported). */
const DEADLINE_MS = 90_000;

type Path = '/a' | '/b' | '/s';

/** Three receivers on one local server: /a and /b answer at once, /s answers at once or late. */
class Receivers {
  private readonly arrivals = new Map<Path, Map<string, number>>([
    ['/a', new Map()],
    ['/b', new Map()],
    ['/s', new Map()],
  ]);
  slow = false;
  private readonly server = http.createServer((req, res) => {
    const at = performance.now();
    req.resume();
    req.on('end', () => {
      const path = req.url as Path;
      const id = String(req.headers['x-webhook-id']);
      const seen = this.arrivals.get(path);
      if (seen && !seen.has(id)) seen.set(id, at);
      const answer = () => res.writeHead(204).end();
      if (path === '/s' && this.slow) setTimeout(answer, SLOW_ANSWER_MS).unref();
      else answer();
    });
  });

  async listen(): Promise<number> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', () => done()));
    return (this.server.address() as AddressInfo).port;
  }

  /** Arrival times of the given event ids at a path. */
  times(path: Path, ids: readonly string[]): number[] {
    const seen = this.arrivals.get(path)!;
    return ids.flatMap((id) => (seen.has(id) ? [seen.get(id)!] : []));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}

/**
 * webhooks: the dispatcher of the API, as it runs in production (its own
 * interval, batch and timeout), against local receivers.
 *
 * Events are put in the outbox by the product's own WebhookOutboxService, in
 * one transaction, as publishing does (the publish path's cost is measured
 * by publishToVisible and editing): what is timed is the dispatch.
 *
 * - eventsPerSec: `events` events for one receiver; deliveries per second
 *   from the first arrival to the last.
 * - slowReceiverDelayMs: two rounds of 50 events, each for three receivers.
 *   In the first, all three answer at once; in the second, one answers after
 *   5 s. Each round's delivery times to the two quick receivers are taken
 *   from the round's first arrival (so the worker's interval does not count);
 *   the figure is how much later their last delivery came in the second.
 */
export async function measureWebhookDispatch(
  options: WebhookDispatchOptions,
): Promise<WebhookDispatchFigures> {
  const receivers = new Receivers();
  const port = await receivers.listen();
  try {
    const register = async (path: Path) =>
      graphqlOk(
        options.target,
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`,
        {
          input: {
            url: `http://127.0.0.1:${port}${path}`,
            description: `npm run bench ${path}`,
            subscriptions: [{ type: 'PRICE_ITEM', actions: ['PUBLISHED'] }],
          },
        },
        options.adminKey,
      );
    const outbox = await Outbox.of(options.db, options.brand);

    await register('/a');
    const throughputIds = await outbox.enqueue(options.events ?? 1000);
    await until(() => receivers.times('/a', throughputIds).length === throughputIds.length);
    const arrived = receivers.times('/a', throughputIds);
    const span = (Math.max(...arrived) - Math.min(...arrived)) / 1000;
    const eventsPerSec = round((arrived.length - 1) / Math.max(span, 0.001));
    console.log(
      `  webhooks: ${arrived.length} of ${throughputIds.length} events delivered to one receiver, ${eventsPerSec} events/s`,
    );

    await register('/b');
    await register('/s');
    const quickRound = async (): Promise<number> => {
      const ids = await outbox.enqueue(ROUND_EVENTS);
      const quick = () => [...receivers.times('/a', ids), ...receivers.times('/b', ids)];
      const all = () => [...quick(), ...receivers.times('/s', ids)];
      await until(
        () =>
          quick().length === 2 * ids.length && (receivers.slow || all().length === 3 * ids.length),
      );
      const times = quick();
      if (times.length < 2 * ids.length) {
        console.log(
          `  webhooks: only ${times.length} of ${2 * ids.length} quick deliveries in ${DEADLINE_MS / 1000} s`,
        );
      }
      const first = Math.min(...all());
      return Math.max(...times) - first;
    };
    const alone = await quickRound();
    receivers.slow = true;
    const besideSlow = await quickRound();
    receivers.slow = false;
    const slowReceiverDelayMs = round(Math.max(0, besideSlow - alone));
    console.log(
      `  webhooks: last quick delivery ${round(alone)} ms after a round's first with every receiver quick, ` +
        `${round(besideSlow)} ms with one answering after ${SLOW_ANSWER_MS / 1000} s: ${slowReceiverDelayMs} ms later`,
    );
    return { eventsPerSec, slowReceiverDelayMs };
  } finally {
    await receivers.close();
  }
}

/** Puts price-item events in the outbox, as a publish of prices would. */
class Outbox {
  private constructor(
    private readonly db: BenchDatabase,
    private readonly brandId: string,
    private readonly prices: { id: string; version: number; values: Record<string, unknown> }[],
  ) {}

  static async of(db: BenchDatabase, brand: string): Promise<Outbox> {
    const brandId = await db.brandId(brand);
    const rows = await db.query<Record<string, any>>(
      `SELECT p.id, p.version, p.label, p.kind, p.amount_minor, p.currency, p.is_from_price,
              p.sessions, p.valid_from, p.valid_until, p.position
         FROM price_items p JOIN clinic_treatments ct ON ct.id = p.clinic_treatment_id
         JOIN clinics c ON c.id = ct.clinic_id
        WHERE c.brand_id = $1 ORDER BY p.id LIMIT 2000`,
      [brandId],
    );
    return new Outbox(
      db,
      brandId,
      rows.map((row) => ({
        id: row.id,
        version: row.version,
        values: {
          label: row.label,
          kind: row.kind,
          amountMinor: row.amount_minor,
          currency: row.currency,
          isFromPrice: row.is_from_price,
          sessions: row.sessions,
          validFrom: row.valid_from,
          validUntil: row.valid_until,
          position: row.position,
        },
      })),
    );
  }

  /** `count` events, committed together; returns their event ids. */
  async enqueue(count: number): Promise<string[]> {
    const outbox = new WebhookOutboxService({ webhookRetryWindowSeconds: 24 * 3600 } as AppConfig);
    return this.db.dataSource.transaction(async (tx: EntityManager) => {
      for (let i = 0; i < count; i++) {
        const price = this.prices[i % this.prices.length];
        await outbox.enqueue(tx, {
          brandId: this.brandId,
          type: 'PRICE_ITEM',
          id: price.id,
          version: price.version,
          action: 'PUBLISHED',
          sequence: null,
          values: price.values,
        });
      }
      const rows: { id: string }[] = await tx.query(
        // now() is the transaction's start: exactly the events of this transaction.
        `SELECT id FROM webhook_events WHERE brand_id = $1 AND created_at = now()`,
        [this.brandId],
      );
      return rows.map((row) => row.id);
    });
  }
}

async function until(done: () => boolean): Promise<void> {
  const deadline = performance.now() + DEADLINE_MS;
  while (!done() && performance.now() < deadline) await sleep(20);
}
