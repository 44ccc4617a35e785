import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, DomainError } from '../common/domain-error';
import { CONTENT_TYPE_DEFS } from '../content-types/registry';
import { ContentStore, lockedRowsSql } from '../editing/content-store';
import { DraftWriterService } from '../editing/draft-writer.service';
import { EditorReadsService } from '../editing/editor-reads.service';
import { editingErrors } from '../editing/editing.errors';
import { assertVersion, type ItemView, type LockedItem, toView } from '../editing/item-view';
import type { TransactionContext, WriteContext } from '../editing/write-context';
import { assertKnownTokens } from '../editing/token-validation';
import { ContentSources } from '../read-mode/content-sources';
import { previewOf, PUBLISHED, type ReadMode } from '../read-mode/read-mode';
import { inheritedValue, repeatsInherited } from './override-inheritance';
import { OVERRIDE_CONTENT } from './override.content-type';
import {
  isOverridableField,
  OverridableType,
  overridableFields,
  overrideValueProblems,
} from './override-values';
import type { FieldPolicy, OverrideLayer } from '../content-resolution/resolve-fields';
import { requireBrandPermission } from '../access/brand-access';
import { refusal } from '../access/item-access';
import { Permission } from '../access/permission';
import {
  checkPlaceAccess,
  type Place,
  type PlaceRow,
  placeRowSql,
  requirePlaceAccess,
} from '../access/place-access';

/** One field of one brand item, at one region or clinic. */
export interface OverrideTarget {
  place: Place;
  entityType: OverridableType;
  entityId: string;
  field: string;
  /** The input arguments to name in errors (default: entityId, field). */
  arguments?: { entityId?: string; field?: string };
}

/**
 * What a save did. SAVED: the override's draft holds the value. CLEARED: the
 * value is what the place inherits, so its override was deleted (a published
 * one: deletion staged until publish). INHERITED: the place inherits the
 * value and had no override: nothing was stored.
 */
export interface OverrideWriteResult {
  outcome: 'SAVED' | 'CLEARED' | 'INHERITED';
  item: ItemView | null;
}

/** An override the caller saw: its id and the version they based their change on. */
export interface SeenVersion {
  id: string;
  version: number;
}

const MAX_OVERRIDES_LISTED = 500;

/**
 * Writes region and clinic overrides through the one write path, as drafts.
 * The rules it adds: the value must fit the field, tokens must be known,
 * LOCKED fields are refused, and a value the place would inherit anyway is
 * never stored (an existing override of it is cleared instead).
 */
