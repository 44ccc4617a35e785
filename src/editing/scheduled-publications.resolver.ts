import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { actorLabel } from '../auth/actor';
import type { GraphqlContext } from '../graphql/graphql-context';
import { SchedulePermissions, ScheduledPublication } from './dtos/scheduled-publication.object';
import { SchedulePublishInput } from './dtos/item-ref.input';
import type { ContentType } from '../content-types/registry';
import { apiWrite } from './editing.resolver';
import { EditorReadsService } from './editor-reads.service';
import { ScheduledPublicationRow, ScheduledPublisherService } from './scheduled-publisher.service';
import { checkBrandAccess, requireBrandPermission } from '../access/brand-access';
import { checkItemAccess, type ItemPlacement } from '../access/item-access';
import { Permission } from '../access/permission';
import { checkScheduleAccess } from '../access/schedule-access';

const asObject = (row: ScheduledPublicationRow) => row as unknown as ScheduledPublication;

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
    @Context() context: GraphqlContext,
  ): Promise<ScheduledPublication> {
    return asObject(await this.scheduler.schedule(apiWrite(context), input.items, input.publishAt));
  }

  @Mutation(() => ScheduledPublication, { description: 'Cancels a pending scheduled publication.' })
  async cancelScheduledPublication(
    @Args('id', { type: () => ID, description: 'The schedule’s id.' }) id: string,
    @Context() context: GraphqlContext,
  ): Promise<ScheduledPublication> {
    requireBrandPermission(context.actor, Permission.ScheduleUse);
    return asObject(await this.scheduler.cancel(context.actor, id));
  }

  @Query(() => [ScheduledPublication], {
    description:
      'Your brand’s scheduled publications, latest first: all of them for brand-wide editors; for region and clinic editors those they scheduled and those whose every item they may publish.',
  })
  async scheduledPublications(@Context() context: GraphqlContext): Promise<ScheduledPublication[]> {
    const actor = requireBrandPermission(context.actor, Permission.ScheduleUse);
    const rows = await this.scheduler.list(actor.brandId);
    if (checkBrandAccess(actor, Permission.BrandWideEdit)) return rows.map(asObject);
    // Others see only their places' schedules: another clinic's items and
    // who scheduled them are not theirs to read.
    const placements = await this.placementsOf(context, rows);
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
      .map(asObject);
  }

  /** Where each item of the schedules sits, by `type:id` (items gone since are absent). */
  private async placementsOf(
    context: GraphqlContext,
    rows: ScheduledPublicationRow[],
  ): Promise<Map<string, ItemPlacement>> {
    const idsByType = new Map<ContentType, Set<string>>();
    for (const ref of rows.flatMap((row) => row.items)) {
      const ids = idsByType.get(ref.type) ?? new Set<string>();
      idsByType.set(ref.type, ids.add(ref.id));
    }
    const placements = new Map<string, ItemPlacement>();
    for (const [type, ids] of idsByType) {
      for (const view of await this.reads.list(apiWrite(context), type, [...ids])) {
        placements.set(`${type}:${view.id}`, view.placement);
      }
    }
    return placements;
  }

  @ResolveField(() => String, {
    description: 'Who scheduled it: the editor’s e-mail, or the key prefix.',
  })
  createdBy(@Parent() schedule: ScheduledPublication): string {
    return actorLabel(asRow(schedule).actor);
  }

  @ResolveField(() => SchedulePermissions, {
    description: 'What the caller may do with this schedule.',
  })
  viewerCan(
    @Parent() schedule: ScheduledPublication,
    @Context() { actor }: GraphqlContext,
  ): SchedulePermissions {
    const row = asRow(schedule);
    if (!checkScheduleAccess(actor, Permission.ScheduleCancel, row)) {
      return {
        cancel: { allowed: false, reason: 'Only its author or a brand editor may cancel it' },
      };
    }
    if (row.status !== 'PENDING') {
      return {
        cancel: { allowed: false, reason: `It is ${row.status.toLowerCase()}, not pending` },
      };
    }
    return { cancel: { allowed: true, reason: null } };
  }
}

const asRow = (schedule: ScheduledPublication) => schedule as unknown as ScheduledPublicationRow;
