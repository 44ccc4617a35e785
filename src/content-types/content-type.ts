import type { EntityManager } from 'typeorm';
import type { ItemLevel } from '../access/level';

/**
 * The shape of a content-type definition: one per editable entity (see
 * registry.ts for the list), each beside its entity. Every path that reads
 * or writes content takes its facts from there: the write path (columns,
 * links, references, scope, who may change what, validation), preview
 * (read-mode/content-sources.ts), delivery and partner SELECT lists
 * (selectList below). The entity maps the same columns for TypeORM, and
 * test/content-type-registry.spec.ts checks both against the migrated schema.
 */
export const CONTENT_TYPES = [
  'BRAND',
  'REGION',
  'CLINIC',
  'TREATMENT',
  'FAQ',
  'PROVIDER',
  'CLINIC_TREATMENT',
  'PRICE_ITEM',
  'OVERRIDE',
  'FIELD_POLICY',
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/**
 * The draft key that marks a published item as deleted once published
 * (`draft = {"_delete": true, …}`); preview already leaves such items out.
 */
export const DELETE_MARK = '_delete';

export interface ColumnDef {
  column: string;
  /** SQL cast for the parameter; `jsonb` values are sent as JSON text. */
  cast?: 'jsonb' | 'text[]' | 'date' | 'uuid';
}

/** Tables whose rows belong to one brand (they have a brand_id column). */
export type BrandTable = 'regions' | 'clinics' | 'treatments' | 'faqs' | 'providers';

export interface LinkDef {
  table: string;
  ownColumn: string;
  otherColumn: string;
  /** The table `otherColumn` points into: linked rows must be of the item's brand. */
  otherTable: BrandTable;
}

/** A column that points at another brand-owned row (which must be of the item's brand). */
export interface ReferenceDef {
  column: string;
  table: BrandTable;
}

export interface ContentTypeDef {
  type: ContentType;
  table: string;
  /** The alias delivery SQL gives the table (`FROM clinics c`), for selectList. */
  alias: string;
  /** Properties editors change, and their columns. */
  columns: Record<string, ColumnDef>;
  links?: Record<string, LinkDef>;
  /**
   * Columns that hang the row under its parent (its brand, a price's
   * offering), set by the write path from where the item is created; read
   * with the row, never in `values`.
   */
  parentColumns?: Record<string, ColumnDef>;
  /**
   * Columns set when the row is created that place it (an override's target,
   * a clinic FAQ's clinic): shown in `values` and revisions so editors see
   * what an item is, but never changed by an update.
   */
  fixedColumns?: Record<string, ColumnDef>;
  /**
   * Stored columns no editor writes and no reader selects through this
   * definition (a brand's sample flag): listed so the schema spec knows
   * every column of the table is accounted for.
   */
  internalColumns?: string[];
  /**
   * Columns (editable or set at creation) that point at other brand-owned
   * rows, by property name. A foreign key only says the row exists; these
   * must also be of the item's own brand.
   */
  references?: Record<string, ReferenceDef>;
  /**
   * SQL over the row aliased `x` returning brand_id, level, region_ids and
   * clinic_ids (uuid[]): the regions and clinics the row belongs to.
   */
  placementSql: string;
  /** On BRAND-level rows: properties editors of a linked clinic may change. */
  localFields?: string[];
  /** On CLINIC-level rows: properties only brand-wide editors may change. */
  brandOnlyFields?: string[];
  /**
   * On CLINIC-level rows: whether the row is live is the brand's call (see
   * mayChangePublication): its local editors publish changes to it, but
   * only brand-wide editors put it live, unpublish or delete it.
   */
  statusByBrand?: boolean;
  /**
   * Rules across rows that constraints cannot express (overlapping price
   * validity). Called in the write's transaction, after access checks, with
   * the item's working copy (published values with the draft applied) when
   * it is created and before a draft is saved; throws to refuse. It may lock
   * rows to serialize concurrent writers: the locks hold until commit.
   */
  validate?: (tx: EntityManager, id: string, working: Record<string, unknown>) => Promise<void>;
  /**
   * Properties holding words patients read (Markdown, lists, sections): the
   * claims linter (src/compliance) reads these on save and before publish.
   */
  textFields?: string[];
  /**
   * Markdown properties whose safe HTML is stored when they are written
   * (src/markdown/stored-renderings.ts), for delivery to read with the row.
   */
  renderedOnWrite?: string[];
  /**
   * The field a property's hits and approvals are named by, when it is not
   * the property itself (an override's `value` is the field it overrides).
   */
  fieldName?: (values: Record<string, unknown>, property: string) => string;
}

export const col = (column: string, cast?: ColumnDef['cast']): ColumnDef => ({ column, cast });

/** Every row of the brand, at one level (BRAND unless said). */
export const BRAND_LEVEL = (level: ItemLevel = 'BRAND') =>
  `SELECT x.brand_id, '${level}' AS level, '{}'::uuid[] AS region_ids, '{}'::uuid[] AS clinic_ids`;

/** Editorial columns every content table carries (database/editorial.columns.ts). */
export const EDITORIAL_COLUMNS = {
  version: col('version'),
  updatedAt: col('updated_at'),
} as const;

/** Every stored column a definition names, by property: what a read of the row selects. */
export function storedColumns(def: ContentTypeDef): Record<string, ColumnDef> {
  return {
    id: col('id'),
    ...def.parentColumns,
    ...def.fixedColumns,
    ...def.columns,
    ...EDITORIAL_COLUMNS,
  };
}

/**
 * The SELECT list of a content type's rows under its alias, each column
 * named by its entity property (`c.address_line1 AS "addressLine1"`), dates
 * as "YYYY-MM-DD". Computed once per type when the module loads (see the
 * `*_SELECT` constants beside each definition), never per query.
 */
export function selectList(def: ContentTypeDef): string {
  const a = def.alias;
  return Object.entries(storedColumns(def))
    .map(([property, { column, cast }]) => {
      const value = cast === 'date' ? `to_char(${a}.${column}, 'YYYY-MM-DD')` : `${a}.${column}`;
      return value === `${a}.${property}` ? value : `${value} AS "${property}"`;
    })
    .join(', ');
}

/** The columns of selectList, unnamed: a GROUP BY list for queries that aggregate links per row. */
export function columnList(def: ContentTypeDef): string {
  return Object.values(storedColumns(def))
    .map(({ column }) => `${def.alias}.${column}`)
    .join(', ');
}
