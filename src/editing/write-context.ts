import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { ContentType } from '../content-types/registry';

/** Who writes, and through which door (recorded in every revision). */
export interface WriteContext {
  actor: Actor;
  source: 'API' | 'CLI' | 'SEED' | 'SCHEDULER';
  /**
   * Set by ContentStore.inTransaction(): every write made with this context
   * joins that transaction, so a batch of writes applies all or none.
   */
  tx?: EntityManager;
}

/** A context whose writes join one transaction (see ContentStore.inTransaction()). */
export type TransactionContext = WriteContext & { tx: EntityManager };

export interface ItemRef {
  type: ContentType;
  id: string;
  /** The version the caller last saw; a stale one is refused with CONFLICT. */
  version: number;
}
