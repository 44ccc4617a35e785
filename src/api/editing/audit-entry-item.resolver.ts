import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditLogEntry } from '../../audit/dtos/audit-log-entry.object';
import { CONTENT_TYPES, type ContentType } from '../../content-types/registry';
import type { RequestLoaders } from '../../graphql/request-loaders';
import { EditorReadsService } from '../../editing/editor-reads.service';
import type { ItemView } from '../../editing/item-view';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { WriteContext, Loaders } from '../../graphql/context.decorators';

interface ItemKey {
  ctx: WriteContext;
  type: ContentType;
  id: string;
}

/** The content item an audit entry is about, for links from the audit log to the item. */
@Resolver(() => AuditLogEntry)
export class AuditEntryItemResolver {
  constructor(private readonly reads: EditorReadsService) {}

  @ResolveField(() => EditableItem, {
    nullable: true,
    description:
      'The content item the entry is about, as it is now (its clinicIds say where it sits); null for entries about other things and for items since deleted.',
  })
  async item(
    @Parent() entry: AuditLogEntry,
    @WriteContext() write: WriteContext,
    @Loaders() loaders: RequestLoaders,
  ): Promise<EditableItem | null> {
    const type = entry.targetType as ContentType;
    if (!entry.targetId || !CONTENT_TYPES.includes(type)) return null;
    const view = await loaders.get(this.load).load({ ctx: write, type, id: entry.targetId });
    return view && toEditableItem(view);
  }

  /** One read per content type for a whole page of entries; editor reads apply read access. */
  private readonly load = async (keys: readonly ItemKey[]): Promise<(ItemView | null)[]> => {
    const views = new Map<string, ItemView>();
    for (const type of new Set(keys.map((key) => key.type))) {
      const ids = keys.filter((key) => key.type === type).map((key) => key.id);
      for (const view of await this.reads.list(keys[0].ctx, type, [...new Set(ids)])) {
        views.set(`${type}:${view.id}`, view);
      }
    }
    return keys.map((key) => views.get(`${key.type}:${key.id}`) ?? null);
  };
}
