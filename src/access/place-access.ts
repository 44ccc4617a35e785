import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { type ItemPlacement, mayEdit, refusal } from './item-access';
import type { PlaceLevel } from './level';

/** A clinic or a region: where local content (overrides, clinic FAQs) sits. */
export interface Place {
  level: PlaceLevel;
  id: string;
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
  const [row]: { brandId: string; regionId: string | null }[] =
    place.level === 'CLINIC'
      ? await tx.query(
          `SELECT brand_id AS "brandId", region_id AS "regionId" FROM clinics WHERE id = $1`,
          [place.id],
        )
      : await tx.query(
          `SELECT brand_id AS "brandId", id AS "regionId" FROM regions WHERE id = $1`,
          [place.id],
        );
  if (!row || row.brandId !== actor.brandId) throw refusal(actor, false);
  const placement: ItemPlacement = {
    brandId: row.brandId,
    level: place.level,
    regionIds: row.regionId ? [row.regionId] : [],
    clinicIds: place.level === 'CLINIC' ? [place.id] : [],
  };
  if (!mayEdit(actor, { placement, fields: [] })) throw refusal(actor, true, row.brandId);
  return placement;
}
