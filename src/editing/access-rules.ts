import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import type { AccessLevel } from '../content-types/registry';
import type { Permission } from './dtos/item-permissions.object';

/** Where an item sits, as read by its content type's scope SQL. */
export interface ItemScope {
  brandId: string;
  level: AccessLevel;
  regionIds: string[];
  clinicIds: string[];
}

export interface EditRequest {
  scope: ItemScope;
  /** The properties the write changes (empty for publish, delete …). */
  fields: string[];
  /** See ContentTypeDef.localFields / brandOnlyFields. */
  localFields?: string[];
  brandOnlyFields?: string[];
}

/** Who may edit the whole brand: brand admins, brand editors, admin keys. */
export function isBrandWide(actor: Actor): boolean {
  if (actor.kind === 'USER') return actor.role === 'BRAND_ADMIN' || actor.role === 'BRAND_EDITOR';
  if (actor.kind === 'API_KEY') return actor.scopes.includes('admin');
  return false;
}

/** isBrandWide as the console reads it: allowed in the caller's own brand, else refused with `reason`. */
export function brandWidePermission(actor: Actor, brandId: string, reason: string): Permission {
  return actor.kind !== 'ANONYMOUS' && actor.brandId === brandId && isBrandWide(actor)
    ? { allowed: true, reason: null }
    : { allowed: false, reason };
}

export function isBrandAdmin(actor: Actor): boolean {
  if (actor.kind === 'USER') return actor.role === 'BRAND_ADMIN';
  if (actor.kind === 'API_KEY') return actor.scopes.includes('admin');
  return false;
}

const overlaps = (a: string[], b: string[]) => a.some((id) => b.includes(id));
const within = (items: string[], allowed: string[]) =>
  items.length > 0 && items.every((id) => allowed.includes(id));

/**
 * May this actor make this write? Pure, so the whole role matrix is unit
 * tested; the service asks it for every item a request names.
 */
export function mayEdit(actor: Actor, request: EditRequest): boolean {
  if (actor.kind === 'ANONYMOUS') return false;
  if (actor.brandId !== request.scope.brandId) return false;
  const { scope, fields } = request;
  if (scope.level === 'ADMIN') return isBrandAdmin(actor);
  if (isBrandWide(actor)) return true;
  if (actor.kind !== 'USER') return false;
  // Reviewers approve drafts (src/compliance); they never write content.
  if (actor.role === 'MEDICAL_REVIEWER') return false;

  const brandOnly = request.brandOnlyFields ?? [];
  if (fields.some((field) => brandOnly.includes(field))) return false;

  if (scope.level === 'BRAND') {
    // A canonical item: only its local fields, by the people of its clinics.
    const local = request.localFields ?? [];
    if (fields.length === 0 || !fields.every((field) => local.includes(field))) return false;
    return actor.role === 'REGION_EDITOR'
      ? overlaps(scope.regionIds, actor.regionIds)
      : overlaps(scope.clinicIds, actor.clinicIds);
  }
  if (actor.role === 'REGION_EDITOR') return within(scope.regionIds, actor.regionIds);
  // CLINIC_EDITOR: clinic items of their own clinics only, never a region's.
  return scope.level === 'CLINIC' && within(scope.clinicIds, actor.clinicIds);
}

/**
 * May this actor change whether the item is live: publish it for the first
 * time (or again after an unpublish), unpublish it, or delete it? Whether a
 * brand-level item, or a clinic itself, is on the brand's sites is the
 * brand's call, so only brand-wide editors may (`statusByBrand` marks the
 * clinic-level types of that kind). Local items of a clinic or region stay
 * their editors' call.
 */
export function mayChangePublication(
  actor: Actor,
  scope: ItemScope,
  statusByBrand = false,
): boolean {
  if (!mayEdit(actor, { scope, fields: [] })) return false;
  return !statusByBrand || isBrandWide(actor);
}

/**
 * The refusal for an item the actor may not edit, or that does not exist.
 * People scoped to clinics or regions get the same FORBIDDEN either way, so
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
