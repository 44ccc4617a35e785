import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { updateReturning } from '../database/update-returning';
import { sameValue } from '../content-resolution/resolve-fields';
import { CompliancePublishGate } from '../compliance/publish-gate';
import { ContentChangeRecorder } from '../syndication/content-change-recorder.service';
import { outOfBrandReferences } from './brand-references';
import {
  CONTENT_TYPE_DEFS,
  ContentType,
  ContentTypeDef,
  DELETE_MARK,
} from '../content-types/registry';
import { fromDatabaseError } from './database-errors';
import { notePublishedChange } from './published-changes';
import { publishedValues, readLinks } from './item-values';
import { RevisionAction, RevisionsService } from './revisions.service';
import { canPreview } from '../access/brand-access';
import { isBrandWide } from '../access/callers';
import {
  mayChangePublication,
  mayEdit,
  refusal,
  type ItemPlacement as ItemScope,
} from '../access/item-access';

/** Who writes, and through which door (recorded in every revision). */
export interface WriteContext {
  actor: Actor;
  source: 'API' | 'CLI' | 'SEED' | 'SCHEDULER';
  /**
   * Set by inTransaction(): every write made with this context joins that
   * transaction, so a batch of writes applies all or none.
   */
  tx?: EntityManager;
}

/** A context whose writes join one transaction (see inTransaction()). */
export type TransactionContext = WriteContext & { tx: EntityManager };

export interface UpdateOptions {
  /** Also withdraw a deletion staged for publish (the item is wanted again). */
  cancelDelete?: boolean;
}

export interface ItemRef {
  type: ContentType;
  id: string;
  /** The version the caller last saw; a stale one is refused with CONFLICT. */
  version: number;
}

type Values = Record<string, unknown>;

/** An item as editors see it: published values, pending draft, both merged. */
export interface ItemView {
  type: ContentType;
  id: string;
  brandId: string;
  version: number;
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  hasDraft: boolean;
  pendingDelete: boolean;
  /** The working copy: published values overlaid with the draft. */
  values: Values;
  publishedValues: Values;
  updatedAt: Date;
  publishedAt: Date | null;
  /** Where the item sits (brand, level, regions, clinics): for access, rights and compliance checks. */
  scope: ItemScope;
  /** The fields its draft changes (a publish needs the rights to them). */
  draftFields: string[];
}

/** A locked row with what the writer needs to know about it. */
interface LockedItem {
  def: ContentTypeDef;
  row: Record<string, unknown>;
  scope: ItemScope;
  published: Values;
  draft: Values;
}

/**
 * The one write path for editable content. Every write:
 * - locks the row and checks the caller's access for the fields it touches;
 * - compares the version the caller based it on (stale → CONFLICT, nothing
 *   written), so concurrent edits never overwrite each other;
 * - changes the draft only; publishing applies drafts, all or none;
 * - lets PostgreSQL check the result's constraints before saving a draft;
 * - records a revision (who, when, source, before, after) in the same
 *   transaction.
 */
