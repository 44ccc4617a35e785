import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { DraftWriterService } from '../editing/draft-writer.service';
import { EditableItem } from '../editing/dtos/editable-item.object';
import { apiWrite, asEditableItem } from '../editing/editing.resolver';
import { plain, setFields } from '../editing/editable-values';
import { assertKnownTokens } from '../editing/token-validation';
import type { GraphqlContext } from '../graphql/graphql-context';
import { CreateTreatmentInput, UpdateTreatmentInput } from './dtos/treatment.inputs';

/** Editors write the brand's canonical treatments (as drafts). */
@Resolver()
export class TreatmentEditingResolver {
  constructor(private readonly drafts: DraftWriterService) {}

  @Mutation(() => EditableItem, { description: 'Creates a treatment as a draft of your brand.' })
  async createTreatment(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: CreateTreatmentInput,
    @Context() context: GraphqlContext,
  ): Promise<EditableItem> {
    const values = plain(setFields(input));
    assertKnownTokens(values);
    return asEditableItem(
      await this.drafts.createInOwnBrand(apiWrite(context), 'TREATMENT', values),
    );
  }

  @Mutation(() => EditableItem, { description: 'Changes a treatment’s draft.' })
  async updateTreatment(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateTreatmentInput,
    @Context() context: GraphqlContext,
  ): Promise<EditableItem> {
    const changes = plain(setFields(input, ['id', 'version']));
    assertKnownTokens(changes);
    return asEditableItem(
      await this.drafts.update(
        apiWrite(context),
        { type: 'TREATMENT', id: input.id, version: input.version },
        changes,
      ),
    );
  }
}