@Injectable()
export class OverrideEditingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: ContentStore,
    private readonly reads: EditorReadsService,
    private readonly drafts: DraftWriterService,
    private readonly sources: ContentSources,
  ) {}

  async set(
    ctx: WriteContext,
    target: OverrideTarget,
    value: unknown,
    version?: number,
  ): Promise<OverrideWriteResult> {
    assertValueFits(target.entityType, target.field, value);
    return this.store.inTransaction(ctx, (tx) => this.setIn(tx, target, value, version));
  }

  /**
   * `set` inside the caller's transaction (a FAQ reorder saves many). The
   * value must already be checked (assertValueFits).
   */
  async setIn(
    ctx: TransactionContext,
    target: OverrideTarget,
    value: unknown,
    version?: number,
  ): Promise<OverrideWriteResult> {
    const read = await this.readForSave(ctx, target);
    const place = checkPlaceAccess(ctx.actor, target.place, read.place);
    const { value: brandValue } = checkBrandItem(ctx, target, place.brandId, read.item);
    const policy = read.policy;
    if (policy === 'LOCKED') {
      const argument = target.arguments?.field ?? 'field';
      throw new DomainError(
        'BAD_USER_INPUT',
        `${argument}: ${target.entityType}.${target.field} is LOCKED by the brand's field policy; only the brand may change it`,
        { argument, field: target.field, policy },
      );
    }
    // Found and locked by readForSave; else saves of the target wait for
    // each other here (one may create it) and read it again.
    const existing = read.override
      ? await this.reads.lockedRow(ctx, 'OVERRIDE', read.override)
      : (await this.serialize(ctx, target), await this.existing(ctx, target));
    // Not stored only when the place would inherit the value both as
    // published and in the working copy: a clinic showing a FAQ its region's
    // draft hides keeps that choice when the region's hide is published.
    let inheritsAnyway = true;
    for (const layers of [read.publishedLayers, read.previewLayers]) {
      const inherited = inheritedValue(target.field, brandValue, layers, policy);
      inheritsAnyway &&= repeatsInherited(value, inherited, policy);
    }
    if (inheritsAnyway) return this.clearIn(ctx, existing, version);

    // The brand value it is written against: saving again re-bases it (no longer stale).
    const values = { value, baseValue: brandValue ?? null };
    if (existing) {
      assertVersionGiven(existing, version);
      const item = await this.drafts.updateLocked(ctx, existing, version!, values, {
        cancelDelete: true,
      });
      return { outcome: 'SAVED', item };
    }
    if (version !== undefined) throw editingErrors.basisGone('override');
    const item = await this.drafts.create(
      ctx,
      'OVERRIDE',
      {
        brand_id: place.brandId,
        scope: target.place.level,
        region_id: target.place.level === 'REGION' ? target.place.id : null,
        clinic_id: target.place.level === 'CLINIC' ? target.place.id : null,
        entity_type: target.entityType,
        entity_id: target.entityId,
        field: target.field,
      },
      values,
    );
    return { outcome: 'SAVED', item };
  }

  /** Removes the place's override of one field (the place inherits again). */
  async clear(
    ctx: WriteContext,
    target: OverrideTarget,
    version: number,
  ): Promise<OverrideWriteResult> {
    if (!isOverridableField(target.entityType, target.field)) throw unknownField(target);
    return this.store.inTransaction(ctx, async (tx) => {
      const place = await requirePlaceAccess(tx.tx, tx.actor, target.place);
      await this.assertBrandItem(tx, target, place.brandId);
      await this.serialize(tx, target);
      return this.clearIn(tx, await this.existing(tx, target), version);
    });
  }

  /**
   * Clears every override the place has of one item, all or none. `seen` must
   * list each of them with the version the caller saw, so an override set or
   * changed meanwhile is not lost unseen (CONFLICT instead).
   */
  async resetToBrand(
    ctx: WriteContext,
    place: Place,
    entityType: OverridableType,
    entityId: string,
    seen: SeenVersion[],
  ): Promise<ItemView[]> {
    return this.store.inTransaction(ctx, async (tx) => {
      const placement = await requirePlaceAccess(tx.tx, tx.actor, place);
      await this.assertBrandItem(tx, { place, entityType, entityId }, placement.brandId);
      const rows: { id: string }[] = await tx.tx.query(
        `SELECT id FROM overrides
          WHERE entity_type = $1 AND entity_id = $2 AND scope = $3
            AND coalesce(clinic_id, region_id) = $4
          ORDER BY id FOR UPDATE`,
        [entityType, entityId, place.level, place.id],
      );
      const current: LockedItem[] = [];
      for (const row of rows) current.push(await this.reads.lock(tx, 'OVERRIDE', row.id));
      const versions = new Map(seen.map((ref) => [ref.id, ref.version]));
      for (const ref of seen) {
        if (!rows.some((row) => row.id === ref.id)) throw editingErrors.basisGone('override');
      }
      const cleared: ItemView[] = [];
      for (const item of current) {
        const id = item.row.id as string;
        if (!versions.has(id) && toView(item).pendingDelete) continue;
        const result = await this.clearIn(tx, item, versions.get(id));
        cleared.push(result.item!);
      }
      return cleared;
    });
  }

  /** Overrides of the caller's brand (drafts included), for editors. */
  async list(
    ctx: WriteContext,
    filter: {
      place?: Place;
      entityType?: OverridableType;
      entityId?: string;
    },
  ): Promise<ItemView[]> {
    const reader = requireBrandPermission(ctx.actor, Permission.DraftRead);
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM overrides
          WHERE brand_id = $1
            AND ($2::text IS NULL OR scope = $2)
            AND ($3::uuid IS NULL OR coalesce(clinic_id, region_id) = $3)
            AND ($4::text IS NULL OR entity_type = $4)
            AND ($5::uuid IS NULL OR entity_id = $5)
          ORDER BY entity_type, entity_id, scope, field
          LIMIT ${MAX_OVERRIDES_LISTED}`,
      [
        reader.brandId,
        filter.place?.level ?? null,
        filter.place?.id ?? null,
        filter.entityType ?? null,
        filter.entityId ?? null,
      ],
    );
    const items = await this.reads.list(
      ctx,
      'OVERRIDE',
      rows.map((row) => row.id),
    );
    const order = new Map(rows.map((row, i) => [row.id, i]));
    return items.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  /**
   * Clears one override the caller locked (`existing`) at the version they
   * saw: deleted at once as a draft, staged until publish when published.
   */
  async clearIn(
    ctx: TransactionContext,
    existing: LockedItem | null,
    version: number | undefined,
  ): Promise<OverrideWriteResult> {
    if (!existing) return { outcome: 'INHERITED', item: null };
    assertVersionGiven(existing, version);
    const current = toView(existing);
    if (current.pendingDelete) {
      // Already staged: checking the version is all that is left to do.
      assertVersion(existing, version!);
      return { outcome: 'CLEARED', item: current };
    }
    const item = await this.drafts.removeLocked(ctx, existing, version!);
    return { outcome: 'CLEARED', item };
  }

  /** The place's override of the field, locked (read once, for the write that follows), or null. */
  private async existing(
    ctx: TransactionContext,
    target: OverrideTarget,
  ): Promise<LockedItem | null> {
    return this.reads.lockWhere(ctx, 'OVERRIDE', OVERRIDE_WHERE, [
      target.entityType,
      target.entityId,
      target.field,
      target.place.level,
      target.place.id,
    ]);
  }

  /**
   * Saves of the same target wait for each other (the row may not exist yet,
   * so there is nothing to lock): the second then sees the first's override.
   */
  private async serialize(ctx: TransactionContext, target: OverrideTarget): Promise<void> {
    await ctx.tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      serializationKey(target),
    ]);
  }

  /** The brand item of the target, checked with checkBrandItem (clearing an override). */
  private async assertBrandItem(
    ctx: TransactionContext,
    target: Omit<OverrideTarget, 'field'> & { field?: string },
    brandId: string,
  ): Promise<{ value: unknown }> {
    const [row]: BrandItemRow[] = await ctx.tx.query(brandItemSql(target, '$1'), [target.entityId]);
    return checkBrandItem(ctx, target, brandId, row);
  }

  /**
   * What a save reads, in one statement: the place (for checkPlaceAccess),
   * the brand item with its value, the field's published policy, for a
   * clinic its region's override of the field (what the clinic inherits
   * first) as published and in the working copy, and the place's override
   * of the field itself, locked FOR UPDATE (as existing() reads it). A save
   * of the same override that commits first is waited for, and its result
   * is what this one reads (READ COMMITTED reads a locked row again). When
   * there is no override yet, setIn() takes the target's lock and looks
   * again (see serialize()). Nothing read is acted on before the access
   * checks pass.
   */
  private async readForSave(ctx: TransactionContext, target: OverrideTarget): Promise<SaveReads> {
    const { actor } = ctx;
    if (actor.kind === 'ANONYMOUS') throw refusal(actor, false);
    // Any other brand's place is refused, so the actor's brand is the one
    // whose policy and working copy count.
    const regionLayers = (mode: ReadMode) =>
      target.place.level === 'CLINIC'
        ? `(SELECT coalesce(json_agg(json_build_object('value', o.value, 'baseValue', o.base_value)), '[]')
              FROM ${this.sources.of(mode)('overrides')} o
             WHERE o.scope = 'REGION' AND o.region_id = p."regionId" AND o.entity_type = $1
               AND o.entity_id = $2 AND o.field = $3)`
        : `'[]'::json`;
    // The override's columns come last, under its own (snake_case) names.
    const [row]: (SaveReadsRow & Record<string, unknown>)[] = await ctx.tx.query(
      `WITH override AS (${lockedRowsSql(OVERRIDE_CONTENT, OVERRIDE_WHERE)})
       SELECT p."brandId" AS "placeBrandId", p."regionId" AS "placeRegionId",
              i."brandId" AS "itemBrandId", i."clinicId" AS "itemClinicId", i.value AS "itemValue",
              (SELECT policy FROM field_policies
                WHERE brand_id = $6 AND entity_type = $1 AND field = $3
                  AND publication_status = 'PUBLISHED') AS policy,
              ${regionLayers(PUBLISHED)} AS "publishedLayers",
              ${regionLayers(previewOf(actor.brandId))} AS "previewLayers",
              override.*
         FROM (SELECT) one
         LEFT JOIN (${placeRowSql(target.place.level, '$5')}) p ON true
         LEFT JOIN (${brandItemSql(target, '$2')}) i ON true
         LEFT JOIN override ON true`,
      [
        target.entityType,
        target.entityId,
        target.field,
        target.place.level,
        target.place.id,
        actor.brandId,
      ],
    );
    const {
      placeBrandId,
      placeRegionId,
      itemBrandId,
      itemClinicId,
      itemValue,
      policy,
      publishedLayers,
      previewLayers,
      ...override
    } = row;
    const layers = (found: { value: unknown; baseValue: unknown }[]): OverrideLayer[] =>
      found.map((layer) => ({ scope: 'REGION', field: target.field, ...layer }));
    return {
      place: placeBrandId ? { brandId: placeBrandId, regionId: placeRegionId } : undefined,
      item: itemBrandId
        ? { brandId: itemBrandId, clinicId: itemClinicId, value: itemValue }
        : undefined,
      policy: policy ?? 'INHERITABLE',
      publishedLayers: layers(publishedLayers),
      previewLayers: layers(previewLayers),
      override: override.id ? override : undefined,
    };
  }
}

/** The place's override of the field: parameters entity type, entity id, field, scope, place id. */
const OVERRIDE_WHERE = `x.entity_type = $1 AND x.entity_id = $2 AND x.field = $3 AND x.scope = $4
                          AND coalesce(x.clinic_id, x.region_id) = $5`;

/** What readForSave reads (see there). */
interface SaveReads {
  place: PlaceRow | undefined;
  item: BrandItemRow | undefined;
  policy: FieldPolicy;
  publishedLayers: OverrideLayer[];
  previewLayers: OverrideLayer[];
  /** The place's override of the field (a row of lockedRowsSql, locked), if it has one. */
  override: Record<string, unknown> | undefined;
}

interface SaveReadsRow {
  placeBrandId: string | null;
  placeRegionId: string | null;
  itemBrandId: string | null;
  itemClinicId: string | null;
  itemValue: unknown;
  policy: FieldPolicy | null;
  publishedLayers: { value: unknown; baseValue: unknown }[];
  previewLayers: { value: unknown; baseValue: unknown }[];
}

/** The overridden brand item: its brand, its clinic (a clinic FAQ's) and the field's value. */
interface BrandItemRow {
  brandId: string;
  clinicId: string | null;
  value: unknown;
}

/** The SQL of the target's BrandItemRow, the item's id the parameter `param`. */
function brandItemSql(
  target: Omit<OverrideTarget, 'field'> & { field?: string },
  param: string,
): string {
  const def = CONTENT_TYPE_DEFS[target.entityType];
  const column =
    target.field === undefined || target.field === 'hidden'
      ? 'NULL'
      : def.columns[target.field].column;
  return `SELECT brand_id AS "brandId", ${target.entityType === 'FAQ' ? 'clinic_id' : 'NULL'} AS "clinicId",
                 ${column} AS value
            FROM ${def.table} WHERE id = ${param}`;
}

/**
 * The overridden item must be a brand item of the caller's brand: another
 * brand's id is refused like an unknown one; a clinic FAQ is edited
 * directly, never overridden. Returns the brand's value of the field.
 */
function checkBrandItem(
  ctx: TransactionContext,
  target: Omit<OverrideTarget, 'field'> & { field?: string },
  brandId: string,
  row: BrandItemRow | undefined,
): { value: unknown } {
  if (!row || row.brandId !== brandId) throw refusal(ctx.actor, false);
  if (row.clinicId) {
    throw badInput(
      target.arguments?.entityId ?? 'entityId',
      'is a clinic FAQ: edit it directly; overrides apply to brand FAQs',
    );
  }
  // A brand FAQ is shown unless a region or clinic hides it.
  return { value: target.field === 'hidden' ? false : row.value };
}

/** The advisory lock's key of a target: saves of the same target wait for each other. */
function serializationKey(target: OverrideTarget): string {
  return `override:${[target.entityType, target.entityId, target.field, target.place.id].join(':')}`;
}

/** Refuses a value that does not fit the field or has unknown tokens (nothing is read or stored). */
export function assertValueFits(type: OverridableType, field: string, value: unknown): void {
  if (!isOverridableField(type, field)) throw unknownField({ entityType: type, field });
  const problems = overrideValueProblems(type, field, value);
  if (problems.length) {
    throw new DomainError(
      'BAD_USER_INPUT',
      problems.map((problem) => `${problem.path}: ${problem.rule}`).join('; '),
      { argument: problems[0].path, problems },
    );
  }
  assertKnownTokens({ value });
}

function unknownField(target: { entityType: OverridableType; field: string }): DomainError {
  const fields = overridableFields(target.entityType).join(', ');
  return badInput(
    'field',
    `"${target.field}" is not an overridable field of ${target.entityType} (${fields})`,
  );
}

function assertVersionGiven(existing: LockedItem, version: number | undefined): void {
  if (version === undefined) {
    throw editingErrors.versionRequired('an override exists here', existing.row.version as number);
  }
}
