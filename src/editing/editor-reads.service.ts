import { Injectable } from '@nestjs/common';
import { CONTENT_TYPE_DEFS, ContentType } from '../content-types/registry';
import { ContentStore } from './content-store';
import { type ItemState, type ItemView, type LockedItem, toView } from './item-view';
import { mayReadItem } from './write-access';
import type { TransactionContext, WriteContext } from './write-context';
import { refusal } from '../access/item-access';

/**
 * Items as their editors read them (published values, draft, both merged,
 * where each sits), with read access applied to every id: for editor
 * queries, and the lock every write starts with.
 */
@Injectable()
export class EditorReadsService {
  constructor(private readonly store: ContentStore) {}

  /** Reads an item for an editor of it. */
  async get(ctx: WriteContext, type: ContentType, id: string): Promise<ItemView> {
    // A read takes no lock, so it never waits behind a write.
    const [view] = await this.list(ctx, type, [id]);
    if (view) return view;
    throw refusal(ctx.actor, await this.store.exists(CONTENT_TYPE_DEFS[type], id));
  }

  /**
   * Reads several items of one type without locking them (for listings), in
   * id order; ids the caller may not read or that do not exist are left out.
   */
  async list(ctx: WriteContext, type: ContentType, ids: string[]): Promise<ItemView[]> {
    const items = await this.store.read(this.store.reader(ctx), CONTENT_TYPE_DEFS[type], ids);
    return items.filter((item) => mayReadItem(ctx.actor, item.placement)).map(toView);
  }

  /**
   * Locks the item (FOR UPDATE, in the context's transaction) for a write
   * that follows: the caller must at least be able to read it; an unknown
   * id and a forbidden one are refused alike (see refusal()). Pass the
   * locked item on to the writers rather than its id, so the row is read
   * and checked once.
   */
  async lock(ctx: TransactionContext, type: ContentType, id: string): Promise<LockedItem> {
    const item = await this.store.lock(ctx.tx, CONTENT_TYPE_DEFS[type], id);
    if (!item) throw refusal(ctx.actor, false);
    return this.lockedFor(ctx, item);
  }

  /**
   * `lock` of the item `where` matches (see ContentStore.lockWhere), or
   * null when none does: for an item found by what it is, not by id.
   */
  async lockWhere(
    ctx: TransactionContext,
    type: ContentType,
    where: string,
    params: unknown[],
  ): Promise<LockedItem | null> {
    const item = await this.store.lockWhere(ctx.tx, CONTENT_TYPE_DEFS[type], where, params);
    return item && this.lockedFor(ctx, item);
  }

  /**
   * `lockWhere` of a row the caller read and locked itself, in a statement
   * with more (see ContentStore.lockedRowsSql): the same check applies.
   */
  async lockedRow(
    ctx: TransactionContext,
    type: ContentType,
    row: Record<string, unknown>,
  ): Promise<LockedItem> {
    return this.lockedFor(ctx, await this.store.located(ctx.tx, CONTENT_TYPE_DEFS[type], row));
  }

  private lockedFor(ctx: TransactionContext, item: ItemState): LockedItem {
    if (!mayReadItem(ctx.actor, item.placement))
      throw refusal(ctx.actor, true, item.placement.brandId);
    return { ...item, locked: true };
  }
}
