import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { type ItemPlacement, mayEdit, refusal } from './item-access';
import type { PlaceLevel } from './level';

/** A clinic or a region: where local content (overrides, clinic FAQs) sits. */
export interface Place {
  level: PlaceLevel;
  id: string;
}

/** What requirePlaceAccess reads of a place: its brand and region (null when there is none). */
export interface PlaceRow {
  brandId: string;
  regionId: string | null;
}

/**
 * The SQL of a place's PlaceRow, its id the parameter `param` (`$1`): for
 * writers that read the place in one statement with what else they need.
 */
export function placeRowSql(level: PlaceLevel, param: string): string {
  return level === 'CLINIC'
    ? `SELECT brand_id AS "brandId", region_id AS "regionId" FROM clinics WHERE id = ${param}`
    : `SELECT brand_id AS "brandId", id AS "regionId" FROM regions WHERE id = ${param}`;
}

/**
 * Permission.PlaceEdit: checks that the actor may edit local content of a
 * clinic or region before anything there is read or written, and returns
 * where it sits. A place that does not exist, or is another brand's, is
 * refused like one the actor may not touch (see refusal()), so the answer
 * reveals nothing.
 */
export async function requirePlaceAccess(
  tx: EntityManager,
  actor: Actor,
  place: Place,
): Promise<ItemPlacement> {
  if (actor.kind === 'ANONYMOUS') throw refusal(actor, false);
  const [row]: PlaceRow[] = await tx.query(placeRowSql(place.level, '$1'), [place.id]);
  return checkPlaceAccess(actor, place, row);
}

/**
 * requirePlaceAccess's check of a place row read already (`undefined`: no
 * such place), for a writer that read it with other rows in one statement:
 * nothing else it read may be acted on, or shown, before this passes.
 */
export function checkPlaceAccess(
  actor: Actor,
  place: Place,
  row: PlaceRow | undefined,
): ItemPlacement {
  if (actor.kind === 'ANONYMOUS' || !row || row.brandId !== actor.brandId) {
    throw refusal(actor, false);
  }
  const placement: ItemPlacement = {
    brandId: row.brandId,
    level: place.level,
    regionIds: row.regionId ? [row.regionId] : [],
    clinicIds: place.level === 'CLINIC' ? [place.id] : [],
  };
  if (!mayEdit(actor, { placement, fields: [] })) throw refusal(actor, true, row.brandId);
  return placement;
}
