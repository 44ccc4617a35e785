import { ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { draftsAtPlaces } from '../../editing/clinic-drafts';
import { CONTENT_TYPE_DEFS } from '../../content-types/registry';
import { EditorReadsService } from '../../editing/editor-reads.service';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { ItemPermissions } from '../../editing/dtos/item-permissions.object';
import { checkBrandAccess, requireBrandPermission } from '../../access/brand-access';
import { itemPermissions } from '../../access/item-permissions';
import { Permission } from '../../access/permission';
import type { Actor } from '../../auth/actor';
import { CurrentActor, WriteContext } from '../../graphql/context.decorators';

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
  async editableDrafts(@WriteContext() write: WriteContext): Promise<EditableItem[]> {
    const actor = requireBrandPermission(write.actor, Permission.DraftRead);
    const refs = await draftsAtPlaces(this.db, {
      brandId: actor.brandId,
      wholeBrand: checkBrandAccess(actor, Permission.BrandWideEdit),
      regionIds: actor.kind === 'USER' ? actor.regionIds : [],
      clinicIds: actor.kind === 'USER' ? actor.clinicIds : [],
    });
    const items: EditableItem[] = [];
    // One by one: editor reads check access per item, as `item(type:, id:)` does.
    for (const ref of refs) {
      const view = await this.reads.get(write, ref.type, ref.id);
      const rights = itemPermissions(
        actor,
        CONTENT_TYPE_DEFS[view.type],
        view.placement,
        view.draftFields,
      );
      if (rights.publish.allowed) items.push(toEditableItem(view));
    }
    return items;
  }

  @ResolveField(() => ItemPermissions, {
    description:
      'What the caller may do with this item (edit, brand-only fields, publish its draft, delete), by the rules the mutations apply: show or disable actions from it.',
  })
  viewerCan(@Parent() item: EditableItem, @CurrentActor() actor: Actor): ItemPermissions {
    return itemPermissions(actor, CONTENT_TYPE_DEFS[item.type], item.placement, item.draftFields);
  }

  @ResolveField(() => [ID], {
    description:
      'The clinics (itemId) the item sits at: one for a clinic and its own content, those a provider works at, none for brand and region content.',
  })
  clinicIds(@Parent() item: EditableItem): string[] {
    return item.placement.clinicIds;
  }
}
