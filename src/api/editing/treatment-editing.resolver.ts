import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { DraftWriterService } from '../../editing/draft-writer.service';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { plain, setFields } from '../../editing/editable-values';
import { assertKnownTokens } from '../../editing/token-validation';
import { CreateTreatmentInput, UpdateTreatmentInput } from '../../treatments/dtos/treatment.inputs';
import { WriteContext } from '../../graphql/context.decorators';

/** Editors write the brand's canonical treatments (as drafts). */
@Resolver()
export class TreatmentEditingResolver {
  constructor(private readonly drafts: DraftWriterService) {}

  @Mutation(() => EditableItem, { description: 'Creates a treatment as a draft of your brand.' })
  async createTreatment(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: CreateTreatmentInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    const values = plain(setFields(input));
    assertKnownTokens(values);
    return toEditableItem(await this.drafts.createInOwnBrand(write, 'TREATMENT', values));
  }

  @Mutation(() => EditableItem, { description: 'Changes a treatment’s draft.' })
  async updateTreatment(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateTreatmentInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    const changes = plain(setFields(input, ['id', 'version']));
    assertKnownTokens(changes);
    return toEditableItem(
      await this.drafts.update(
        write,
        { type: 'TREATMENT', id: input.id, version: input.version },
        changes,
      ),
    );
  }
}
