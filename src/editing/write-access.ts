/**
 * Who may read and write a stored item, asked of the pure rules in
 * access-rules.ts for the item where it sits: the checks every write makes
 * once, on the item it locked.
 */
import type { EntityManager } from 'typeorm';
import { canPreview } from '../auth/access';
import type { Actor } from '../auth/actor';
import { ContentTypeDef, DELETE_MARK } from '../content-types/registry';
import { isBrandWide, ItemScope, mayChangePublication, mayEdit, refusal } from './access-rules';
import { outOfBrandReferences } from './brand-references';
import { editingErrors } from './editing.errors';
import { type ItemState, type Values, withoutMark } from './item-view';

/**
 * Editors of a brand may read any of its items and drafts (to see what
 * others changed), and so may its preview keys; delivery and partner keys
 * never see drafts.
 */
export function mayReadItem(actor: Actor, scope: ItemScope): boolean {
  return canPreview(actor, scope.brandId);
}

/** The actor must be allowed to write these fields of the item. */
export function assertMayEdit(actor: Actor, item: ItemState, fields: string[]): void {
  const allowed = mayEdit(actor, {
    scope: item.scope,
    fields,
    localFields: item.def.localFields,
    brandOnlyFields: item.def.brandOnlyFields,
  });
  if (!allowed) throw refusal(actor, true, item.scope.brandId);
}

/**
 * Publishing the draft needs the rights a direct change of its fields
 * would (a clinic editor publishes a provider's bio, a local field).
 * Returns whether the publish may also change whether the item is live;
 * when it may not, a publish that would only do that (put a draft item
 * live, carry out a staged deletion) is refused.
 */
export function assertMayPublish(actor: Actor, item: ItemState): boolean {
  const fields = Object.keys(withoutMark(item.draft));
  assertMayEdit(actor, item, fields);
  if (mayChangeStatus(actor, item)) return true;
  const goesLive = item.row.publication_status !== 'PUBLISHED';
  if (item.draft[DELETE_MARK] === true || (goesLive && fields.length === 0)) {
    throw editingErrors.statusChangeRefused();
  }
  return false;
}

/** Unpublishing and deleting: brand-wide rights for brand items and clinics. */
export function assertMayChangeStatus(actor: Actor, item: ItemState): void {
  assertMayEdit(actor, item, []);
  if (!mayChangeStatus(actor, item)) throw editingErrors.statusChangeRefused();
}

function mayChangeStatus(actor: Actor, item: ItemState): boolean {
  return mayChangePublication(actor, item.scope, item.def.statusByBrand);
}

/**
 * Refuses values that point at a region, clinic or treatment outside the
 * item's brand (or at none): brand-wide editors learn which field, others
 * get the same refusal as for any id out of their reach.
 */
export async function assertOwnBrandReferences(
  tx: EntityManager,
  actor: Actor,
  def: ContentTypeDef,
  brandId: string,
  values: Values,
): Promise<void> {
  const [foreign] = await outOfBrandReferences(tx, def, brandId, values);
  if (!foreign) return;
  if (!isBrandWide(actor)) throw refusal(actor, false);
  throw editingErrors.foreignReference(foreign);
}
