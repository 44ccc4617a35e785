import type { Actor } from '../auth/actor';
import { type AuthenticatedActor, hasScope, requireAuthenticated } from '../auth/access';
import { DomainError } from '../common/domain-error';

/**
 * Who may read the change feed: API keys with the `partner` scope (or
 * `admin`, which includes it) and brand admins, who may want to see what
 * their partners get. Anonymous: UNAUTHENTICATED; anyone else: FORBIDDEN.
 */
export function requireFeedReader(actor: Actor): AuthenticatedActor {
  const caller = requireAuthenticated(actor);
  const allowed =
    caller.kind === 'API_KEY' ? hasScope(caller, 'partner') : caller.role === 'BRAND_ADMIN';
  if (!allowed) {
    throw new DomainError('FORBIDDEN', 'The change feed needs an API key with the partner scope');
  }
  return caller;
}

/** The clinics a caller's feed is limited to; null = the whole brand. */
export function feedClinicLimit(caller: AuthenticatedActor): string[] | null {
  return caller.kind === 'API_KEY' ? caller.clinicIds : null;
}

/**
 * Does this request come from a partner key? Such keys get their own rate
 * limit (admin keys act for the brand and are not limited as partners).
 */
export function isPartnerKey(
  actor: Actor | undefined,
): actor is Extract<Actor, { kind: 'API_KEY' }> {
  return (
    actor?.kind === 'API_KEY' && actor.scopes.includes('partner') && !actor.scopes.includes('admin')
  );
}
