import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sameValue } from '../content-resolution/resolve-fields';
import {
  CONTENT_TYPE_DEFS,
  ContentType,
  ContentTypeDef,
  DELETE_MARK,
} from '../content-types/registry';
import { ContentStore, editableColumn, saveDraftSql } from './content-store';
import { EditorReadsService } from './editor-reads.service';
import {
  assertVersion,
  type ItemView,
  type LockedItem,
  toView,
  type Values,
  withoutMark,
} from './item-view';
import { RevisionAction, RevisionsService } from './revisions.service';
import { assertMayChangeStatus, assertMayEdit, assertOwnBrandReferences } from './write-access';
import type { ItemRef, TransactionContext, WriteContext } from './write-context';
import { refusal } from '../access/item-access';

export interface UpdateOptions {
  /** What the revision calls the write (default UPDATE; RESTORE, REVIEW …). */
  action?: RevisionAction;
  /** Also withdraw a deletion staged for publish (the item is wanted again). */
  cancelDelete?: boolean;
}

/**
 * Creates, changes and deletes items as drafts (publishing is
 * PublisherService's). Every write:
 * - works on the item locked once (EditorReadsService.lock) and checks the
 *   caller's access for the fields it touches;
 * - compares the version the caller based it on (stale → CONFLICT, nothing
 *   written), so concurrent edits never overwrite each other;
 * - lets PostgreSQL check the result's constraints before saving a draft;
 * - records a revision (who, when, source, before, after) in the same
 *   transaction.
 */
@Injectable()
export class DraftWriterService {
  constructor(
    private readonly store: ContentStore,
    private readonly reads: EditorReadsService,
    private readonly revisions: RevisionsService,
  ) {}

  /**
   * Creates an item as a draft (not delivered until published).
   * `fixed` are the columns that place it (brand_id, clinic_id …).
   */
  async create(
    ctx: WriteContext,
    type: ContentType,
    fixed: Record<string, unknown>,
    values: Values,
  ): Promise<ItemView> {
    const def = CONTENT_TYPE_DEFS[type];
    return this.store.inTransaction(ctx, async (tx) => {
      const actor = tx.actor;
      if (actor.kind === 'ANONYMOUS') throw refusal(actor, false);
      const fixedReferences = Object.fromEntries(
        Object.entries(def.references ?? {}).map(([property, ref]) => [
          property,
          fixed[ref.column],
        ]),
      );
      await assertOwnBrandReferences(tx.tx, actor, def, actor.brandId, {
        ...fixedReferences,
        ...values,
      });
      let id: string;
      try {
        id = await this.store.insert(tx.tx, def, fixed, values);
      } catch (error) {
        // A parent that does not exist is refused like one the caller may
        // not touch, so ids outside the caller's reach reveal nothing.
        if ((error as { driverError?: { code?: string } }).driverError?.code === '23503') {
          throw refusal(actor, false);
        }
        throw error;
      }
      const item = await this.reads.lock(tx, type, id);
      assertMayEdit(actor, item, Object.keys(values));
      await def.validate?.(tx.tx, id, item.published);
      const view = toView(item);
      await this.revisions.record(tx.tx, tx, view, 'CREATE', null, view.values);
      return view;
    });
  }

  /** Creates a canonical item (treatment, region, clinic, provider …) of the caller's brand. */
  async createInOwnBrand(ctx: WriteContext, type: ContentType, values: Values): Promise<ItemView> {
    if (ctx.actor.kind === 'ANONYMOUS') throw refusal(ctx.actor, false);
    return this.create(ctx, type, { brand_id: ctx.actor.brandId }, values);
  }

  /**
   * Saves changes to the item's draft. Properties sent with the value already
   * published are dropped from the draft, so a save that changes nothing
   * writes nothing (no version bump, no revision).
   */
  async update(
    ctx: WriteContext,
    ref: ItemRef,
    changes: Values,
    options: UpdateOptions = {},
  ): Promise<ItemView> {
    // Refused before anything is read or locked.
    assertEditable(CONTENT_TYPE_DEFS[ref.type], changes);
    return this.store.inTransaction(ctx, async (tx) => {
      const item = await this.reads.lock(tx, ref.type, ref.id);
      return this.updateLocked(tx, item, ref.version, changes, options);
    });
  }

