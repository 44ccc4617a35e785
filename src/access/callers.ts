import type { Actor, ApiKeyScope } from '../auth/actor';
import { DomainError } from '../common/domain-error';

/**
 * Who the caller is, before any rule about a brand, item or place: the
 * narrowing every check starts from. The actor arrives as a parameter (from
 * the GraphQL context or the CLI).
 */

export type UserActor = Extract<Actor, { kind: 'USER' }>;
export type ApiKeyActor = Extract<Actor, { kind: 'API_KEY' }>;
export type AuthenticatedActor = UserActor | ApiKeyActor;

export function unauthenticated(): DomainError {
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

/** Does the caller hold this key scope? The `admin` scope includes every other. */
export function hasScope(actor: Actor, scope: ApiKeyScope): boolean {
  return (
    actor.kind === 'API_KEY' && (actor.scopes.includes(scope) || actor.scopes.includes('admin'))
  );
}

/** Brand admins, and keys with the `admin` scope, which act as one. */
export function isBrandAdmin(actor: Actor): boolean {
  return actor.kind === 'USER' ? actor.role === 'BRAND_ADMIN' : hasScope(actor, 'admin');
}

/** Who may edit the whole brand: brand admins, brand editors, admin keys. */
export function isBrandWide(actor: Actor): boolean {
  if (actor.kind === 'USER') return actor.role === 'BRAND_ADMIN' || actor.role === 'BRAND_EDITOR';
  return hasScope(actor, 'admin');
}

/**
 * Does this request come from a partner key? Such keys get their own rate
 * limit (admin keys act for the brand and are not limited as partners).
 */
export function isPartnerKey(actor: Actor | undefined): actor is ApiKeyActor {
  return (
    actor?.kind === 'API_KEY' && actor.scopes.includes('partner') && !actor.scopes.includes('admin')
  );
}
