import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { FieldPoliciesArgs, SetFieldPolicyInput } from '../../overrides/dtos/override.inputs';
import { FieldPolicyEditingService } from '../../overrides/field-policy-editing.service';
import { WriteContext } from '../../graphql/context.decorators';

/** Brand-wide editors decide which fields regions and clinics may override. */
@Resolver()
export class FieldPolicyEditingResolver {
  constructor(private readonly policies: FieldPolicyEditingService) {}

  @Mutation(() => EditableItem, {
    description:
      'Sets the brand’s policy for one overridable field (a draft; publish it to apply).',
  })
  async setFieldPolicy(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: SetFieldPolicyInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    return toEditableItem(await this.policies.set(write, input));
  }

  @Query(() => [EditableItem], {
    description: 'Your brand’s field policies with their drafts and versions, for editors.',
  })
  async fieldPolicies(
    @Args() args: FieldPoliciesArgs,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem[]> {
    return (await this.policies.list(write, args.entityType)).map(toEditableItem);
  }
}
