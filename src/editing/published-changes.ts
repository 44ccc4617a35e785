import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import type { ContentType } from '../content-types/registry';

/** Something delivery shows changed: published, unpublished or deleted. */
export interface PublishedChange {
  brandId: string;
  type: ContentType;
}

/**
 * Hears of published changes: `beforeCommit` inside the committing
 * transaction (its failure rolls the write back, so what it records there
 * commits with the content or not at all), `afterCommit` once committed.
 * Both get the same array for one transaction.
 */
export interface PublishedChangeListener {
  beforeCommit?(changes: PublishedChange[], tx: EntityManager): Promise<void>;
  afterCommit?(changes: PublishedChange[]): Promise<void> | void;
}

const PENDING = 'publishedChanges';

/**
 * Notes, inside a write's transaction, that delivery will see a change once
 * it commits. Listeners hear of it only after the commit (never for a
 * rollback), so nothing reacts to a change that did not happen.
 */
export function notePublishedChange(tx: EntityManager, change: PublishedChange): void {
  const data = tx.queryRunner?.data as Record<string, PublishedChange[] | undefined> | undefined;
  if (!data) return;
  (data[PENDING] ??= []).push(change);
}

/**
 * Tells listeners (the response cache) about published changes after their
 * transaction commits. It is a TypeORM subscriber of the app's data source,
 * so it hears every transaction, the scheduler's included.
 */
@Injectable()
export class PublishedChanges implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger('PublishedChanges');
  private readonly listeners: PublishedChangeListener[] = [];

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onModuleInit(): void {
    this.db.subscribers.push(this);
  }

  listen(listener: PublishedChangeListener): void {
    this.listeners.push(listener);
  }

  /**
   * Lets listeners write inside the committing transaction (the cache
   * generations), on its own connection: a listener that needed another
   * connection after the commit could wait forever while every pooled
   * connection is held by writers queued behind the same locks.
   */
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner as typeof event.queryRunner & { transactionDepth: number };
    if (runner.transactionDepth !== 1) return; // a savepoint, not the commit
    const changes = runner.data?.[PENDING] as PublishedChange[] | undefined;
    if (!changes?.length) return;
    for (const listener of this.listeners) await listener.beforeCommit?.(changes, runner.manager);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    // A released savepoint is not the end of the transaction.
    if (event.queryRunner.isTransactionActive) return;
    const changes = takePending(event.queryRunner.data);
    if (!changes.length) return;
    // A listener's failure must not turn a committed write into an error.
    await Promise.all(
      this.listeners.map(async (listener) => {
        try {
          await listener.afterCommit?.(changes);
        } catch (error) {
          this.logger.error(
            `A listener failed after a publish: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }),
    );
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) takePending(event.queryRunner.data);
  }
}

function takePending(data: Record<string, unknown> | undefined): PublishedChange[] {
  const changes = (data?.[PENDING] as PublishedChange[] | undefined) ?? [];
  if (data) delete data[PENDING];
  return changes;
}
