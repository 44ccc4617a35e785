import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CompliancePublishGate } from '../compliance/publish-gate';
import { DELETE_MARK } from '../content-types/registry';
import { ContentChangeRecorder } from '../syndication/content-change-recorder.service';
import { ContentStore } from './content-store';
import { fromDatabaseError } from './database-errors';
import { EditorReadsService } from './editor-reads.service';
import { editingErrors } from './editing.errors';
import { assertVersion, type ItemView, type LockedItem, toView, withoutMark } from './item-view';
import { notePublishedChange } from './published-changes';
import { RevisionsService } from './revisions.service';
import { assertMayChangeStatus, assertMayPublish, assertOwnBrandReferences } from './write-access';
import type { ItemRef, TransactionContext, WriteContext } from './write-context';

/** An item of a changeset, locked and checked: `setsStatus`, whether the caller may put it live. */
interface Publishable {
  item: LockedItem;
  setsStatus: boolean;
}

/**
 * Puts drafts live and takes items off delivery. A changeset is published
 * all or none, checked whole by the compliance gate first; the change feed
 * and webhooks (ContentChangeRecorder) and the response cache
 * (notePublishedChange) hear of every change to what delivery shows, in the
 * same transaction.
 */
@Injectable()
export class PublisherService {
  constructor(
    private readonly store: ContentStore,
    private readonly reads: EditorReadsService,
    private readonly revisions: RevisionsService,
    /** Change feed + webhook outbox: told of every change to what delivery shows. */
    private readonly publishedChanges: ContentChangeRecorder,
    /** Claims and medical review: may refuse a changeset before any of it applies. */
    private readonly compliance: CompliancePublishGate,
  ) {}

  /**
   * Publishes a changeset: every item's draft goes live, or none does. Items
   * are locked in a fixed order, so concurrent publishes of the same items
   * serialize instead of deadlocking.
   */
  async publish(ctx: WriteContext, refs: ItemRef[]): Promise<ItemView[]> {
    return this.store.transaction(ctx, (tx) => this.publishIn(tx, ctx, refs));
  }

  /** `publish` inside a transaction the caller owns (the scheduler's). */
  async publishIn(tx: EntityManager, ctx: WriteContext, refs: ItemRef[]): Promise<ItemView[]> {
    if (refs.length === 0) throw editingErrors.emptyChangeset();
    const inTx: TransactionContext = { ...ctx, tx };
    await this.lockPublishedChanges(inTx);
    const ordered = [...refs].sort((a, b) =>
      `${a.type}:${a.id}`.localeCompare(`${b.type}:${b.id}`),
    );
    const published = new Map<string, ItemView>();
    try {
      // Every item locked and checked first: the compliance gate judges the
      // changeset as a whole, before any of it is applied.
      const locked: Publishable[] = [];
      for (const ref of ordered) locked.push(await this.lockPublishable(inTx, ref));
      await this.compliance.check(
        tx,
        locked.map(({ item }) => toView(item)),
      );
      let deleted = false;
      for (const [i, ref] of ordered.entries()) {
        const key = `${ref.type}:${ref.id}`;
        // Each item as locked above, unless publishing the changeset changed
        // it since: a deletion may take later items with it (a FAQ its
        // overrides, a clinic its offerings), and an item named twice is
        // published already. Those are read again (gone: refused; published:
        // a stale version), so the changeset fails whole as it should.
        const changed = deleted || published.has(key);
        const next: Publishable = changed ? await this.lockPublishable(inTx, ref) : locked[i];
        deleted ||= next.item.draft[DELETE_MARK] === true;
        published.set(key, await this.publishOne(inTx, next));
      }
    } catch (error) {
      throw fromDatabaseError(error) ?? error;
    }
    return refs.map((ref) => published.get(`${ref.type}:${ref.id}`)!);
  }

