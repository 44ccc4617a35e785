import { performance } from 'node:perf_hooks';
import { Client, type Notification } from 'pg';
import { GENERATIONS_CHANNEL, type Generations, readGenerations } from './cache-generations';

/**
 * The longest an instance may go on serving a cached answer after a publish
 * was acknowledged (by any instance): docs/scaling.md states it.
 */
export const STALENESS_BOUND_MS = 1_000;

/** How often the table is read: a few times per bound, so the lease rarely lapses. */
const POLL_MS = STALENESS_BOUND_MS / 4;

/**
 * How long one connect or read may take. Longer than the bound on purpose:
 * a busy process must not give up on a healthy server; a request never
 * waits for it longer than the bound (see current()).
 */
const DATABASE_WAIT_MS = 5_000;

/** How the watcher's connection shows in pg_stat_activity. */
export const WATCHER_APPLICATION_NAME = 'clinic-content-api:cache-generations';

/**
 * This instance's copy of the generations in PostgreSQL, kept on one
 * dedicated connection that LISTENs for the values each publish NOTIFYs
 * (delivered within milliseconds) and reads the whole table every 250 ms.
 * The read is what makes the bound hard: a value is trusted only while the
 * last successful read *started* less than STALENESS_BOUND_MS ago, so a
 * missed notification (a dropped connection, a PgBouncer that does not
 * carry LISTEN, a partition) can make an answer at most that late. When
 * the lease has lapsed, a lookup reads the table itself; if PostgreSQL does
 * not answer, the cache is bypassed rather than trusted. Reconnects by
 * itself; notifications lost while disconnected are covered by the read
 * that follows every reconnection.
 */
export class GenerationWatcher {
  private readonly values = new Map<string, number>();
  /** performance.now() when a value last grew. */
  changedAt = -Infinity;
  /** performance.now() when the last successful read was sent. */
  private confirmedAt = -Infinity;
  private client: Client | undefined;
  private reading: Promise<boolean> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly onTrouble: (error: unknown) => void,
  ) {}

  /** Reads once, then every POLL_MS; until a read succeeds, the cache is bypassed. */
  async start(): Promise<void> {
    await this.refresh();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.reading;
    await this.drop();
  }

  /**
   * The current values of `names` (0 for a name never bumped), or null when
   * they cannot be confirmed within the bound: the caller then neither
   * serves nor stores an answer.
   */
  async current(names: readonly string[]): Promise<number[] | null> {
    if (!this.fresh()) {
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), STALENESS_BOUND_MS);
      });
      const refreshed = await Promise.race([this.refresh(), gaveUp]);
      clearTimeout(timer);
      if (!refreshed || !this.fresh()) return null;
    }
    return names.map((name) => this.values.get(name) ?? 0);
  }

  /**
   * Takes newer values: from a notification, a read, or this instance's own
   * publish right after its commit (so it reads its own publish at once).
   * Values only grow, so a read that started before a bump never undoes it.
   */
  apply(generations: Generations): void {
    for (const [name, value] of Object.entries(generations)) {
      if (typeof value === 'number' && value > (this.values.get(name) ?? 0)) {
        this.values.set(name, value);
        this.changedAt = performance.now();
      }
    }
  }

  private fresh(): boolean {
    return performance.now() - this.confirmedAt < STALENESS_BOUND_MS;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.refresh().finally(() => this.schedule());
    }, POLL_MS);
    this.timer.unref();
  }

  /** One read at a time; callers arriving meanwhile share it. */
  private refresh(): Promise<boolean> {
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async read(): Promise<boolean> {
    if (this.stopped) return false;
    const startedAt = performance.now();
    try {
      const client = this.client ?? (await this.connect());
      this.apply(await readGenerations(client));
      this.confirmedAt = startedAt;
      return true;
    } catch (error) {
      this.onTrouble(error);
      await this.drop();
      return false;
    }
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: WATCHER_APPLICATION_NAME,
      connectionTimeoutMillis: DATABASE_WAIT_MS,
      // A frozen server: the read fails, the connection is replaced.
      query_timeout: DATABASE_WAIT_MS,
      keepAlive: true,
    });
    client.on('error', (error) => {
      this.onTrouble(error);
      if (this.client === client) void this.drop();
    });
    client.on('end', () => {
      if (this.client === client) this.client = undefined;
    });
    client.on('notification', (message: Notification) => {
      if (message.channel !== GENERATIONS_CHANNEL || !message.payload) return;
      try {
        this.apply(JSON.parse(message.payload) as Generations);
      } catch (error) {
        this.onTrouble(error);
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${GENERATIONS_CHANNEL}`);
    } catch (error) {
      client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    // A connection to a frozen server may never finish ending: not awaited.
    client?.end().catch(() => undefined);
  }
}
