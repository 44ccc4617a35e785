import type { Actor } from '../auth/actor';
import { type ItemScope, mayEdit } from './access-rules';
import type { ContentTypeDef } from './content-types';
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
 * The caller's rights on one item, asked of mayEdit exactly as the content
 * writer asks it: edit and delete with no field named (the writer's
 * authorize(item, [])), brand-only fields by name, publish like edit (a
 * publish needs the rights of the drafted fields, which edit covers).
 */
export function itemPermissions(
  actor: Actor,
  def: ContentTypeDef,
  scope: ItemScope,
): ItemPermissions {
  const ask = (fields: string[]) =>
    mayEdit(actor, {
      scope,
      fields,
      localFields: def.localFields,
      brandOnlyFields: def.brandOnlyFields,
    });
  const edit = ask([]) ? allowed : refused(outOfReach(actor));
  const brandOnly = def.brandOnlyFields ?? [];
  const editBrandFields = !edit.allowed
    ? edit
    : brandOnly.length === 0 || ask(brandOnly)
      ? allowed
      : refused('Only brand editors may change these fields');
  return { edit, editBrandFields, publish: edit, delete: edit };
}
