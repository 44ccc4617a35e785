import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { EditableItem } from '../editing/dtos/editable-item.object';
import { apiWrite, asEditableItem } from '../editing/editing.resolver';
import type { GraphqlContext } from '../graphql/graphql-context';
import { FieldPoliciesArgs, SetFieldPolicyInput } from './dtos/override.inputs';
import { FieldPolicyEditingService } from './field-policy-editing.service';

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
    @Context() context: GraphqlContext,
  ): Promise<EditableItem> {
    return asEditableItem(await this.policies.set(apiWrite(context), input));
  }

  @Query(() => [EditableItem], {
    description: 'Your brand’s field policies with their drafts and versions, for editors.',
  })
  async fieldPolicies(
    @Args() args: FieldPoliciesArgs,
    @Context() context: GraphqlContext,
  ): Promise<EditableItem[]> {
    return (await this.policies.list(apiWrite(context), args.entityType)).map(asEditableItem);
  }
}
