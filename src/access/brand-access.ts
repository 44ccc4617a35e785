import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import {
  type AuthenticatedActor,
  hasScope,
  isBrandAdmin,
  isBrandWide,
  unauthenticated,
} from './callers';
import { refusal } from './item-access';
import { ALLOWED, Permission, type PermissionAnswer, refusedBecause } from './permission';

export type BrandPermission =
  | Permission.DraftRead
  | Permission.BrandAdmin
  | Permission.BrandWideEdit
  | Permission.BrandContentEdit
  | Permission.FeedRead
  | Permission.ScheduleUse;

/**
 * May the caller do this in a brand? With `brandId`, only in that brand;
 * without, in the caller's own.
 */
export function checkBrandAccess(
  actor: Actor,
  permission: BrandPermission,
  brandId?: string,
): boolean {
  if (actor.kind === 'ANONYMOUS') return false;
  if (brandId !== undefined && actor.brandId !== brandId) return false;
  switch (permission) {
    case Permission.DraftRead:
      return actor.kind === 'USER' || hasScope(actor, 'preview');
    case Permission.BrandAdmin:
      return isBrandAdmin(actor);
    case Permission.BrandWideEdit:
    case Permission.BrandContentEdit:
      return isBrandWide(actor);
    case Permission.FeedRead:
      return actor.kind === 'API_KEY' ? hasScope(actor, 'partner') : actor.role === 'BRAND_ADMIN';
    case Permission.ScheduleUse:
      return actor.kind === 'USER' || hasScope(actor, 'admin');
  }
}

/** What a refusal of each brand permission says, to anonymous callers and to the others. */
const REFUSALS: Record<
  BrandPermission,
  { anonymous: (actor: Actor) => DomainError; forbidden: string }
> = {
  [Permission.DraftRead]: {
    anonymous: (actor) => refusal(actor, false),
    forbidden: 'Drafts are for editors and preview keys of the brand',
  },
  [Permission.BrandAdmin]: {
    anonymous: unauthenticated,
    forbidden: 'Only brand admins may do this',
  },
  [Permission.BrandWideEdit]: {
    anonymous: (actor) => refusal(actor, false),
    forbidden: 'Only brand editors may review drift and set field policies',
  },
  [Permission.BrandContentEdit]: {
    anonymous: (actor) => refusal(actor, false),
    forbidden: 'Only brand editors may change the brand’s own content',
  },
  [Permission.FeedRead]: {
    anonymous: unauthenticated,
    forbidden: 'The change feed needs an API key with the partner scope',
  },
  [Permission.ScheduleUse]: {
    anonymous: (actor) => refusal(actor, false),
    forbidden: 'Scheduled publishing needs an editor account or an admin key',
  },
};

/**
 * The caller, when it holds the permission in its own brand (whose id is
 * then the only brand the operation may touch); otherwise UNAUTHENTICATED
 * for anonymous callers, FORBIDDEN for the others.
 */
export function requireBrandPermission(
  actor: Actor,
  permission: BrandPermission,
): AuthenticatedActor {
  if (actor.kind === 'ANONYMOUS') throw REFUSALS[permission].anonymous(actor);
  if (!checkBrandAccess(actor, permission)) {
    throw new DomainError('FORBIDDEN', REFUSALS[permission].forbidden);
  }
  return actor;
}

/**
 * The same rule as an answer for the console (`Brand.viewerCanManageAccounts`,
 * `viewerCanManageWebhooks`, `viewerCanReadAuditLog`, `viewerCanReviewDrift`,
 * `viewerCanEditContent`).
 */
export function brandPermission(
  actor: Actor,
  permission: BrandPermission,
  brandId: string,
): PermissionAnswer {
  return checkBrandAccess(actor, permission, brandId)
    ? ALLOWED
    : refusedBecause(REFUSALS[permission].forbidden);
}
