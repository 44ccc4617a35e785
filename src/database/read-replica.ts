import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { DataSource, type QueryRunner, type ReplicationMode } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The longest a replica may trail the primary and still take delivery
 * reads: the same bound as the response cache's (docs/scaling.md).
 */
export const REPLICA_LAG_BOUND_MS = 1_000;
const PROBE_MS = REPLICA_LAG_BOUND_MS / 4;

/** Set while a request's reads may go to the replica. */
const onReplica = new AsyncLocalStorage<true>();

/**
 * Runs `read` with its statements on the primary, even inside a delivery
 * read: for what is kept beyond the request (PublishedBrandMemo), which a
 * lagging replica could give from before the generation it is kept under.
 */
export function readOnPrimary<T>(read: () => Promise<T>): Promise<T> {
  return onReplica.exit(read);
}

/** Whether the current delivery read goes to the replica (see ReadReplica.deliveryRead). */
export function readsFromReplica(): boolean {
  return onReplica.getStore() === true;
}

/**
 * Runs `read` with its statements on the replica or the primary, as
 * readsFromReplica answered for the request it reads for: for a statement
 * that several requests share (published-batches.ts).
 */
export function readFrom<T>(replica: boolean, read: () => Promise<T>): Promise<T> {
  return replica ? onReplica.run(true, read) : onReplica.exit(read);
}

/** Statements that write: never sent to the replica. */
const WRITES =
  /^\s*(insert|update|delete|merge|lock|select\s+pg_advisory|with\b[\s\S]*\b(insert|update|delete)\b)/i;

/** 25006 read_only_sql_transaction: a write that reached the replica anyway. */
const READ_ONLY = '25006';

/**
 * The app's DataSource when DATABASE_READ_URL is set (TypeORM replication,
 * the primary by default): inside a delivery read (ReadReplica.deliveryRead)
 * plain queries and query builders read from the replica; transactions,
 * writes and everything outside a delivery read use the primary. A write
 * the pattern missed is refused by the replica (25006) and run on the
 * primary instead.
 */
export class ReplicatedDataSource extends DataSource {
  override async query<T = any>(
    sql: string,
    parameters?: any[],
    queryRunner?: QueryRunner,
  ): Promise<T> {
    if (queryRunner || !onReplica.getStore() || WRITES.test(sql)) {
      return super.query<T>(sql, parameters, queryRunner);
    }
    const replica = this.createQueryRunner('slave');
    try {
      return (await replica.query(sql, parameters)) as T;
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === READ_ONLY) {
        return super.query<T>(sql, parameters);
      }
      throw error;
    } finally {
      await replica.release();
    }
  }

  override defaultReplicationModeForReads(): ReplicationMode {
    return onReplica.getStore() ? 'slave' : 'master';
  }
}

/**
 * Decides where delivery reads go, and measures the replica's lag: every
 * 250 ms it reads the primary's WAL insert position, then asks the replica
 * whether it has replayed that far. The insert position, not the write
 * position (pg_current_wal_lsn): with asynchronous commit
 * (synchronous_commit=off) a commit is visible on the primary before its
 * WAL is written out, and a replica level with the write position would
 * still lack it. The replica takes delivery reads only while it
 * was last found caught up less than REPLICA_LAG_BOUND_MS ago; otherwise
 * (lagging, unreachable, replay paused) they go to the primary. A server
 * that is not a standby (pg_is_in_recovery() false) cannot be measured and
 * counts as caught up.
 */
@Injectable()
export class ReadReplica implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ReadReplica');
  readonly configured: boolean;
  /** performance.now() when the primary's position that the replica had reached was read. */
  private caughtUpAt = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private probing: Promise<void> | undefined;
  private lagging = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.configured = Boolean(config.databaseReadUrl);
  }

  async onModuleInit(): Promise<void> {
    if (!this.configured) return;
    await this.probe();
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.probing;
  }

  /**
   * Runs `next` (the rest of a delivery request) with its reads on the
   * replica when it is caught up, and has replayed every commit made
   * before `mustCover` (a performance.now() value) when one is given;
   * answers whether it did.
   */
  deliveryRead(next: () => void, mustCover = -Infinity): boolean {
    if (!this.usable() || !this.covers(mustCover)) {
      next();
      return false;
    }
    onReplica.run(true, next);
    return true;
  }

  /**
   * Whether the replica had replayed every commit made before `time` (a
   * performance.now() value): an answer read there then reflects them.
   */
  covers(time: number): boolean {
    return this.caughtUpAt >= time;
  }

  private usable(): boolean {
    return this.configured && performance.now() - this.caughtUpAt < REPLICA_LAG_BOUND_MS;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.probing = this.probe().finally(() => {
        this.probing = undefined;
        if (this.timer) this.schedule();
      });
    }, PROBE_MS);
    this.timer.unref();
  }

  private async probe(): Promise<void> {
    const startedAt = performance.now();
    try {
      const [{ lsn }] = await this.onServer(
        'master',
        `SELECT pg_current_wal_insert_lsn()::text AS lsn`,
      );
      const [{ standby, replayed }] = await this.onServer(
        'slave',
        `SELECT pg_is_in_recovery() AS standby,
                coalesce(pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1::pg_lsn) >= 0, false) AS replayed`,
        [lsn],
      );
      const caughtUp = !standby || replayed;
      if (caughtUp) this.caughtUpAt = startedAt;
      this.report(!caughtUp, 'replaying');
    } catch (error) {
      this.report(true, error instanceof Error ? error.message : String(error));
    }
  }

  private async onServer(mode: ReplicationMode, sql: string, parameters?: unknown[]) {
    const runner = this.db.createQueryRunner(mode);
    try {
      return (await runner.query(sql, parameters)) as any[];
    } finally {
      await runner.release();
    }
  }

  /** Logs the changes only: behind (reads go to the primary) and back. */
  private report(lagging: boolean, reason: string): void {
    if (lagging === this.lagging) return;
    this.lagging = lagging;
    if (lagging) {
      this.logger.warn(
        `The read replica is behind or unreachable (${reason}): delivery reads use the primary`,
      );
    } else {
      this.logger.log('The read replica caught up: delivery reads use it again');
    }
  }
}
