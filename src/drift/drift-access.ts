import type { Actor } from '../auth/actor';
import type { AuthenticatedActor } from '../auth/access';
import { DomainError } from '../common/domain-error';
import { brandWidePermission, isBrandWide, refusal } from '../editing/access-rules';
import type { Permission } from '../editing/dtos/item-permissions.object';

const ONLY_BRAND_EDITORS = 'Only brand editors may review drift and set field policies';

/**
 * The drift report, its bulk actions and field policies are the brand's
 * view of every place at once: brand-wide editors only (brand admins,
 * brand editors, admin keys).
 */
export function requireBrandWideEditor(actor: Actor): AuthenticatedActor {
  if (actor.kind === 'ANONYMOUS') throw refusal(actor, false);
  if (!isBrandWide(actor)) throw new DomainError('FORBIDDEN', ONLY_BRAND_EDITORS);
  return actor;
}

/** The same rule as an answer for the console (`Brand.viewerCanReviewDrift`). */
export function brandWideEditorPermission(actor: Actor, brandId: string): Permission {
  return brandWidePermission(actor, brandId, ONLY_BRAND_EDITORS);
}
