import { DomainError } from '../common/domain-error';
import type { Actor, ApiKeyScope } from './actor';

/**
 * Access checks for services. The actor arrives as a parameter (from the
 * GraphQL context or the CLI) and the service asks here before it reads or
 * writes. Refusals never say whether a named target exists.
 */

export type UserActor = Extract<Actor, { kind: 'USER' }>;
export type ApiKeyActor = Extract<Actor, { kind: 'API_KEY' }>;
export type AuthenticatedActor = UserActor | ApiKeyActor;

function unauthenticated(): DomainError {
  return new DomainError(
    'UNAUTHENTICATED',
    'Sign in first: send Authorization: Bearer <access token or API key>',
  );
}

/** Any signed-in caller, user or key; UNAUTHENTICATED for anonymous. */
export function requireAuthenticated(actor: Actor): AuthenticatedActor {
  if (actor.kind === 'ANONYMOUS') throw unauthenticated();
  return actor;
}

/** An editor account (not a key): UNAUTHENTICATED for anonymous, FORBIDDEN for keys. */
export function requireUser(actor: Actor): UserActor {
  const caller = requireAuthenticated(actor);
  if (caller.kind !== 'USER') {
    throw new DomainError('FORBIDDEN', 'This needs an editor account, not an API key');
  }
  return caller;
}

/**
 * A caller of this brand: UNAUTHENTICATED for anonymous, FORBIDDEN for a
 * caller of another brand (the message is the same whether the brand exists).
 */
export function requireBrandAccess(actor: Actor, brandId: string): AuthenticatedActor {
  const caller = requireAuthenticated(actor);
  if (caller.brandId !== brandId) {
    throw new DomainError('FORBIDDEN', 'You have no access to this brand');
  }
  return caller;
}

/** The `admin` scope includes every other scope. */
export function hasScope(actor: Actor, scope: ApiKeyScope): boolean {
  return (
    actor.kind === 'API_KEY' && (actor.scopes.includes(scope) || actor.scopes.includes('admin'))
  );
}

/** Brand admins, and keys with the `admin` scope, which act as one. */
export function isBrandAdmin(actor: Actor): boolean {
  return actor.kind === 'USER' ? actor.role === 'BRAND_ADMIN' : hasScope(actor, 'admin');
}

const ONLY_BRAND_ADMINS = 'Only brand admins may do this';

/**
 * The brand-admin rule as an answer for the console (`Brand.viewerCanManageAccounts`,
 * `Brand.viewerCanManageWebhooks`, `Brand.viewerCanReadAuditLog`).
 */
export function brandAdminPermission(
  actor: Actor,
  brandId: string,
): { allowed: boolean; reason: string | null } {
  if (actor.kind !== 'ANONYMOUS' && actor.brandId === brandId && isBrandAdmin(actor)) {
    return { allowed: true, reason: null };
  }
  return { allowed: false, reason: ONLY_BRAND_ADMINS };
}

/**
 * A brand admin (user or admin key); returns the caller, whose `brandId` is
 * the only brand the operation may touch.
 */
export function requireBrandAdmin(actor: Actor): AuthenticatedActor {
  const caller = requireAuthenticated(actor);
  if (!isBrandAdmin(caller)) {
    throw new DomainError('FORBIDDEN', ONLY_BRAND_ADMINS);
  }
  return caller;
}

/**
 * May the caller read drafts? Editors of any role and keys with `preview`
 * (or `admin`); with `brandId`, only of that brand.
 */
export function canPreview(actor: Actor, brandId?: string): boolean {
  if (actor.kind === 'ANONYMOUS') return false;
  if (brandId !== undefined && actor.brandId !== brandId) return false;
  return actor.kind === 'USER' || hasScope(actor, 'preview');
}

/**
 * What the caller may do with one account of `brandId` (`User.viewerCan`):
 * the rules of the account mutations, including that an admin may not
 * disable or demote their own account (it would lock them out).
 */
export function accountPermissions(
  actor: Actor,
  target: { id: string; brandId: string },
): Record<'changeRole' | 'disable' | 'enable', { allowed: boolean; reason: string | null }> {
  const admin = brandAdminPermission(actor, target.brandId);
  const self = actor.kind === 'USER' && actor.userId === target.id;
  const notOnSelf = (what: string) =>
    admin.allowed && self
      ? { allowed: false, reason: `You cannot ${what} your own account: ask another brand admin` }
      : admin;
  return {
    changeRole: notOnSelf('change the role of'),
    disable: notOnSelf('disable'),
    enable: admin,
  };
}
