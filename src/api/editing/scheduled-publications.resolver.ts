import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { actorLabel } from '../../auth/actor';
import {
  SchedulePermissions,
  ScheduledPublication,
  ScheduledPublicationConnection,
  ScheduleStatus,
  toScheduledPublication,
} from './dtos/scheduled-publication.object';
import { ScheduledPublicationsArgs } from './dtos/scheduled-publications.args';
import { SchedulePublishInput } from '../../editing/dtos/item-ref.input';
import type { ContentType } from '../../content-types/registry';
import { EditorReadsService } from '../../editing/editor-reads.service';
import {
  ScheduledPublicationRow,
  ScheduledPublisherService,
} from '../../editing/scheduled-publisher.service';
import { checkBrandAccess, requireBrandPermission } from '../../access/brand-access';
import { checkItemAccess, type ItemPlacement } from '../../access/item-access';
import { Permission } from '../../access/permission';
import { checkScheduleAccess } from '../../access/schedule-access';
import type { Actor } from '../../auth/actor';
import { pageSize } from '../../graphql/connection';
import { CurrentActor, WriteContext } from '../../graphql/context.decorators';
import { badInput } from '../../common/domain-error';

/** How many schedules a region or clinic editor's page judges per query. */
const SCAN_BATCH = 200;

@Resolver(() => ScheduledPublication)
export class ScheduledPublicationsResolver {
  constructor(
    private readonly scheduler: ScheduledPublisherService,
    private readonly reads: EditorReadsService,
  ) {}

  @Mutation(() => ScheduledPublication, {
    description:
      'Publishes a changeset at `publishAt`, all or none, exactly as the versions given (an item changed since makes it FAILED).',
  })
  async schedulePublish(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: SchedulePublishInput,
    @WriteContext() write: WriteContext,
  ): Promise<ScheduledPublication> {
    return toScheduledPublication(
      await this.scheduler.schedule(write, input.items, input.publishAt),
    );
  }

  @Mutation(() => ScheduledPublication, { description: 'Cancels a pending scheduled publication.' })
  async cancelScheduledPublication(
    @Args('id', { type: () => ID, description: 'The schedule’s id.' }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ScheduledPublication> {
    requireBrandPermission(actor, Permission.ScheduleUse);
    return toScheduledPublication(await this.scheduler.cancel(actor, id));
  }

  @Query(() => ScheduledPublicationConnection, {
    description:
      'Your brand’s scheduled publications, latest scheduled first, a page at a time: all of them for brand-wide editors; for region and clinic editors those they scheduled and those whose every item they may publish.',
  })
  async scheduledPublications(
    @Args() args: ScheduledPublicationsArgs,
    @WriteContext() write: WriteContext,
  ): Promise<ScheduledPublicationConnection> {
    const actor = requireBrandPermission(write.actor, Permission.ScheduleUse);
    const first = pageSize(args.first);
    const after = args.after ? decodeScheduleCursor(args.after) : null;
    const statuses = args.status ?? null;
    const brandWide = checkBrandAccess(actor, Permission.BrandWideEdit);
    const rows = await this.visibleRows(write, statuses, after, first + 1);
    // Only the item rules tell which schedules a region or clinic editor sees,
    // so their count judges them all (the old list judged up to 200 each time).
    const totalCount = brandWide
      ? await this.scheduler.count(actor.brandId, statuses)
      : (await this.visibleRows(write, statuses, null, Infinity)).length;
    const edges = rows.slice(0, first).map((row) => ({
      cursor: encodeScheduleCursor(row.id),
      node: toScheduledPublication(row),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount,
    };
  }

  /**
   * The schedules the caller may see, in list order after the schedule
   * `afterId`, until `wanted` are found or the list ends. Brand-wide
   * editors see every one, so a single page of SQL serves; others see only
   * their places' schedules (another clinic's items and who scheduled them
   * are not theirs to read), judged batch by batch by the item rules.
   */
  private async visibleRows(
    write: WriteContext,
    statuses: ScheduleStatus[] | null,
    afterId: string | null,
    wanted: number,
  ): Promise<ScheduledPublicationRow[]> {
    const actor = requireBrandPermission(write.actor, Permission.ScheduleUse);
    if (checkBrandAccess(actor, Permission.BrandWideEdit)) {
      return this.scheduler.page(actor.brandId, statuses, afterId, wanted);
    }
    const visible: ScheduledPublicationRow[] = [];
    for (let after = afterId; visible.length < wanted;) {
      const batch = await this.scheduler.page(actor.brandId, statuses, after, SCAN_BATCH);
      const placements = await this.placementsOf(write, batch);
      const mayPublish = (row: ScheduledPublicationRow) =>
        row.items.every((ref) => {
          const placement = placements.get(`${ref.type}:${ref.id}`);
          return (
            placement !== undefined &&
            checkItemAccess(actor, Permission.ItemPublication, { placement, fields: [] })
          );
        });
      visible.push(
        ...batch.filter(
          (row) => checkScheduleAccess(actor, Permission.ScheduleCancel, row) || mayPublish(row),
        ),
      );
      if (batch.length < SCAN_BATCH) break;
      after = batch[batch.length - 1].id;
    }
    return visible.slice(0, wanted);
  }

  /** Where each item of the schedules sits, by `type:id` (items gone since are absent). */
  private async placementsOf(
    write: WriteContext,
    rows: ScheduledPublicationRow[],
  ): Promise<Map<string, ItemPlacement>> {
    const idsByType = new Map<ContentType, Set<string>>();
    for (const ref of rows.flatMap((row) => row.items)) {
      const ids = idsByType.get(ref.type) ?? new Set<string>();
      idsByType.set(ref.type, ids.add(ref.id));
    }
    const placements = new Map<string, ItemPlacement>();
    for (const [type, ids] of idsByType) {
      for (const view of await this.reads.list(write, type, [...ids])) {
        placements.set(`${type}:${view.id}`, view.placement);
      }
    }
    return placements;
  }

  @ResolveField(() => String, {
    description: 'Who scheduled it: the editor’s e-mail, or the key prefix.',
  })
  createdBy(@Parent() schedule: ScheduledPublication): string {
    return actorLabel(schedule.actor);
  }

  @ResolveField(() => SchedulePermissions, {
    description: 'What the caller may do with this schedule.',
  })
  viewerCan(
    @Parent() schedule: ScheduledPublication,
    @CurrentActor() actor: Actor,
  ): SchedulePermissions {
    if (!checkScheduleAccess(actor, Permission.ScheduleCancel, schedule)) {
      return {
        cancel: { allowed: false, reason: 'Only its author or a brand editor may cancel it' },
      };
    }
    if (schedule.status !== ScheduleStatus.PENDING) {
      return {
        cancel: { allowed: false, reason: `It is ${schedule.status.toLowerCase()}, not pending` },
      };
    }
    return { cancel: { allowed: true, reason: null } };
  }
}

const CURSOR_PREFIX = 'scheduled-publications:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: the id of the last schedule seen. */
function encodeScheduleCursor(id: string): string {
  return Buffer.from(CURSOR_PREFIX + id).toString('base64url');
}

function decodeScheduleCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  if (!UUID.test(id)) {
    throw badInput(
      'after',
      'is not a cursor of the scheduled publications; use a pageInfo.endCursor it returned',
    );
  }
  return id;
}