@Injectable()
export class ContentWriterService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly revisions: RevisionsService,
    /** Change feed + webhook outbox: told of every change to what delivery shows. */
    private readonly publishedChanges: ContentChangeRecorder,
    /** Claims and medical review: may refuse a changeset before any of it applies. */
    private readonly compliance: CompliancePublishGate,
  ) {}

  /** Reads an item for an editor of it. */
  async get(ctx: WriteContext, type: ContentType, id: string): Promise<ItemView> {
    // A read takes no lock, so it never waits behind a write.
    const [view] = await this.list(ctx, type, [id]);
    if (view) return view;
    const exists = UUID.test(id)
      ? (await this.db.query(`SELECT 1 FROM ${CONTENT_TYPE_DEFS[type].table} WHERE id = $1`, [id]))
          .length > 0
      : false;
    throw refusal(ctx.actor, exists);
  }

  /**
   * Reads several items of one type without locking them (for listings), in
   * id order; ids the caller may not read or that do not exist are left out.
   */
  async list(ctx: WriteContext, type: ContentType, ids: string[]): Promise<ItemView[]> {
    const def = CONTENT_TYPE_DEFS[type];
    const read = async (tx: EntityManager) => {
      const rows: Record<string, unknown>[] = await tx.query(
        `${this.selectSql(def)} WHERE x.id = ANY($1::uuid[]) ORDER BY x.id`,
        [ids.filter((id) => UUID.test(id))],
      );
      const views: ItemView[] = [];
      for (const row of rows) {
        const item = await this.located(tx, def, row);
        if (this.mayRead(ctx.actor, item.scope)) views.push(this.view(item));
      }
      return views;
    };
    return ctx.tx ? read(ctx.tx) : read(this.db.manager);
  }

  /**
   * Runs several writes as one transaction: pass the context `work` receives
   * to the writer's methods and they all apply, or (on any error) none does.
   * Inside another inTransaction() it joins the outer transaction.
   */
  async inTransaction<T>(
    ctx: WriteContext,
    work: (ctx: TransactionContext) => Promise<T>,
  ): Promise<T> {
    return this.write(ctx, (tx) => work({ ...ctx, tx }));
  }

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
    return this.write(ctx, async (tx) => {
      // A parent that does not exist is refused like one the caller may not
      // touch, so ids outside the caller's reach reveal nothing.
      try {
        return await this.insertItem(tx, ctx, def, fixed, values);
      } catch (error) {
        if ((error as { driverError?: { code?: string } }).driverError?.code === '23503') {
          throw refusal(ctx.actor, false);
        }
        throw error;
      }
    });
  }

  /** Creates a canonical item (treatment, region, clinic, provider …) of the caller's brand. */
  async createInOwnBrand(ctx: WriteContext, type: ContentType, values: Values): Promise<ItemView> {
    if (ctx.actor.kind === 'ANONYMOUS') throw refusal(ctx.actor, false);
    return this.create(ctx, type, { brand_id: ctx.actor.brandId }, values);
  }

  private async insertItem(
    tx: EntityManager,
    ctx: WriteContext,
    def: ContentTypeDef,
    fixed: Record<string, unknown>,
    values: Values,
  ): Promise<ItemView> {
    if (ctx.actor.kind === 'ANONYMOUS') throw refusal(ctx.actor, false);
    const fixedReferences = Object.fromEntries(
      Object.entries(def.references ?? {}).map(([property, ref]) => [property, fixed[ref.column]]),
    );
    await this.assertOwnBrandReferences(tx, ctx, def, ctx.actor.brandId, {
      ...fixedReferences,
      ...values,
    });
    const columns = Object.keys(fixed);
    const params: unknown[] = Object.values(fixed);
    const placeholders = columns.map((_, i) => `$${i + 1}`);
    for (const [property, value] of Object.entries(values)) {
      if (def.links?.[property]) continue;
      const column = this.column(def, property);
      params.push(this.param(def, property, value));
      columns.push(column.column);
      placeholders.push(`$${params.length}${column.cast ? `::${column.cast}` : ''}`);
    }
    const [{ id }] = await tx.query(
      `INSERT INTO ${def.table} (${columns.join(', ')}) VALUES (${placeholders.join(', ')}) RETURNING id`,
      params,
    );
    for (const [property, link] of Object.entries(def.links ?? {})) {
      if (values[property] !== undefined) await this.replaceLinks(tx, link, id, values[property]);
    }
    const item = await this.lock(tx, ctx, def, id);
    this.authorize(ctx, item, Object.keys(values));
    await def.validate?.(tx, id, item.published);
    const view = this.view(item);
    await this.revisions.record(tx, ctx, view, 'CREATE', null, view.values);
    return view;
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
    action: RevisionAction = 'UPDATE',
    options: UpdateOptions = {},
  ): Promise<ItemView> {
    const def = CONTENT_TYPE_DEFS[ref.type];
    for (const property of Object.keys(changes)) this.column(def, property);
    return this.write(ctx, async (tx) => {
      const item = await this.lock(tx, ctx, def, ref.id);
      this.authorize(ctx, item, Object.keys(changes));
      this.checkVersion(item, ref.version);
      const before = this.view(item);
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
      await def.validate?.(tx, ref.id, working);
      await this.trialApply(tx, ctx, def, ref.id, item.scope.brandId, withoutMark(draft));
      const after = await this.saveDraft(tx, ctx, item, draft);
      await this.revisions.record(tx, ctx, after, action, before.values, after.values);
      return after;
    });
  }

  /**
   * Deletes an item: at once when it was never published, else staged in
   * the draft and carried out by publish (delivery keeps it until then).
   */
  async remove(ctx: WriteContext, ref: ItemRef): Promise<ItemView> {
    const def = CONTENT_TYPE_DEFS[ref.type];
    return this.write(ctx, async (tx) => {
      const item = await this.lock(tx, ctx, def, ref.id);
      this.authorizeStatusChange(ctx, item);
      this.checkVersion(item, ref.version);
      const before = this.view(item);
      if (item.row.publication_status === 'PUBLISHED') {
        const after = await this.saveDraft(tx, ctx, item, { ...item.draft, [DELETE_MARK]: true });
        await this.revisions.record(tx, ctx, after, 'DELETE', before.values, after.values);
        return after;
      }
      await this.deleteRow(tx, def, ref.id);
      await this.revisions.record(
        tx,
        ctx,
        { ...before, version: before.version + 1 },
        'DELETE',
        before.values,
        null,
      );
      return { ...before, version: before.version + 1, pendingDelete: true };
    });
  }

  /**
   * Publishes a changeset: every item's draft goes live, or none does. Items
   * are locked in a fixed order, so concurrent publishes of the same items
   * serialize instead of deadlocking.
   */
  async publish(ctx: WriteContext, refs: ItemRef[]): Promise<ItemView[]> {
    return this.write(ctx, (tx) => this.publishIn(tx, ctx, refs));
  }

  /** `publish` inside a transaction the caller owns (the scheduler's). */
  async publishIn(tx: EntityManager, ctx: WriteContext, refs: ItemRef[]): Promise<ItemView[]> {
    if (refs.length === 0) throw new DomainError('BAD_USER_INPUT', 'items: give at least one item');
    await this.lockPublishedChanges(tx, ctx);
    const ordered = [...refs].sort((a, b) =>
      `${a.type}:${a.id}`.localeCompare(`${b.type}:${b.id}`),
    );
    const published = new Map<string, ItemView>();
    try {
      // Every item locked and checked first: the compliance gate judges the
      // changeset as a whole, before any of it is applied.
      const candidates: ItemView[] = [];
      for (const ref of ordered) {
        const item = await this.lock(tx, ctx, CONTENT_TYPE_DEFS[ref.type], ref.id);
        this.authorizePublish(ctx, item);
        this.checkVersion(item, ref.version);
        candidates.push(this.view(item));
      }
      await this.compliance.check(tx, candidates);
      for (const ref of ordered) {
        published.set(`${ref.type}:${ref.id}`, await this.publishOne(tx, ctx, ref));
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
    await this.db.transaction(async (tx) => {
      for (const ref of refs) {
        const item = await this.lock(tx, ctx, CONTENT_TYPE_DEFS[ref.type], ref.id);
        this.authorizePublish(ctx, item);
        this.checkVersion(item, ref.version);
        brandId = item.scope.brandId;
      }
    });
    return brandId;
  }

  /** Takes an item off delivery; its content and draft stay for editing. */
  async unpublish(ctx: WriteContext, ref: ItemRef): Promise<ItemView> {
    const def = CONTENT_TYPE_DEFS[ref.type];
    return this.write(ctx, async (tx) => {
      await this.lockPublishedChanges(tx, ctx);
      const item = await this.lock(tx, ctx, def, ref.id);
      this.authorizeStatusChange(ctx, item);
      this.checkVersion(item, ref.version);
      if (item.row.publication_status !== 'PUBLISHED') return this.view(item);
      notePublishedChange(tx, { brandId: item.scope.brandId, type: ref.type });
      const [row] = await updateReturning(
        tx,
        `UPDATE ${def.table} SET publication_status = 'DRAFT', version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING *`,
        [ref.id],
      );
      const view = this.view({ ...item, row });
      await this.revisions.record(tx, ctx, view, 'UNPUBLISH', item.published, item.published);
      await this.publishedChanges.record(tx, view, 'UNPUBLISH');
      return view;
    });
  }

  private async publishOne(tx: EntityManager, ctx: WriteContext, ref: ItemRef): Promise<ItemView> {
    const def = CONTENT_TYPE_DEFS[ref.type];
    const item = await this.lock(tx, ctx, def, ref.id);
    const setsStatus = this.authorizePublish(ctx, item);
    this.checkVersion(item, ref.version);
    const changes = withoutMark(item.draft);
    if (!setsStatus && item.row.publication_status !== 'PUBLISHED') {
      return this.publishChangesOffline(tx, ctx, item, changes);
    }
    notePublishedChange(tx, { brandId: item.scope.brandId, type: ref.type });
    if (item.draft[DELETE_MARK]) {
      const view = { ...this.view(item), version: (item.row.version as number) + 1 };
      // Before the row goes, so the recorder can read what the deletion takes with it.
      await this.publishedChanges.record(tx, view, 'DELETE');
      await this.deleteRow(tx, def, ref.id);
      await this.revisions.record(tx, ctx, view, 'DELETE', item.published, null);
      return view;
    }
    if (item.row.publication_status === 'PUBLISHED' && Object.keys(changes).length === 0) {
      return this.view(item);
    }
    await this.assertOwnBrandReferences(tx, ctx, def, item.scope.brandId, changes);
    await this.apply(tx, def, ref.id, changes);
    const [row] = await updateReturning(
      tx,
      `UPDATE ${def.table}
          SET publication_status = 'PUBLISHED', published_at = now(), draft = NULL,
              version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [ref.id],
    );
    const links = await readLinks(tx, def, ref.id);
    const view = this.view({
      ...item,
      row,
      published: publishedValues(def, row, links),
      draft: {},
    });
    await this.revisions.record(tx, ctx, view, 'PUBLISH', item.published, view.publishedValues);
    await this.publishedChanges.record(tx, view, 'PUBLISH', {
      wasLive: item.row.publication_status === 'PUBLISHED',
    });
    return view;
  }

  /**
   * A local editor's publish of an item that is not live (a provider the
   * brand unpublished, a clinic not yet opened): its changes are applied,
   * so they show once the brand puts the item live, but the item stays off
   * delivery; nothing delivery shows changed, so no change is recorded.
   */
  private async publishChangesOffline(
    tx: EntityManager,
    ctx: WriteContext,
    item: LockedItem,
    changes: Values,
  ): Promise<ItemView> {
    const { def } = item;
    const id = item.row.id as string;
    await this.assertOwnBrandReferences(tx, ctx, def, item.scope.brandId, changes);
    await this.apply(tx, def, id, changes);
    const [row] = await updateReturning(
      tx,
      `UPDATE ${def.table} SET draft = NULL, version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [id],
    );
    const links = await readLinks(tx, def, id);
    const view = this.view({
      ...item,
      row,
      published: publishedValues(def, row, links),
      draft: {},
    });
    await this.revisions.record(tx, ctx, view, 'PUBLISH', item.published, view.publishedValues);
    return view;
  }

  /**
   * Publishing and unpublishing take the brand's change-feed lock before any
   * item lock (see ContentChangeRecorder), so the lock order is the same in
   * every transaction and the feed commits in sequence order.
   */
  private async lockPublishedChanges(tx: EntityManager, ctx: WriteContext): Promise<void> {
    if (ctx.actor.kind !== 'ANONYMOUS') await this.publishedChanges.lockFeed(tx, ctx.actor.brandId);
  }

  /**
   * Deletes the row, and the region and clinic overrides of it: they point
   * at it by type and id (no foreign key can), and would be left orphaned.
   */
  private async deleteRow(tx: EntityManager, def: ContentTypeDef, id: string): Promise<void> {
    await tx.query(`DELETE FROM overrides WHERE entity_type = $1 AND entity_id = $2`, [
      def.type,
      id,
    ]);
    await tx.query(`DELETE FROM ${def.table} WHERE id = $1`, [id]);
  }

  /**
   * Runs a write in a transaction (the context's, when it has one), turning
   * refused constraints into client errors.
   */
  private async write<T>(ctx: WriteContext, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await (ctx.tx ? work(ctx.tx) : this.db.transaction(work));
    } catch (error) {
      throw fromDatabaseError(error) ?? error;
    }
  }

  /**
   * Locks the row (FOR UPDATE) and reads where it sits. The caller must at
   * least be an editor of its brand; an unknown id and a forbidden one are
   * refused alike (see refusal()).
   */
  private async lock(
    tx: EntityManager,
    ctx: WriteContext,
    def: ContentTypeDef,
    id: string,
  ): Promise<LockedItem> {
    const [row] = UUID.test(id)
      ? await tx.query(`${this.selectSql(def)} WHERE x.id = $1 FOR UPDATE OF x`, [id])
      : [];
    if (!row) throw refusal(ctx.actor, false);
    const item = await this.located(tx, def, row);
    if (!this.mayRead(ctx.actor, item.scope)) throw refusal(ctx.actor, true, item.scope.brandId);
    return item;
  }

  /** Rows of the type with where each sits (its scope), for `WHERE x.…` to follow. */
  private selectSql(def: ContentTypeDef): string {
    return `SELECT x.*, s.brand_id AS scope_brand_id, s.level AS scope_level,
                   s.region_ids AS scope_region_ids, s.clinic_ids AS scope_clinic_ids
              FROM ${def.table} x, LATERAL (${def.scopeSql}) s`;
  }

  private async located(
    tx: EntityManager,
    def: ContentTypeDef,
    row: Record<string, unknown>,
  ): Promise<LockedItem> {
    const scope: ItemScope = {
      brandId: row.scope_brand_id as string,
      level: row.scope_level as ItemScope['level'],
      regionIds: (row.scope_region_ids as string[] | null) ?? [],
      clinicIds: (row.scope_clinic_ids as string[] | null) ?? [],
    };
    const links = await readLinks(tx, def, row.id as string);
    return {
      def,
      row,
      scope,
      published: publishedValues(def, row, links),
      draft: (row.draft as Values | null) ?? {},
    };
  }

  /** The actor must be allowed to write these fields of the item. */
  private authorize(ctx: WriteContext, item: LockedItem, fields: string[]): void {
    const allowed = mayEdit(ctx.actor, {
      scope: item.scope,
      fields,
      localFields: item.def.localFields,
      brandOnlyFields: item.def.brandOnlyFields,
    });
    if (!allowed) throw refusal(ctx.actor, true, item.scope.brandId);
  }

  /**
   * Publishing the draft needs the rights a direct change of its fields
   * would (a clinic editor publishes a provider's bio, a local field).
   * Returns whether the publish may also change whether the item is live;
   * when it may not, a publish that would only do that (put a draft item
   * live, carry out a staged deletion) is refused.
   */
  private authorizePublish(ctx: WriteContext, item: LockedItem): boolean {
    const fields = Object.keys(withoutMark(item.draft));
    this.authorize(ctx, item, fields);
    if (this.mayChangeStatus(ctx, item)) return true;
    const goesLive = item.row.publication_status !== 'PUBLISHED';
    if (item.draft[DELETE_MARK] === true || (goesLive && fields.length === 0)) {
      throw statusRefusal();
    }
    return false;
  }

  /** Unpublishing and deleting: brand-wide rights for brand items and clinics. */
  private authorizeStatusChange(ctx: WriteContext, item: LockedItem): void {
    this.authorize(ctx, item, []);
    if (!this.mayChangeStatus(ctx, item)) throw statusRefusal();
  }

  private mayChangeStatus(ctx: WriteContext, item: LockedItem): boolean {
    return mayChangePublication(ctx.actor, item.scope, item.def.statusByBrand);
  }

  /**
   * Editors of a brand may read any of its items and drafts (to see what
   * others changed), and so may its preview keys; delivery and partner keys
   * never see drafts.
   */
  private mayRead(actor: Actor, scope: ItemScope): boolean {
    return canPreview(actor, scope.brandId);
  }

  /**
   * Refuses values that point at a region, clinic or treatment outside the
   * item's brand (or at none): brand-wide editors learn which field, others
   * get the same refusal as for any id out of their reach.
   */
  private async assertOwnBrandReferences(
    tx: EntityManager,
    ctx: WriteContext,
    def: ContentTypeDef,
    brandId: string,
    values: Values,
  ): Promise<void> {
    const [foreign] = await outOfBrandReferences(tx, def, brandId, values);
    if (!foreign) return;
    if (!isBrandWide(ctx.actor)) throw refusal(ctx.actor, false);
    throw new DomainError('BAD_USER_INPUT', `${foreign}: no such item in this brand`, {
      argument: foreign,
    });
  }

  /** Names the item, so a changeset's CONFLICT says which of its items is stale. */
  private checkVersion(item: LockedItem, expected: number): void {
    const current = item.row.version as number;
    if (current !== expected) {
      throw new DomainError(
        'CONFLICT',
        `${item.def.type} ${item.row.id as string}: version ${expected} is stale, the item is at version ${current}. Reload it and apply your change again.`,
        { currentVersion: current, type: item.def.type, id: item.row.id },
      );
    }
  }

  private async saveDraft(
    tx: EntityManager,
    ctx: WriteContext,
    item: LockedItem,
    draft: Values,
  ): Promise<ItemView> {
    const [row] = await updateReturning(
      tx,
      `UPDATE ${item.def.table} SET draft = $2::jsonb, version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [item.row.id, Object.keys(draft).length ? JSON.stringify(draft) : null],
    );
    return this.view({ ...item, row, draft });
  }

  /**
   * Lets PostgreSQL judge a draft before it is saved: the changes are applied
   * inside a savepoint and rolled back, so a duplicate slug or a broken check
   * fails now, at save, not later at publish.
   */
  private async trialApply(
    tx: EntityManager,
    ctx: WriteContext,
    def: ContentTypeDef,
    id: string,
    brandId: string,
    changes: Values,
  ) {
    if (Object.keys(changes).length === 0) return;
    await this.assertOwnBrandReferences(tx, ctx, def, brandId, changes);
    await tx.query('SAVEPOINT trial_apply');
    try {
      await this.apply(tx, def, id, changes);
    } finally {
      await tx.query('ROLLBACK TO SAVEPOINT trial_apply');
    }
  }

  /** Writes property values into the row's columns and link tables. */
  private async apply(tx: EntityManager, def: ContentTypeDef, id: string, changes: Values) {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [property, value] of Object.entries(changes)) {
      const link = def.links?.[property];
      if (link) {
        await this.replaceLinks(tx, link, id, value);
        continue;
      }
      const column = this.column(def, property);
      params.push(this.param(def, property, value));
      sets.push(`${column.column} = $${params.length}${column.cast ? `::${column.cast}` : ''}`);
    }
    if (sets.length)
      await tx.query(`UPDATE ${def.table} SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  private async replaceLinks(
    tx: EntityManager,
    link: NonNullable<ContentTypeDef['links']>[string],
    id: string,
    ids: unknown,
  ) {
    await tx.query(`DELETE FROM ${link.table} WHERE ${link.ownColumn} = $1`, [id]);
    await tx.query(
      `INSERT INTO ${link.table} (${link.ownColumn}, ${link.otherColumn})
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, ids as string[]],
    );
  }

  private view(item: LockedItem): ItemView {
    const draft = withoutMark(item.draft);
    return {
      type: item.def.type,
      id: item.row.id as string,
      brandId: item.scope.brandId,
      version: item.row.version as number,
      status: item.row.publication_status as ItemView['status'],
      hasDraft: Object.keys(item.draft).length > 0,
      pendingDelete: item.draft[DELETE_MARK] === true,
      values: { ...item.published, ...draft },
      publishedValues: item.published,
      updatedAt: item.row.updated_at as Date,
      publishedAt: (item.row.published_at as Date | null) ?? null,
      scope: item.scope,
      draftFields: Object.keys(draft),
    };
  }

  private column(def: ContentTypeDef, property: string) {
    const column = def.columns[property];
    if (!column && !def.links?.[property]) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `${property}: is not an editable field of ${def.type}`,
        {
          argument: property,
        },
      );
    }
    return column;
  }

  private param(def: ContentTypeDef, property: string, value: unknown): unknown {
    return def.columns[property]?.cast === 'jsonb' && value !== null
      ? JSON.stringify(value)
      : value;
  }
}

/** The caller may edit the item (it is theirs to read), so the refusal may say why. */
function statusRefusal(): DomainError {
  return new DomainError(
    'FORBIDDEN',
    'Only brand-wide editors may put this item live, take it off the site or delete it',
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function withoutMark(draft: Values): Values {
  const { [DELETE_MARK]: _mark, ...rest } = draft;
  return rest;
}
