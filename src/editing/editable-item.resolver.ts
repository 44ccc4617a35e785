import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../graphql/graphql-context';
import { CONTENT_TYPE_DEFS } from './content-types';
import type { ItemView } from './content-writer.service';
import { EditableItem } from './dtos/editable-item.object';
import { ItemPermissions } from './dtos/item-permissions.object';
import { itemPermissions } from './item-permissions';

/** What the caller may do with any editable item, whatever its type. */
@Resolver(() => EditableItem)
export class EditableItemResolver {
  @ResolveField(() => ItemPermissions, {
    description:
      'What the caller may do with this item (edit, brand-only fields, publish its draft, delete), by the rules the mutations apply: show or disable actions from it.',
  })
  viewerCan(@Parent() item: EditableItem, @Context() { actor }: GraphqlContext): ItemPermissions {
    const view = item as unknown as ItemView;
    return itemPermissions(actor, CONTENT_TYPE_DEFS[view.type], view.scope, view.draftFields);
  }
}