  /** `update` of an item the caller locked in this transaction (see EditorReadsService.lock). */
  async updateLocked(
    ctx: TransactionContext,
    item: LockedItem,
    version: number,
    changes: Values,
    options: UpdateOptions = {},
  ): Promise<ItemView> {
    const { def } = item;
    const id = item.row.id as string;
    assertEditable(def, changes);
    return this.store.transaction(ctx, async (tx) => {
      assertMayEdit(ctx.actor, item, Object.keys(changes));
      assertVersion(item, version);
      const before = toView(item);
      const draft: Values = { ...item.draft };
      if (options.cancelDelete) delete draft[DELETE_MARK];
      for (const [property, value] of Object.entries(changes)) {
        if (sameValue(value, item.published[property])) delete draft[property];
        else draft[property] = value;
      }
      const working = { ...item.published, ...withoutMark(draft) };
      if (sameValue(working, before.values) && !draft[DELETE_MARK] === !before.pendingDelete) {
        return before;
      }
      await def.validate?.(tx, id, working);
      const fieldChanges = withoutMark(draft);
      if (Object.keys(fieldChanges).length > 0) {
        await assertOwnBrandReferences(tx, ctx.actor, def, item.placement.brandId, fieldChanges);
        await this.store.trialApply(tx, def, id, fieldChanges);
      }
      return this.saveRecorded(tx, ctx, item, draft, options.action ?? 'UPDATE', before);
    });
  }

  /**
   * Deletes an item: at once when it was never published, else staged in
   * the draft and carried out by publish (delivery keeps it until then).
   */
  async remove(ctx: WriteContext, ref: ItemRef): Promise<ItemView> {
    return this.store.inTransaction(ctx, async (tx) =>
      this.removeLocked(tx, await this.reads.lock(tx, ref.type, ref.id), ref.version),
    );
  }

  /** `remove` of an item the caller locked in this transaction (see EditorReadsService.lock). */
  async removeLocked(
    ctx: TransactionContext,
    item: LockedItem,
    version: number,
  ): Promise<ItemView> {
    return this.store.transaction(ctx, async (tx) => {
      assertMayChangeStatus(ctx.actor, item);
      assertVersion(item, version);
      const before = toView(item);
      if (item.row.publication_status === 'PUBLISHED') {
        const staged = { ...item.draft, [DELETE_MARK]: true };
        return this.saveRecorded(tx, ctx, item, staged, 'DELETE', before);
      }
      await this.store.delete(tx, item.def, before.id);
      const gone = { ...before, version: before.version + 1 };
      await this.revisions.record(tx, ctx, gone, 'DELETE', before.values, null);
      return { ...gone, pendingDelete: true };
    });
  }

  /**
   * Stores the item's draft with its revision and audit entry, in one
   * statement (ContentStore.saveDraft's UPDATE leads it). The revision is
   * of the row as that UPDATE leaves it: the item is locked in this
   * transaction, so its version is the one read plus one and its working
   * copy the published values under the draft.
   */
  private async saveRecorded(
    tx: EntityManager,
    ctx: TransactionContext,
    item: LockedItem,
    draft: Values,
    action: RevisionAction,
    before: ItemView,
  ): Promise<ItemView> {
    const expected = toView({
      ...item,
      row: { ...item.row, version: (item.row.version as number) + 1 },
      draft,
    });
    const [row] = await this.revisions.record(
      tx,
      ctx,
      expected,
      action,
      before.values,
      expected.values,
      saveDraftSql(item, draft),
    );
    return toView({ ...item, row, draft });
  }
}

/** Every property must be one the content type lets editors write. */
function assertEditable(def: ContentTypeDef, changes: Values): void {
  for (const property of Object.keys(changes)) editableColumn(def, property);
}
