import type { Actor } from '../auth/actor';
import { type ItemScope, isBrandWide, mayChangePublication, mayEdit } from './access-rules';
import type { ContentTypeDef } from '../content-types/registry';
import type { ItemPermissions, Permission } from './dtos/item-permissions.object';

const allowed: Permission = { allowed: true, reason: null };
const refused = (reason: string): Permission => ({ allowed: false, reason });

/** Why an actor may not touch an item at all (before field-level rules). */
function outOfReach(actor: Actor): string {
  if (actor.kind === 'ANONYMOUS') return 'Sign in to edit';
  if (actor.kind === 'API_KEY') return 'This API key may not edit content';
  if (actor.role === 'REGION_EDITOR') return 'This is outside the regions you edit';
  if (actor.role === 'MEDICAL_REVIEWER')
    return 'Medical reviewers approve drafts; they do not edit';
  if (actor.role === 'CLINIC_EDITOR') return 'This is not one of the clinics you edit';
  return 'You may not change this item';
}

/**
 * The caller's rights on one item, asked of the rules the writers apply
 * (write-access.ts): edit with no field named (assertMayEdit(item, [])) or,
 * on a canonical item with local fields (a provider), those fields; brand-only
 * fields by name; publish with the fields its draft changes (when known), as
 * assertMayPublish does; delete as assertMayChangeStatus does
 * (mayChangePublication: whether a clinic or a brand item is on the site is
 * the brand's call).
 */
export function itemPermissions(
  actor: Actor,
  def: ContentTypeDef,
  scope: ItemScope,
  draftFields: string[] = [],
): ItemPermissions {
  const ask = (fields: string[]) =>
    mayEdit(actor, {
      scope,
      fields,
      localFields: def.localFields,
      brandOnlyFields: def.brandOnlyFields,
    });
  const canonical = scope.level === 'BRAND';
  const local = canonical ? (def.localFields ?? []) : [];
  const edit =
    ask([]) || (local.length > 0 && ask(local))
      ? allowed
      : refused(
          canonical && local.length === 0 && actor.kind === 'USER'
            ? 'This is the brand’s content: only brand editors may change it'
            : outOfReach(actor),
        );
  if (!edit.allowed) return { edit, editBrandFields: edit, publish: edit, delete: edit };
  // On a canonical item, every field but its local ones is the brand's.
  const brandFields = canonical
    ? Object.keys(def.columns).filter((field) => !local.includes(field))
    : (def.brandOnlyFields ?? []);
  const editBrandFields =
    brandFields.length === 0 || ask(brandFields)
      ? allowed
      : refused('Only brand editors may change these fields');
  const publish =
    draftFields.length === 0 || ask(draftFields)
      ? allowed
      : refused('Its draft changes fields only brand editors may publish');
  const remove = mayChangePublication(actor, scope, def.statusByBrand)
    ? allowed
    : refused(
        isBrandWide(actor) ? outOfReach(actor) : 'Only brand editors may delete or unpublish it',
      );
  return { edit, editBrandFields, publish, delete: remove };
}
