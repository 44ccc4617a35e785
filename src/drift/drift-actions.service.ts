import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import type { OverridableType } from '../content-resolution/override-values';
import {
  OverrideEditingService,
  type SeenVersion,
} from '../content-resolution/override-editing.service';
import { CONTENT_TYPE_DEFS } from '../content-types/registry';
import { ContentStore } from '../editing/content-store';
import { DraftWriterService } from '../editing/draft-writer.service';
import { EditorReadsService } from '../editing/editor-reads.service';
import { editingErrors } from '../editing/editing.errors';
import { type ItemView, type LockedItem, toView } from '../editing/item-view';
import type { TransactionContext, WriteContext } from '../editing/write-context';
import { ContentSources, type ContentTable } from '../read-mode/content-sources';
import { previewOf } from '../read-mode/read-mode';
import { requireBrandWideEditor } from './drift-access';

/**
 * The drift report's bulk actions on selected overrides, each based on the
 * version the editor saw: all of them in one transaction, so one changed
 * meanwhile is a CONFLICT and nothing is done. Both write drafts, like any
 * edit: the public pages change when the drafts are published.
 */
@Injectable()
export class DriftActionsService {
  constructor(
    private readonly store: ContentStore,
    private readonly reads: EditorReadsService,
    private readonly drafts: DraftWriterService,
    private readonly overrides: OverrideEditingService,
    private readonly sources: ContentSources,
  ) {}

  /** Clears each override, so its place inherits again. */
  async reset(ctx: WriteContext, refs: SeenVersion[]): Promise<ItemView[]> {
    requireBrandWideEditor(ctx.actor);
    return this.eachOverride(ctx, refs, async (tx, item, version) => {
      const { item: cleared } = await this.overrides.clearIn(tx, item, version);
      return cleared!;
    });
  }

  /**
   * Keeps each override and re-bases it on the brand's current value (the
   * working copy the report compares with), so it is no longer stale: a
   * REVIEW revision in its history and CONTENT_REVIEW in the audit log.
   */
  async markReviewed(ctx: WriteContext, refs: SeenVersion[]): Promise<ItemView[]> {
    requireBrandWideEditor(ctx.actor);
    return this.eachOverride(ctx, refs, async (tx, item, version) => {
      const baseValue = await this.brandValue(tx, toView(item));
      return this.drafts.updateLocked(tx, item, version, { baseValue }, { action: 'REVIEW' });
    });
  }

  private async eachOverride(
    ctx: WriteContext,
    refs: SeenVersion[],
    act: (tx: TransactionContext, item: LockedItem, version: number) => Promise<ItemView>,
  ): Promise<ItemView[]> {
    return this.store.inTransaction(ctx, async (tx) => {
      const done = new Map<string, ItemView>();
      // A fixed order, so two bulk actions on the same overrides wait instead of deadlocking.
      for (const ref of [...refs].sort((a, b) => a.id.localeCompare(b.id))) {
        done.set(ref.id, await act(tx, await this.current(tx, ref.id), ref.version));
      }
      return refs.map((ref) => done.get(ref.id)!);
    });
  }

  /** The override, locked, or CONFLICT when it was deleted since the editor saw it. */
  private async current(tx: TransactionContext, id: string): Promise<LockedItem> {
    try {
      return await this.reads.lock(tx, 'OVERRIDE', id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const [deleted] = await tx.tx.query(
        `SELECT 1 FROM revisions WHERE entity_type = 'OVERRIDE' AND entity_id = $1 AND brand_id = $2 LIMIT 1`,
        [id, tx.actor.kind === 'ANONYMOUS' ? null : tx.actor.brandId],
      );
      if (!deleted) throw error;
      throw editingErrors.itemGone({ type: 'OVERRIDE', id });
    }
  }

  /** The brand's working-copy value of the field the override overrides. */
  private async brandValue(tx: TransactionContext, item: ItemView): Promise<unknown> {
    const type = item.values.entityType as OverridableType;
    const field = String(item.values.field);
    if (field === 'hidden') return false;
    const def = CONTENT_TYPE_DEFS[type];
    const from = this.sources.of(previewOf(item.brandId));
    const [row]: { value: unknown }[] = await tx.tx.query(
      `SELECT to_jsonb(t.${def.columns[field].column}) AS value
         FROM ${from(def.table as ContentTable)} t WHERE t.id = $1`,
      [item.values.entityId],
    );
    return row?.value ?? null;
  }
}
