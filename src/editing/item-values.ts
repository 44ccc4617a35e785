import type { EntityManager } from 'typeorm';
import { CONTENT_TYPE_DEFS, ContentType, ContentTypeDef } from '../content-types/registry';

type Values = Record<string, unknown>;

/**
 * An item's editable values from its stored row and link lists: what editors
 * see as published and what revisions snapshot. Every writer goes through
 * this, so a revision's `after` can be restored as it is.
 */
export function publishedValues(
  def: ContentTypeDef,
  row: Record<string, unknown>,
  links: Values,
): Values {
  const values: Values = {};
  for (const [property, column] of Object.entries({ ...def.fixedColumns, ...def.columns })) {
    values[property] = row[column.column];
  }
  return { ...values, ...links };
}

/** The item's link lists (e.g. an FAQ's treatmentIds), ids sorted. */
export async function readLinks(
  tx: EntityManager,
  def: ContentTypeDef,
  id: string,
): Promise<Values> {
  const links: Values = {};
  for (const [property, link] of Object.entries(def.links ?? {})) {
    const rows: { other: string }[] = await tx.query(
      `SELECT ${link.otherColumn} AS other FROM ${link.table} WHERE ${link.ownColumn} = $1 ORDER BY 1`,
      [id],
    );
    links[property] = rows.map((row) => row.other);
  }
  return links;
}

export interface StoredItem {
  type: ContentType;
  id: string;
  brandId: string;
  version: number;
  values: Values;
}

/**
 * Reads a stored item inside the caller's transaction, for writers that
 * insert rows themselves (the seed) and still record revisions.
 */
export async function readStoredItem(
  tx: EntityManager,
  type: ContentType,
  id: string,
): Promise<StoredItem> {
  const def = CONTENT_TYPE_DEFS[type];
  const [row] = await tx.query(
    `SELECT x.*, s.brand_id AS placement_brand_id FROM ${def.table} x, LATERAL (${def.placementSql}) s
      WHERE x.id = $1`,
    [id],
  );
  if (!row) throw new Error(`No ${type} ${id}`);
  const values = publishedValues(def, row, await readLinks(tx, def, id));
  return { type, id, brandId: row.placement_brand_id, version: row.version, values };
}
