import { Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GraphqlContext } from '../graphql/graphql-context';
import { isBrandWide } from './access-rules';
import { draftsAtPlaces } from './clinic-drafts';
import { CONTENT_TYPE_DEFS } from '../content-types/registry';
import { EditorReadsService } from './editor-reads.service';
import type { ItemView } from './item-view';
import { EditableItem } from './dtos/editable-item.object';
import { ItemPermissions } from './dtos/item-permissions.object';
import { apiWrite, asEditableItem } from './editing.resolver';
import { itemPermissions } from './item-permissions';
import { draftReader } from './place-access';

const viewOf = (item: EditableItem) => item as unknown as ItemView;

/** What the caller may do with any editable item, and the drafts they may publish. */
@Resolver(() => EditableItem)
export class EditableItemResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reads: EditorReadsService,
  ) {}

  @Query(() => [EditableItem], {
    description:
      'The unpublished drafts the caller may publish, at every place they edit (brand-wide editors: the whole brand; region editors: their regions and their clinics; clinic editors: their clinics, with the providers who work there), most recently saved first, at most 200: an editor’s changes tray. Editors and preview keys of a brand.',
  })
  async editableDrafts(@Context() context: GraphqlContext): Promise<EditableItem[]> {
    const actor = draftReader(context.actor);
    const refs = await draftsAtPlaces(this.db, {
      brandId: actor.brandId,
      wholeBrand: isBrandWide(actor),
      regionIds: actor.kind === 'USER' ? actor.regionIds : [],
      clinicIds: actor.kind === 'USER' ? actor.clinicIds : [],
    });
    const items: EditableItem[] = [];
    // One by one: editor reads check access per item, as `item(type:, id:)` does.
    for (const ref of refs) {
      const view = await this.reads.get(apiWrite(context), ref.type, ref.id);
      const rights = itemPermissions(
        actor,
        CONTENT_TYPE_DEFS[view.type],
        view.scope,
        view.draftFields,
      );
      if (rights.publish.allowed) items.push(asEditableItem(view));
    }
    return items;
  }

  @ResolveField(() => ItemPermissions, {
    description:
      'What the caller may do with this item (edit, brand-only fields, publish its draft, delete), by the rules the mutations apply: show or disable actions from it.',
  })
  viewerCan(@Parent() item: EditableItem, @Context() { actor }: GraphqlContext): ItemPermissions {
    const view = viewOf(item);
    return itemPermissions(actor, CONTENT_TYPE_DEFS[view.type], view.scope, view.draftFields);
  }

  @ResolveField(() => [ID], {
    description:
      'The clinics (itemId) the item sits at: one for a clinic and its own content, those a provider works at, none for brand and region content.',
  })
  clinicIds(@Parent() item: EditableItem): string[] {
    return viewOf(item).scope.clinicIds;
  }
}
