import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Brand } from '../../brands/dtos/brand.object';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { PermissionObject } from '../../editing/dtos/item-permissions.object';
import { DriftActionsService } from '../../drift/drift-actions.service';
import { DriftReportService } from '../../drift/drift-report.service';
import { DriftOverridesInput } from './dtos/drift-actions.input';
import { DriftReportArgs } from '../../drift/dtos/drift-report.args';
import { DriftFilters, DriftRowConnection } from '../../drift/dtos/drift-row.object';
import { brandPermission } from '../../access/brand-access';
import { Permission } from '../../access/permission';
import type { Actor } from '../../auth/actor';
import { CurrentActor, WriteContext } from '../../graphql/context.decorators';

/** The brand's view of where clinics and regions drift from its content, and what to do about it. */
@Resolver()
export class DriftResolver {
  constructor(
    private readonly report: DriftReportService,
    private readonly actions: DriftActionsService,
  ) {}

  @Query(() => DriftRowConnection, {
    description:
      'Every clinic and region whose treatment override is stale (the brand value changed since it was written) or whose CLINIC_REQUIRED value is missing, on the brand’s working copy; ordered by place, treatment, field and kind; brand-wide editors only.',
  })
  async driftReport(
    @Args() args: DriftReportArgs,
    @CurrentActor() actor: Actor,
  ): Promise<DriftRowConnection> {
    return this.report.page(actor, args);
  }

  @Query(() => DriftFilters, {
    description:
      'The brand’s regions, treatments and overridable treatment fields, to filter the drift report by; brand-wide editors only.',
  })
  async driftFilters(@CurrentActor() actor: Actor): Promise<DriftFilters> {
    return this.report.filters(actor);
  }

  @Mutation(() => [EditableItem], {
    description:
      'Resets the selected overrides to inherited (each cleared as a draft; a published one when the deletion is published), all or none; brand-wide editors only.',
  })
  async resetOverrides(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: DriftOverridesInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem[]> {
    return (await this.actions.reset(write, input.overrides)).map(toEditableItem);
  }

  @Mutation(() => [EditableItem], {
    description:
      'Marks the selected overrides reviewed: each is kept and re-based on the brand’s current value (a draft, recorded as a REVIEW revision), so it is no longer stale; all or none; brand-wide editors only.',
  })
  async markOverridesReviewed(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: DriftOverridesInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem[]> {
    return (await this.actions.markReviewed(write, input.overrides)).map(toEditableItem);
  }
}

/** Whether the caller may use the brand-wide screens (drift report, field policies). */
@Resolver(() => Brand)
export class BrandDriftRightsResolver {
  @ResolveField(() => PermissionObject, {
    description:
      'May the caller read the drift report and reset or mark reviewed its overrides (brand-wide editors).',
  })
  viewerCanReviewDrift(@Parent() brand: Brand, @CurrentActor() actor: Actor): PermissionObject {
    return brandPermission(actor, Permission.BrandWideEdit, brand.itemId);
  }

  @ResolveField(() => PermissionObject, {
    description:
      'May the caller set field policies and see what a change would do (brand-wide editors).',
  })
  viewerCanSetFieldPolicies(
    @Parent() brand: Brand,
    @CurrentActor() actor: Actor,
  ): PermissionObject {
    return brandPermission(actor, Permission.BrandWideEdit, brand.itemId);
  }
}
