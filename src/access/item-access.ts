import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { isBrandAdmin, isBrandWide } from './callers';
import type { ItemLevel } from './level';
import { Permission } from './permission';

/** Where an item sits, as read by its content type's `placementSql`. */
export interface ItemPlacement {
  brandId: string;
  level: ItemLevel;
  regionIds: string[];
  clinicIds: string[];
}

export interface EditRequest {
  /** Where the item sits (the write engine's `ItemView.placement`). */
  placement: ItemPlacement;
  /** The properties the write changes (empty for publish, delete …). */
  fields: string[];
  /** See ContentTypeDef.localFields / brandOnlyFields. */
  localFields?: string[];
  brandOnlyFields?: string[];
  /** See ContentTypeDef.statusByBrand (for ItemPublication). */
  statusByBrand?: boolean;
}

export type ItemPermission = Permission.ItemEdit | Permission.ItemPublication;

/**
 * May this actor do this to an item? Pure, so the whole role matrix is unit
 * tested; the writer asks it for every item a request names.
 */
export function checkItemAccess(
  actor: Actor,
  permission: ItemPermission,
  request: EditRequest,
): boolean {
  switch (permission) {
    case Permission.ItemEdit:
      return mayEdit(actor, request);
    case Permission.ItemPublication:
      return mayChangePublication(actor, request.placement, request.statusByBrand);
  }
}

const overlaps = (a: string[], b: string[]) => a.some((id) => b.includes(id));
const within = (items: string[], allowed: string[]) =>
  items.length > 0 && items.every((id) => allowed.includes(id));

/** Permission.ItemEdit. */
export function mayEdit(actor: Actor, request: EditRequest): boolean {
  if (actor.kind === 'ANONYMOUS') return false;
  if (actor.brandId !== request.placement.brandId) return false;
  const { placement, fields } = request;
  if (placement.level === 'ADMIN') return isBrandAdmin(actor);
  if (isBrandWide(actor)) return true;
  if (actor.kind !== 'USER') return false;
  // Reviewers approve drafts (src/compliance); they never write content.
  if (actor.role === 'MEDICAL_REVIEWER') return false;

  const brandOnly = request.brandOnlyFields ?? [];
  if (fields.some((field) => brandOnly.includes(field))) return false;

  if (placement.level === 'BRAND') {
    // A canonical item: only its local fields, by the people of its clinics.
    const local = request.localFields ?? [];
    if (fields.length === 0 || !fields.every((field) => local.includes(field))) return false;
    return actor.role === 'REGION_EDITOR'
      ? overlaps(placement.regionIds, actor.regionIds)
      : overlaps(placement.clinicIds, actor.clinicIds);
  }
  if (actor.role === 'REGION_EDITOR') return within(placement.regionIds, actor.regionIds);
  // CLINIC_EDITOR: clinic items of their own clinics only, never a region's.
  return placement.level === 'CLINIC' && within(placement.clinicIds, actor.clinicIds);
}

/**
 * Permission.ItemPublication: may this actor change whether the item is
 * live: publish it for the first time (or again after an unpublish),
 * unpublish it, or delete it? Whether a brand-level item, or a clinic
 * itself, is on the brand's sites is the brand's call, so only brand-wide
 * editors may (`statusByBrand` marks the clinic-level types of that kind).
 * Local items of a clinic or region stay their editors' call.
 */
export function mayChangePublication(
  actor: Actor,
  placement: ItemPlacement,
  statusByBrand = false,
): boolean {
  if (!mayEdit(actor, { placement, fields: [] })) return false;
  return !statusByBrand || isBrandWide(actor);
}

/**
 * The refusal for an item the actor may not edit, or that does not exist.
 * People limited to clinics or regions get the same FORBIDDEN either way, so
 * the answer never tells them whether an id exists; brand-wide people get
 * NOT_FOUND for ids outside their brand, which exist or not alike.
 */
export function refusal(actor: Actor, found: boolean, brandId?: string): DomainError {
  if (actor.kind === 'ANONYMOUS') {
    return new DomainError('UNAUTHENTICATED', 'Sign in (Authorization: Bearer …) to edit content');
  }
  if (isBrandWide(actor) && (!found || brandId !== actor.brandId)) {
    return new DomainError('NOT_FOUND', 'No such item');
  }
  return new DomainError('FORBIDDEN', 'You may not change this item');
}
