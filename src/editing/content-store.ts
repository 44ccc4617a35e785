import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CONTENT_TYPE_DEFS, ContentTypeDef } from '../content-types/registry';
import { updateReturning } from '../database/update-returning';
import { fromDatabaseError } from './database-errors';
import { editingErrors } from './editing.errors';
import type { ItemState, Values } from './item-view';
import { publishedValues, readLinks } from './item-values';
import type { TransactionContext, WriteContext } from './write-context';
import { type ItemPlacement } from '../access/item-access';
import { storeMissingRenderings, storeRenderings } from '../markdown/stored-renderings';

type Link = NonNullable<ContentTypeDef['links']>[string];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where editable content is stored: the SQL every write and editor read runs,
 * generated from the content-type registry (tables, columns and casts, link
 * tables, where a row sits), and the transactions writes run in. It applies
 * no rule of who may do what: the writers and EditorReadsService do.
 */
@Injectable()
export class ContentStore {
  /** uncheckedColumns() per table, read once: the schema does not change under a running app. */
  private readonly unchecked = new Map<string, Map<string, UncheckedColumn>>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Runs work in a transaction (the context's, when it has one), turning
   * constraints PostgreSQL refused into client errors.
   */
  async transaction<T>(ctx: WriteContext, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await (ctx.tx ? work(ctx.tx) : this.db.transaction(work));
    } catch (error) {
      throw fromDatabaseError(error) ?? error;
    }
  }

  /**
   * Runs several writes as one transaction: pass the context `work` receives
   * to the writers and they all apply, or (on any error) none does. Inside
   * another inTransaction() it joins the outer transaction.
   */
  inTransaction<T>(ctx: WriteContext, work: (ctx: TransactionContext) => Promise<T>): Promise<T> {
    return this.transaction(ctx, (tx) => work({ ...ctx, tx }));
  }

  /** Where a read without a lock runs: the context's transaction, else the pool. */
  reader(ctx: WriteContext): EntityManager {
    return ctx.tx ?? this.db.manager;
  }

  async exists(def: ContentTypeDef, id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    return (await this.db.query(`SELECT 1 FROM ${def.table} WHERE id = $1`, [id])).length > 0;
  }

  /** Rows of the type with the given ids, in id order, without locking them. */
  async read(tx: EntityManager, def: ContentTypeDef, ids: string[]): Promise<ItemState[]> {
    const rows: Record<string, unknown>[] = await tx.query(
      `${selectSql(def)} WHERE x.id = ANY($1::uuid[]) ORDER BY x.id`,
      [ids.filter((id) => UUID.test(id))],
    );
    const items: ItemState[] = [];
    for (const row of rows) items.push(await this.located(tx, def, row));
    return items;
  }

  /** The row locked FOR UPDATE (in the caller's transaction), or null when there is none. */
  async lock(tx: EntityManager, def: ContentTypeDef, id: string): Promise<ItemState | null> {
    return UUID.test(id) ? this.lockWhere(tx, def, 'x.id = $1', [id]) : null;
  }

  /**
   * The row `where` (SQL over the row aliased `x`) matches, locked FOR
   * UPDATE, or null; for a row found by what it is rather than by id (a
   * place's override of a field), in one statement. At most one may match.
   */
  async lockWhere(
    tx: EntityManager,
    def: ContentTypeDef,
    where: string,
    params: unknown[],
  ): Promise<ItemState | null> {
    const rows: Record<string, unknown>[] = await tx.query(lockedRowsSql(def, where), params);
    if (rows.length > 1) throw new Error(`lockWhere: ${rows.length} ${def.table} rows match`);
    return rows.length ? this.located(tx, def, rows[0]) : null;
  }

  /** Inserts a row (`fixed` columns that place it, property values) and its links; returns its id. */
  async insert(
    tx: EntityManager,
    def: ContentTypeDef,
    fixed: Record<string, unknown>,
    values: Values,
  ): Promise<string> {
    const columns = Object.keys(fixed);
    const params: unknown[] = Object.values(fixed);
    const placeholders = columns.map((_, i) => `$${i + 1}`);
    for (const [property, value] of Object.entries(values)) {
      if (def.links?.[property]) continue;
      const column = editableColumn(def, property);
      params.push(param(def, property, value));
      columns.push(column.column);
      placeholders.push(`$${params.length}${column.cast ? `::${column.cast}` : ''}`);
    }
    const [{ id }] = await tx.query(
      `INSERT INTO ${def.table} (${columns.join(', ')}) VALUES (${placeholders.join(', ')}) RETURNING id`,
      params,
    );
    for (const [property, link] of Object.entries(def.links ?? {})) {
      if (values[property] !== undefined) await replaceLinks(tx, link, id, values[property]);
    }
    await storeRenderingsOf(tx, def, values);
    return id;
  }

