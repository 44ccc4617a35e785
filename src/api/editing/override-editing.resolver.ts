import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import {
  ClearOverrideInput,
  OverridesArgs,
  placeOf,
  ResetToBrandInput,
  SetOverrideInput,
} from '../../overrides/dtos/override.inputs';
import { OverrideResult, toOverrideResult } from '../../overrides/dtos/override-result.object';
import { OverrideEditingService } from '../../overrides/override-editing.service';
import { WriteContext } from '../../graphql/context.decorators';

/** Region and clinic editors write local values of brand content (as drafts). */
@Resolver()
export class OverrideEditingResolver {
  constructor(private readonly editing: OverrideEditingService) {}

  @Mutation(() => OverrideResult, {
    description:
      'Sets a region’s or clinic’s value of one field of a brand treatment or FAQ (a draft override). Sending the value the place inherits anyway stores nothing and clears its override.',
  })
  async setOverride(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: SetOverrideInput,
    @WriteContext() write: WriteContext,
  ): Promise<OverrideResult> {
    const result = await this.editing.set(
      write,
      {
        place: placeOf(input),
        entityType: input.entityType,
        entityId: input.entityId,
        field: input.field,
      },
      input.value,
      input.version,
    );
    return toOverrideResult(result);
  }

  @Mutation(() => OverrideResult, {
    description:
      'Removes a region’s or clinic’s override of one field, so it inherits again (staged until publish when the override is published).',
  })
  async clearOverride(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: ClearOverrideInput,
    @WriteContext() write: WriteContext,
  ): Promise<OverrideResult> {
    const result = await this.editing.clear(
      write,
      {
        place: placeOf(input),
        entityType: input.entityType,
        entityId: input.entityId,
        field: input.field,
      },
      input.version,
    );
    return toOverrideResult(result);
  }

  @Mutation(() => [EditableItem], {
    description:
      'Clears every override a clinic (or region) has of one item, all or none; returns the overrides cleared.',
  })
  async resetToBrand(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: ResetToBrandInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem[]> {
    const cleared = await this.editing.resetToBrand(
      write,
      placeOf(input),
      input.entityType,
      input.entityId,
      input.overrides,
    );
    return cleared.map(toEditableItem);
  }

  @Query(() => [EditableItem], {
    description:
      'Overrides of your brand with their drafts and versions (at most 500), for editors.',
  })
  async overrides(
    @Args() args: OverridesArgs,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem[]> {
    const place = args.clinicId
      ? ({ level: 'CLINIC', id: args.clinicId } as const)
      : args.regionId
        ? ({ level: 'REGION', id: args.regionId } as const)
        : undefined;
    const items = await this.editing.list(write, {
      place,
      entityType: args.entityType,
      entityId: args.entityId,
    });
    return items.map(toEditableItem);
  }
}
