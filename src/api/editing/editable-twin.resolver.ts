import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Faq } from '../../faqs/dtos/faq.object';
import { pickByKeys, type BatchFn } from '../../graphql/request-loaders';
import { Provider } from '../../providers/dtos/provider.object';
import { Treatment } from '../../treatments/dtos/treatment.object';
import type { ContentType } from '../../content-types/registry';
import { EditorReadsService } from '../../editing/editor-reads.service';
import type { ItemView } from '../../editing/item-view';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { checkBrandAccess } from '../../access/brand-access';
import { Permission } from '../../access/permission';
import type { RequestLoaders } from '../../graphql/request-loaders';
import { WriteContext, Loaders } from '../../graphql/context.decorators';

export const EDITABLE_TWIN_DESCRIPTION =
  'This item as editors edit it: its working copy (Markdown unrendered, tokens as written), version and the caller’s rights (`viewerCan`). Null unless the caller may read the brand’s drafts (its editors and preview keys).';

/**
 * The editable twin of delivered items a console lists (a clinic's FAQs,
 * providers and prices, a treatment's offering at a clinic), so one query brings each with its version and rights instead
 * of one `item(type:, id:)` per row. Batched per request and type.
 */
export abstract class EditableTwin {
  // One batch function per request: its loaders are the request's.
  private readonly batches = new WeakMap<RequestLoaders, BatchFn<string, ItemView | null>>();

  constructor(
    private readonly reads: EditorReadsService,
    private readonly type: ContentType,
  ) {}

  protected async load(
    itemId: string,
    brandId: string,
    write: WriteContext,
    loaders: RequestLoaders,
  ): Promise<EditableItem | null> {
    if (!checkBrandAccess(write.actor, Permission.DraftRead, brandId)) return null;
    let batch = this.batches.get(loaders);
    if (!batch) {
      // Editor reads leave out what the caller may not read.
      batch = async (ids) =>
        pickByKeys(ids, await this.reads.list(write, this.type, [...ids]), (view) => view.id);
      this.batches.set(loaders, batch);
    }
    const view = await loaders.get(batch).load(itemId);
    return view ? toEditableItem(view) : null;
  }
}

@Resolver(() => Faq)
export class FaqEditableResolver extends EditableTwin {
  constructor(reads: EditorReadsService) {
    super(reads, 'FAQ');
  }

  @ResolveField(() => EditableItem, { nullable: true, description: EDITABLE_TWIN_DESCRIPTION })
  editable(
    @Parent() faq: Faq,
    @WriteContext() write: WriteContext,
    @Loaders() loaders: RequestLoaders,
  ): Promise<EditableItem | null> {
    return this.load(faq.itemId, faq.brandId, write, loaders);
  }
}

@Resolver(() => Provider)
export class ProviderEditableResolver extends EditableTwin {
  constructor(reads: EditorReadsService) {
    super(reads, 'PROVIDER');
  }

  @ResolveField(() => EditableItem, { nullable: true, description: EDITABLE_TWIN_DESCRIPTION })
  editable(
    @Parent() provider: Provider,
    @WriteContext() write: WriteContext,
    @Loaders() loaders: RequestLoaders,
  ): Promise<EditableItem | null> {
    return this.load(provider.itemId, provider.brandId, write, loaders);
  }
}

@Resolver(() => Treatment)
export class TreatmentEditableResolver extends EditableTwin {
  constructor(reads: EditorReadsService) {
    super(reads, 'TREATMENT');
  }

  @ResolveField(() => EditableItem, {
    nullable: true,
    description: `The brand’s treatment (also when this answer is resolved for a clinic) as editors edit it: its working copy (Markdown unrendered, tokens as written), version and the caller’s rights (\`viewerCan\`). Null unless the caller may read the brand’s drafts (its editors and preview keys).`,
  })
  editable(
    @Parent() treatment: Treatment,
    @WriteContext() write: WriteContext,
    @Loaders() loaders: RequestLoaders,
  ): Promise<EditableItem | null> {
    return this.load(treatment.itemId, treatment.brandId, write, loaders);
  }
}