  /**
   * Lets PostgreSQL judge changes before they are saved as a draft: they are
   * applied inside a savepoint and rolled back, so a duplicate slug or a
   * broken check fails now, at save, not later at publish. Changes only to
   * columns PostgreSQL checks nothing on (see uncheckedColumns) could not
   * fail, so they skip the trial's three statements (a local summary).
   */
  async trialApply(tx: EntityManager, def: ContentTypeDef, id: string, changes: Values) {
    if (await this.cannotFail(tx, def, changes)) return;
    await tx.query('SAVEPOINT trial_apply');
    try {
      await apply(tx, def, id, changes);
    } finally {
      await tx.query('ROLLBACK TO SAVEPOINT trial_apply');
    }
  }

  /** Whether applying `changes` to a row of `def` could fail nowhere (see uncheckedColumns). */
  private async cannotFail(tx: EntityManager, def: ContentTypeDef, changes: Values) {
    let unchecked = this.unchecked.get(def.table);
    if (!unchecked) {
      unchecked = await uncheckedColumns(tx, def.table);
      this.unchecked.set(def.table, unchecked);
    }
    return Object.entries(changes).every(([property, value]) => {
      const column = def.columns[property];
      const found = column && unchecked.get(column.column);
      if (!found || (value === null && found.notNull)) return false;
      // The parameter is JSON text for jsonb (valid by construction) or text.
      return found.type === 'jsonb' ? column.cast === 'jsonb' : column.cast === undefined;
    });
  }

  /** Stores the draft (none when empty) and bumps the version. */
  async saveDraft(tx: EntityManager, item: ItemState, draft: Values): Promise<ItemState> {
    const { sql, params } = saveDraftSql(item, draft);
    const [row] = await updateReturning(tx, sql, params);
    return { ...item, row, draft };
  }

  /**
   * Applies the changes to the row and clears its draft; `goLive` also puts
   * it live (else its status stays as it is).
   */
  async applyDraft(
    tx: EntityManager,
    item: ItemState,
    changes: Values,
    goLive: boolean,
  ): Promise<ItemState> {
    const { def } = item;
    const id = item.row.id as string;
    // The changed columns in the same UPDATE: a publish waits for each round trip.
    const { sets, params } = await applyLinks(tx, def, id, changes);
    if (goLive) sets.push(`publication_status = 'PUBLISHED'`, 'published_at = now()');
    sets.push('draft = NULL', 'version = version + 1', 'updated_at = now()');
    const [row] = await updateReturning(
      tx,
      `UPDATE ${def.table} SET ${sets.join(', ')} WHERE id = $1 RETURNING *`,
      params,
    );
    await storeRenderingsOf(tx, def, changes);
    return {
      ...item,
      row,
      published: publishedValues(def, row, await readLinks(tx, def, id)),
      draft: {},
    };
  }

