import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DomainError } from '../../common/domain-error';
import { pageWindow, toConnection } from '../../graphql/connection';
import { CONTENT_TYPE_DEFS } from '../../content-types/registry';
import { DraftWriterService } from '../../editing/draft-writer.service';
import { EditorReadsService } from '../../editing/editor-reads.service';
import { PublisherService } from '../../editing/publisher.service';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import {
  DeleteItemInput,
  ItemArgs,
  PublishInput,
  RestoreRevisionInput,
  RevisionsArgs,
  UnpublishInput,
} from '../../editing/dtos/item-ref.input';
import { FieldChange, RevisionConnection, toRevision } from './dtos/revision.object';
import { changedFields, RevisionsService } from '../../editing/revisions.service';
import { requireAuthenticated } from '../../access/callers';
import { WriteContext } from '../../graphql/context.decorators';

/** Publishing, deleting, history and restore: the same for every content type. */
@Resolver()
export class EditingResolver {
  constructor(
    private readonly reads: EditorReadsService,
    private readonly drafts: DraftWriterService,
    private readonly publisher: PublisherService,
    private readonly history: RevisionsService,
  ) {}

  @Query(() => EditableItem, { description: 'An item with its draft, for editors of its brand.' })
  async item(@Args() args: ItemArgs, @WriteContext() write: WriteContext): Promise<EditableItem> {
    return toEditableItem(await this.reads.get(write, args.type, args.id));
  }

  @Mutation(() => [EditableItem], {
    description:
      'Publishes a changeset of drafts: all of them go live, or none (e.g. on a stale version).',
  })
  async publish(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: PublishInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem[]> {
    return (await this.publisher.publish(write, input.items)).map(toEditableItem);
  }

  @Mutation(() => EditableItem, {
    description: 'Takes an item off delivery; its content stays editable.',
  })
  async unpublish(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UnpublishInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    return toEditableItem(await this.publisher.unpublish(write, input.item));
  }

  @Mutation(() => EditableItem, {
    description:
      'Deletes a draft item at once; a published one is deleted when the deletion is published.',
  })
  async deleteItem(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: DeleteItemInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    return toEditableItem(await this.drafts.remove(write, input.item));
  }

  @Query(() => RevisionConnection, { description: 'The history of an item, newest first.' })
  async revisions(
    @Args() args: RevisionsArgs,
    @WriteContext() write: WriteContext,
  ): Promise<RevisionConnection> {
    const window = pageWindow('revisions', args);
    await this.reads.get(write, args.type, args.id); // editors of its brand only
    const { rows, totalCount } = await this.history.list(args.type, args.id, window);
    return toConnection('revisions', rows.map(toRevision), window, totalCount);
  }

  @Query(() => [FieldChange], {
    description: 'What differs between two revisions of the same item.',
  })
  async revisionDiff(
    @Args('from', { type: () => ID, description: 'The older revision’s id.' }) from: string,
    @Args('to', { type: () => ID, description: 'The newer revision’s id.' }) to: string,
    @WriteContext() write: WriteContext,
  ): Promise<FieldChange[]> {
    const { brandId } = requireAuthenticated(write.actor);
    const [a, b] = await Promise.all([
      this.history.findInBrand(from, brandId),
      this.history.findInBrand(to, brandId),
    ]);
    if (!a || !b || a.entityId !== b.entityId) {
      throw new DomainError('BAD_USER_INPUT', 'from, to: give two revisions of the same item', {
        argument: 'from',
      });
    }
    await this.reads.get(write, a.entityType, a.entityId);
    // Compared as the writers compare values (sameValue), as each revision's changedFields are.
    return changedFields(a.after, b.after).map((field) => ({
      field,
      from: a.after?.[field] ?? null,
      to: b.after?.[field] ?? null,
    }));
  }

  @Mutation(() => EditableItem, {
    description: 'Makes a revision’s content the item’s draft again (publish to make it live).',
  })
  async restoreRevision(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: RestoreRevisionInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    const { brandId } = requireAuthenticated(write.actor);
    const revision = await this.history.findInBrand(input.revisionId, brandId);
    if (!revision || !revision.after) {
      throw new DomainError('BAD_USER_INPUT', 'revisionId: no revision with content to restore', {
        argument: 'revisionId',
      });
    }
    const def = CONTENT_TYPE_DEFS[revision.entityType];
    const editable = new Set([...Object.keys(def.columns), ...Object.keys(def.links ?? {})]);
    const values = Object.fromEntries(
      Object.entries(revision.after).filter(([field]) => editable.has(field)),
    );
    const view = await this.drafts.update(
      write,
      { type: revision.entityType, id: revision.entityId, version: input.version },
      values,
      // Restoring content also withdraws a delete waiting for publish.
      { action: 'RESTORE', cancelDelete: true },
    );
    return toEditableItem(view);
  }
}
