import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { actorLabel } from '../../auth/actor';
import {
  SchedulePermissions,
  ScheduledPublication,
  ScheduleStatus,
  toScheduledPublication,
} from './dtos/scheduled-publication.object';
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
import { CurrentActor, WriteContext } from '../../graphql/context.decorators';

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

  @Query(() => [ScheduledPublication], {
    description:
      'Your brand’s scheduled publications, latest first: all of them for brand-wide editors; for region and clinic editors those they scheduled and those whose every item they may publish.',
  })
  async scheduledPublications(
    @WriteContext() write: WriteContext,
  ): Promise<ScheduledPublication[]> {
    const actor = requireBrandPermission(write.actor, Permission.ScheduleUse);
    const rows = await this.scheduler.list(actor.brandId);
    if (checkBrandAccess(actor, Permission.BrandWideEdit)) return rows.map(toScheduledPublication);
    // Others see only their places' schedules: another clinic's items and
    // who scheduled them are not theirs to read.
    const placements = await this.placementsOf(write, rows);
    const mayPublish = (row: ScheduledPublicationRow) =>
      row.items.every((ref) => {
        const placement = placements.get(`${ref.type}:${ref.id}`);
        return (
          placement !== undefined &&
          checkItemAccess(actor, Permission.ItemPublication, { placement, fields: [] })
        );
      });
    return rows
      .filter(
        (row) => checkScheduleAccess(actor, Permission.ScheduleCancel, row) || mayPublish(row),
      )
      .map(toScheduledPublication);
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