  /** Takes the row off delivery; its content and draft stay. */
  async unpublish(tx: EntityManager, item: ItemState): Promise<ItemState> {
    const [row] = await updateReturning(
      tx,
      `UPDATE ${item.def.table} SET publication_status = 'DRAFT', version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [item.row.id],
    );
    return { ...item, row };
  }

  /**
   * Deletes the row, and the region and clinic overrides of it: they point
   * at it by type and id (no foreign key can), and would be left orphaned.
   */
  async delete(tx: EntityManager, def: ContentTypeDef, id: string): Promise<void> {
    await tx.query(`DELETE FROM overrides WHERE entity_type = $1 AND entity_id = $2`, [
      def.type,
      id,
    ]);
    await tx.query(`DELETE FROM ${def.table} WHERE id = $1`, [id]);
  }

  /**
   * The row with where it sits (its placementSql) and its values: a row of
   * selectSql, or of lockedRowsSql that a caller read with more.
   */
  async located(
    tx: EntityManager,
    def: ContentTypeDef,
    row: Record<string, unknown>,
  ): Promise<ItemState> {
    const placement: ItemPlacement = {
      brandId: row.placement_brand_id as string,
      level: row.placement_level as ItemPlacement['level'],
      regionIds: (row.placement_region_ids as string[] | null) ?? [],
      clinicIds: (row.placement_clinic_ids as string[] | null) ?? [],
    };
    const links = await readLinks(tx, def, row.id as string);
    return {
      def,
      row,
      placement,
      published: publishedValues(def, row, links),
      draft: (row.draft as Values | null) ?? {},
    };
  }
}

/** The column a property is stored in; a property no one may write is refused. */
export function editableColumn(def: ContentTypeDef, property: string) {
  const column = def.columns[property];
  if (!column && !def.links?.[property]) throw editingErrors.notEditableField(def.type, property);
  return column;
}

/**
 * The SQL of lockWhere: the rows `where` matches, locked FOR UPDATE, with
 * where each sits; for a writer that reads them in a statement with more
 * (as a WITH query) and passes each row to ContentStore.located().
 */
export function lockedRowsSql(def: ContentTypeDef, where: string): string {
  return `${selectSql(def)} WHERE ${where} FOR UPDATE OF x`;
}

/** Rows of the type with where each sits (its placement), for `WHERE x.…` to follow. */
function selectSql(def: ContentTypeDef): string {
  return `SELECT x.*, s.brand_id AS placement_brand_id, s.level AS placement_level,
                 s.region_ids AS placement_region_ids, s.clinic_ids AS placement_clinic_ids
            FROM ${def.table} x, LATERAL (${def.placementSql}) s`;
}

/**
 * The UPDATE … RETURNING * of saveDraft, for a caller that sends it with
 * more in one statement (see DraftWriterService).
 */
export function saveDraftSql(item: ItemState, draft: Values): { sql: string; params: unknown[] } {
  return {
    sql: `UPDATE ${item.def.table} SET draft = $2::jsonb, version = version + 1, updated_at = now()
           WHERE id = $1 RETURNING *`,
    params: [item.row.id, Object.keys(draft).length ? JSON.stringify(draft) : null],
  };
}

/** A column where PostgreSQL checks nothing but, perhaps, NOT NULL (see uncheckedColumns). */
interface UncheckedColumn {
  type: 'text' | 'jsonb';
  notNull: boolean;
}

/**
 * The table's text and jsonb columns that no constraint (of this table, or
 * a foreign key into it), index or generated column names, on a table
 * without triggers or row security: a value written there can be refused
 * only for NULL in a NOT NULL column. Read from the catalog, not declared,
 * so a constraint a migration adds counts without anyone remembering this.
 */
async function uncheckedColumns(
  tx: EntityManager,
  table: string,
): Promise<Map<string, UncheckedColumn>> {
  const rows: { column: string; type: UncheckedColumn['type']; notNull: boolean }[] =
    await tx.query(
      `SELECT a.attname AS column, format_type(a.atttypid, NULL) AS type, a.attnotnull AS "notNull"
         FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid
        WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
          AND a.atttypid IN ('text'::regtype, 'jsonb'::regtype)
          AND NOT t.relrowsecurity
          AND NOT EXISTS (SELECT FROM pg_constraint k
                           WHERE k.contype <> 'n'
                             AND (k.conrelid = t.oid AND (a.attnum = ANY (k.conkey) OR k.conbin IS NOT NULL
                                                          AND cardinality(k.conkey) = 0)
                                  OR k.confrelid = t.oid AND a.attnum = ANY (k.confkey)))
          -- What else names the column: an index (its key, expression or
          -- predicate), a generated column, a constraint (PostgreSQL 18
          -- records NOT NULL as one: attnotnull is the caller's check).
          AND NOT EXISTS (SELECT FROM pg_depend d
                           WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = t.oid
                             AND d.refobjsubid = a.attnum
                             AND (d.classid = 'pg_class'::regclass
                                  OR d.classid = 'pg_constraint'::regclass
                                     AND NOT EXISTS (SELECT FROM pg_constraint n
                                                      WHERE n.oid = d.objid AND n.contype = 'n')))
          AND NOT EXISTS (SELECT FROM pg_trigger g WHERE g.tgrelid = t.oid AND NOT g.tgisinternal)`,
      [table],
    );
  return new Map(rows.map(({ column, ...found }) => [column, found]));
}

/** Stores the HTML of the values' Markdown properties the type renders on write. */
async function storeRenderingsOf(tx: EntityManager, def: ContentTypeDef, values: Values) {
  const rendered = def.renderedOnWrite ?? [];
  if (rendered.length)
    await storeRenderings(
      tx,
      rendered.map((property) => values[property]),
    );
}

/**
 * Stores the HTML every type's rendered-on-write texts lack: for content
 * written by plain SQL or repositories (the seeds), not through this store.
 */
export async function storeMissingRenderingsOfContent(db: EntityManager): Promise<void> {
  for (const def of Object.values(CONTENT_TYPE_DEFS)) {
    for (const property of def.renderedOnWrite ?? []) {
      await storeMissingRenderings(db, def.table, def.columns[property].column);
    }
  }
}

/** Writes property values into the row's columns and link tables. */
async function apply(tx: EntityManager, def: ContentTypeDef, id: string, changes: Values) {
  const { sets, params } = await applyLinks(tx, def, id, changes);
  if (sets.length)
    await tx.query(`UPDATE ${def.table} SET ${sets.join(', ')} WHERE id = $1`, params);
}

/**
 * Writes the link tables' values, and answers the rest as an UPDATE's
 * `SET` items of the row with id `$1` and their parameters (`id` first),
 * for the caller's UPDATE.
 */
async function applyLinks(tx: EntityManager, def: ContentTypeDef, id: string, changes: Values) {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [property, value] of Object.entries(changes)) {
    const link = def.links?.[property];
    if (link) {
      await replaceLinks(tx, link, id, value);
      continue;
    }
    const column = editableColumn(def, property);
    params.push(param(def, property, value));
    sets.push(`${column.column} = $${params.length}${column.cast ? `::${column.cast}` : ''}`);
  }
  return { sets, params };
}

async function replaceLinks(tx: EntityManager, link: Link, id: string, ids: unknown) {
  await tx.query(`DELETE FROM ${link.table} WHERE ${link.ownColumn} = $1`, [id]);
  await tx.query(
    `INSERT INTO ${link.table} (${link.ownColumn}, ${link.otherColumn})
     SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [id, ids as string[]],
  );
}

function param(def: ContentTypeDef, property: string, value: unknown): unknown {
  return def.columns[property]?.cast === 'jsonb' && value !== null ? JSON.stringify(value) : value;
}
