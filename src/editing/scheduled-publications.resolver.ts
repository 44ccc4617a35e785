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
import { apiWrite } from './editing.resolver';
import { ScheduledPublicationRow, ScheduledPublisherService } from './scheduled-publisher.service';
import { requireBrandPermission } from '../access/brand-access';
import { Permission } from '../access/permission';
import { checkScheduleAccess } from '../access/schedule-access';

const asObject = (row: ScheduledPublicationRow) => row as unknown as ScheduledPublication;

@Resolver(() => ScheduledPublication)
export class ScheduledPublicationsResolver {
  constructor(private readonly scheduler: ScheduledPublisherService) {}

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
    description: 'Your brand’s scheduled publications, latest first.',
  })
  async scheduledPublications(@Context() context: GraphqlContext): Promise<ScheduledPublication[]> {
    const actor = requireBrandPermission(context.actor, Permission.ScheduleUse);
    return (await this.scheduler.list(actor.brandId)).map(asObject);
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
