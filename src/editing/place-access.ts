import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuthenticatedActor, canPreview } from '../auth/access';
import { DomainError } from '../common/domain-error';
import { ItemScope, mayEdit, refusal } from './access-rules';

/** A clinic or a region: where local content (overrides, clinic FAQs) sits. */
export interface Place {
  level: 'CLINIC' | 'REGION';
  id: string;
}

/**
 * Checks that the actor may edit local content of a clinic or region before
 * anything there is read or written, and returns where it sits. A place that
 * does not exist, or is another brand's, is refused like one the actor may
 * not touch (see refusal()), so the answer reveals nothing.
 */
export async function editablePlace(
  tx: EntityManager,
  actor: Actor,
  place: Place,
): Promise<ItemScope> {
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
  const scope: ItemScope = {
    brandId: row.brandId,
    level: place.level,
    regionIds: row.regionId ? [row.regionId] : [],
    clinicIds: place.level === 'CLINIC' ? [place.id] : [],
  };
  if (!mayEdit(actor, { scope, fields: [] })) throw refusal(actor, true, row.brandId);
  return scope;
}

/**
 * Listings of drafts (overrides, field policies) are for the brand's editors
 * and its preview or admin keys, as drafts are everywhere else.
 */
export function draftReader(actor: Actor): AuthenticatedActor {
  if (actor.kind === 'ANONYMOUS') throw refusal(actor, false);
  if (!canPreview(actor, actor.brandId)) {
    throw new DomainError('FORBIDDEN', 'Drafts are for editors and preview keys of the brand');
  }
  return actor;
}
