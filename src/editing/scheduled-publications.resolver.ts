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
import { hasScope } from '../auth/access';
import { DomainError } from '../common/domain-error';
import type { GraphqlContext } from '../graphql/graphql-context';
import { SchedulePermissions, ScheduledPublication } from './dtos/scheduled-publication.object';
import { SchedulePublishInput } from './dtos/item-ref.input';
import type { ContentType } from '../content-types/registry';
import { isBrandWide, type ItemScope, mayChangePublication } from './access-rules';
import { apiWrite } from './editing.resolver';
import { EditorReadsService } from './editor-reads.service';
import {
  mayCancelSchedule,
  ScheduledPublicationRow,
  ScheduledPublisherService,
} from './scheduled-publisher.service';

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
    requireEditor(context);
    return asObject(await this.scheduler.cancel(context.actor, id));
  }

  @Query(() => [ScheduledPublication], {
    description:
      'Your brand’s scheduled publications, latest first: all of them for brand-wide editors; for region and clinic editors those they scheduled and those whose every item they may publish.',
  })
  async scheduledPublications(@Context() context: GraphqlContext): Promise<ScheduledPublication[]> {
    const actor = requireEditor(context);
    const rows = await this.scheduler.list(actor.brandId);
    if (isBrandWide(actor)) return rows.map(asObject);
    // Others see only their places' schedules: another clinic's items and
    // who scheduled them are not theirs to read.
    const scopes = await this.scopesOf(context, rows);
    const mayPublish = (row: ScheduledPublicationRow) =>
      row.items.every((ref) => {
        const scope = scopes.get(`${ref.type}:${ref.id}`);
        return scope !== undefined && mayChangePublication(actor, scope);
      });
    return rows.filter((row) => mayCancelSchedule(actor, row) || mayPublish(row)).map(asObject);
  }

  /** Where each item of the schedules sits, by `type:id` (items gone since are absent). */
  private async scopesOf(
    context: GraphqlContext,
    rows: ScheduledPublicationRow[],
  ): Promise<Map<string, ItemScope>> {
    const idsByType = new Map<ContentType, Set<string>>();
    for (const ref of rows.flatMap((row) => row.items)) {
      const ids = idsByType.get(ref.type) ?? new Set<string>();
      idsByType.set(ref.type, ids.add(ref.id));
    }
    const scopes = new Map<string, ItemScope>();
    for (const [type, ids] of idsByType) {
      for (const view of await this.reads.list(apiWrite(context), type, [...ids])) {
        scopes.set(`${type}:${view.id}`, view.scope);
      }
    }
    return scopes;
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
    if (!mayCancelSchedule(actor, row)) {
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

/**
 * Editors (accounts) and admin keys: a delivery, preview or partner key may
 * neither see the brand's schedule nor cancel it.
 */
function requireEditor(context: GraphqlContext) {
  const actor = context.actor;
  if (actor.kind === 'ANONYMOUS') {
    throw new DomainError('UNAUTHENTICATED', 'Sign in (Authorization: Bearer …) to edit content');
  }
  if (actor.kind === 'API_KEY' && !hasScope(actor, 'admin')) {
    throw new DomainError(
      'FORBIDDEN',
      'Scheduled publishing needs an editor account or an admin key',
    );
  }
  return actor;
}
