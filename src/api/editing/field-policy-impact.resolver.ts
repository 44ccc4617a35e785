import { Args, Query, Resolver } from '@nestjs/graphql';
import type { FieldPolicyKind } from '../../overrides/field-policy.entity';
import { FieldPolicyEditingService } from '../../overrides/field-policy-editing.service';
import { overridableFields } from '../../overrides/override-values';
import {
  FieldPolicyImpact,
  FieldPolicyImpactArgs,
  FieldPolicySetting,
  FieldPolicySettingsArgs,
} from './dtos/field-policy-impact.object';
import { FieldPolicyImpactService } from '../../drift/field-policy-impact.service';
import { toEditableItem } from '../../editing/dtos/editable-item.object';
import type { Actor } from '../../auth/actor';
import { CurrentActor, WriteContext } from '../../graphql/context.decorators';

/** Field policies as the console sets them: every field, and what a change would do. */
@Resolver()
export class FieldPolicyImpactResolver {
  constructor(
    private readonly impacts: FieldPolicyImpactService,
    private readonly policies: FieldPolicyEditingService,
  ) {}

  @Query(() => FieldPolicyImpact, {
    description:
      'What setting a field’s policy would do to existing overrides and required values (e.g. how many clinic overrides locking it hides), counted before saving; brand-wide editors only.',
  })
  async fieldPolicyImpact(
    @Args() args: FieldPolicyImpactArgs,
    @CurrentActor() actor: Actor,
  ): Promise<FieldPolicyImpact> {
    return (await this.impacts.impact(
      actor,
      args.entityType,
      args.field,
      args.policy,
    )) as FieldPolicyImpact;
  }

  @Query(() => [FieldPolicySetting], {
    description:
      'Every overridable field of the type with the policy in force and its policy item (draft, version, rights), for editors.',
  })
  async fieldPolicySettings(
    @Args() { entityType }: FieldPolicySettingsArgs,
    @WriteContext() write: WriteContext,
  ): Promise<FieldPolicySetting[]> {
    const items = await this.policies.list(write, entityType);
    return overridableFields(entityType).map((field) => {
      const item = items.find((policy) => policy.values.field === field) ?? null;
      const inForce = item?.status === 'PUBLISHED' ? item.publishedValues.policy : 'INHERITABLE';
      return {
        entityType,
        field,
        policy: inForce as FieldPolicyKind as FieldPolicySetting['policy'],
        item: item && toEditableItem(item),
      };
    });
  }
}