  /**
   * Checks now what publishing later will check (access, versions), so a
   * schedule that can only fail is refused when it is made.
   */
  async checkPublishable(ctx: WriteContext, refs: ItemRef[]): Promise<string> {
    let brandId = '';
    // A transaction of its own: the locks go when the check is done.
    await this.store.inTransaction({ ...ctx, tx: undefined }, async (tx) => {
      for (const ref of refs) brandId = (await this.lockPublishable(tx, ref)).item.scope.brandId;
    });
    return brandId;
  }

  /** Takes an item off delivery; its content and draft stay for editing. */
  async unpublish(ctx: WriteContext, ref: ItemRef): Promise<ItemView> {
    return this.store.inTransaction(ctx, async (tx) => {
      await this.lockPublishedChanges(tx);
      const item = await this.reads.lock(tx, ref.type, ref.id);
      assertMayChangeStatus(tx.actor, item);
      assertVersion(item, ref.version);
      if (item.row.publication_status !== 'PUBLISHED') return toView(item);
      notePublishedChange(tx.tx, { brandId: item.scope.brandId, type: ref.type });
      const view = toView(await this.store.unpublish(tx.tx, item));
      await this.revisions.record(tx.tx, tx, view, 'UNPUBLISH', item.published, item.published);
      await this.publishedChanges.record(tx.tx, view, 'UNPUBLISH');
      return view;
    });
  }

  /** The item locked, the caller's rights to publish its draft and its version checked. */
  private async lockPublishable(ctx: TransactionContext, ref: ItemRef): Promise<Publishable> {
    const item = await this.reads.lock(ctx, ref.type, ref.id);
    const setsStatus = assertMayPublish(ctx.actor, item);
    assertVersion(item, ref.version);
    return { item, setsStatus };
  }

  private async publishOne(
    ctx: TransactionContext,
    { item, setsStatus }: Publishable,
  ): Promise<ItemView> {
    const { tx, actor } = ctx;
    const { def } = item;
    const wasLive = item.row.publication_status === 'PUBLISHED';
    const changes = withoutMark(item.draft);
    if (!setsStatus && !wasLive) {
      // A local editor's publish of an item that is not live (a provider the
      // brand unpublished, a clinic not yet opened): its changes are applied,
      // so they show once the brand puts the item live, but the item stays
      // off delivery; nothing delivery shows changed, so no change is recorded.
      await assertOwnBrandReferences(tx, actor, def, item.scope.brandId, changes);
      const view = toView(await this.store.applyDraft(tx, item, changes, false));
      await this.revisions.record(tx, ctx, view, 'PUBLISH', item.published, view.publishedValues);
      return view;
    }
    notePublishedChange(tx, { brandId: item.scope.brandId, type: def.type });
    if (item.draft[DELETE_MARK]) {
      const view = { ...toView(item), version: (item.row.version as number) + 1 };
      // Before the row goes, so the recorder can read what the deletion takes with it.
      await this.publishedChanges.record(tx, view, 'DELETE');
      await this.store.delete(tx, def, view.id);
      await this.revisions.record(tx, ctx, view, 'DELETE', item.published, null);
      return view;
    }
    if (wasLive && Object.keys(changes).length === 0) return toView(item);
    await assertOwnBrandReferences(tx, actor, def, item.scope.brandId, changes);
    const view = toView(await this.store.applyDraft(tx, item, changes, true));
    await this.revisions.record(tx, ctx, view, 'PUBLISH', item.published, view.publishedValues);
    await this.publishedChanges.record(tx, view, 'PUBLISH', { wasLive });
    return view;
  }

  /**
   * Publishing and unpublishing take the brand's change-feed lock before any
   * item lock (see ContentChangeRecorder), so the lock order is the same in
   * every transaction and the feed commits in sequence order.
   */
  private async lockPublishedChanges(ctx: TransactionContext): Promise<void> {
    if (ctx.actor.kind !== 'ANONYMOUS')
      await this.publishedChanges.lockFeed(ctx.tx, ctx.actor.brandId);
  }
}
