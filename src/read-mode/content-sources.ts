import { CONTENT_TYPE_DEFS, DELETE_MARK } from '../content-types/registry';
import type { ReadMode } from './read-mode';

/** The tables delivery reads; every read goes through the source of its mode. */
export const CONTENT_TABLES = [
  'brands',
  'regions',
  'clinics',
  'treatments',
  'faqs',
  'providers',
  'clinic_treatments',
  'price_items',
  'overrides',
  'field_policies',
  'faq_treatments',
  'provider_clinics',
  'provider_treatments',
] as const;
export type ContentTable = (typeof CONTENT_TABLES)[number];

/** A FROM-clause source for each table, in one mode: `FROM ${from('clinics')} c`. */
export type SourceOf = (table: ContentTable) => string;

/** The stored columns of a table, in order (undefined for an unknown table). */
export type TableColumns = (table: string) => readonly string[] | undefined;

interface EditorialTable {
  table: string;
  /** Draft key (GraphQL property) → column. */
  columns: Record<string, string>;
  /** SQL over the row `x` whose first column is its brand id. */
  placementSql: string;
}

interface LinkTable {
  table: string;
  ownerTable: string;
  ownColumn: string;
  otherColumn: string;
  /** The owner's draft key holding the whole list of other ids. */
  property: string;
}

const EDITORIAL_TABLES: EditorialTable[] = Object.values(CONTENT_TYPE_DEFS).map((def) => ({
  table: def.table,
  columns: Object.fromEntries(
    Object.entries(def.columns).map(([property, column]) => [property, column.column]),
  ),
  placementSql: def.placementSql,
}));

const LINK_TABLES: LinkTable[] = Object.values(CONTENT_TYPE_DEFS).flatMap((def) =>
  Object.entries(def.links ?? {}).map(([property, link]) => ({
    ...link,
    ownerTable: def.table,
    property,
  })),
);

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const PROPERTY = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * One SQL source per table and mode, built once at startup from
 * CONTENT_TYPE_DEFS, so every delivery query reads either mode without a
 * line of its own about drafts:
 *
 * - PUBLISHED: the table's published rows (PostgreSQL inlines the subquery,
 *   so plans are those of the plain table with the status condition).
 * - PREVIEW of brand B: B's working copy. Each row with its draft applied
 *   (jsonb_populate_record turns the draft's JSON into the column types and
 *   keeps stored values for keys the draft lacks), rows never or no longer
 *   published included, rows with a pending delete or archived left out,
 *   and rows of other brands left out, so nothing reached through a link can
 *   show another brand's drafts. Link tables take the owner's draft list
 *   where it has one. Columns an editor cannot change come from the stored
 *   row, so lookups by id and parent still use their indexes.
 */
export class ContentSources {
  private readonly published = new Map<ContentTable, string>();
  private readonly preview = new Map<ContentTable, (brandLiteral: string) => string>();

  constructor(columnsOf: TableColumns) {
    for (const spec of EDITORIAL_TABLES) {
      const columns = requireColumns(columnsOf, spec.table);
      const table = contentTable(spec.table, this.published);
      this.published.set(table, `(SELECT * FROM ${table} WHERE publication_status = 'PUBLISHED')`);
      this.preview.set(table, workingCopy(spec, columns));
    }
    for (const link of LINK_TABLES) {
      const table = contentTable(link.table, this.published);
      requireColumns(columnsOf, link.table);
      this.published.set(table, table);
      const sql = draftLinks(link);
      this.preview.set(table, () => sql);
    }
    const missing = CONTENT_TABLES.filter((table) => !this.published.has(table));
    if (missing.length) throw new Error(`ContentSources: no source for ${missing.join(', ')}`);
  }

  /** The sources of one mode. */
  of(mode: ReadMode): SourceOf {
    if (mode.kind === 'PUBLISHED') return (table) => this.published.get(table)!;
    const brand = `'${mode.brandId}'::uuid`;
    return (table) => this.preview.get(table)!(brand);
  }
}

/** The preview source of an editorial table, for a brand given as an SQL literal. */
function workingCopy(spec: EditorialTable, columns: readonly string[]) {
  const editable = new Map(Object.entries(spec.columns).map(([prop, col]) => [col, prop]));
  for (const [column, property] of editable) {
    if (!columns.includes(column) || !PROPERTY.test(property)) {
      throw new Error(`ContentSources: ${spec.table}.${column} (${property}) is not a column`);
    }
  }
  // Rows without a brand_id find it through their scope, joined LATERAL:
  // the planner flattens it into a plain (hashable) join, where a subquery
  // in WHERE would run once per row (10,000 clinics' offerings).
  const withBrand = columns.includes('brand_id')
    ? { join: '', of: (brand: string) => `x.brand_id = ${brand}` }
    : {
        join: `CROSS JOIN LATERAL (${spec.placementSql}) s`,
        of: (brand: string) => `s.brand_id = ${brand}`,
      };
  const visible = `x.publication_status <> 'ARCHIVED'
       AND NOT coalesce(x.draft @> '{"${DELETE_MARK}": true}', false)`;
  if (editable.size === 0) {
    return (brand: string) =>
      `(SELECT x.* FROM ${spec.table} x ${withBrand.join} WHERE ${withBrand.of(brand)} AND ${visible})`;
  }
  const overlay = [...editable]
    .map(
      ([column, property]) =>
        `CASE WHEN x.draft ? '${property}' THEN jsonb_build_object('${column}', x.draft -> '${property}') ELSE '{}'::jsonb END`,
    )
    .join('\n         || ');
  const projection = columns
    .map((column) => (editable.has(column) ? `r.${column}` : `x.${column}`))
    .join(', ');
  // LATERAL, not `(jsonb_populate_record(…)).*`, which would run it once per column.
  return (brand: string) => `(SELECT ${projection}
     FROM ${spec.table} x ${withBrand.join}
     CROSS JOIN LATERAL jsonb_populate_record(x,
            ${overlay}) r
    WHERE ${withBrand.of(brand)} AND ${visible})`;
}

/** Stored links, except where the owner's draft holds its own list. */
function draftLinks({ table, ownerTable, ownColumn, otherColumn, property }: LinkTable): string {
  const list = `o.draft -> '${property}'`;
  return `(SELECT l.${ownColumn}, l.${otherColumn}
     FROM ${table} l JOIN ${ownerTable} o ON o.id = l.${ownColumn}
    WHERE NOT coalesce(o.draft ? '${property}', false)
   UNION ALL
   SELECT DISTINCT o.id, e.value::uuid
     FROM ${ownerTable} o
     CROSS JOIN LATERAL jsonb_array_elements_text(
            CASE WHEN jsonb_typeof(${list}) = 'array' THEN ${list} ELSE '[]'::jsonb END) e
    WHERE o.draft ? '${property}')`;
}

function requireColumns(columnsOf: TableColumns, table: string): readonly string[] {
  const columns = columnsOf(table);
  if (!columns?.length || !columns.every((column) => IDENTIFIER.test(column))) {
    throw new Error(`ContentSources: no entity maps the table ${table}`);
  }
  return columns;
}

function contentTable(table: string, sources: ReadonlyMap<string, string>): ContentTable {
  if (!(CONTENT_TABLES as readonly string[]).includes(table)) {
    throw new Error(`ContentSources: ${table} is not in CONTENT_TABLES`);
  }
  // A second description of a table would silently replace the first (as a
  // hand entry for field_policies once hid drafted policies from preview).
  if (sources.has(table)) throw new Error(`ContentSources: ${table} is described twice`);
  return table as ContentTable;
}
