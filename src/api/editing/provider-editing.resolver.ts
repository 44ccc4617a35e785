import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { DraftWriterService } from '../../editing/draft-writer.service';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { setFields } from '../../editing/editable-values';
import { assertKnownTokens } from '../../editing/token-validation';
import { CreateProviderInput, UpdateProviderInput } from './dtos/provider.inputs';
import { WriteContext } from '../../graphql/context.decorators';

/**
 * Providers as drafts. Brand-wide editors own the profile and its clinic and
 * treatment links; the editors of a provider's clinics (or their regions)
 * may change only the PROVIDER type def's local fields: bio, title, photo.
 */
@Resolver()
export class ProviderEditingResolver {
  constructor(private readonly drafts: DraftWriterService) {}

  @Mutation(() => EditableItem, { description: 'Creates a provider as a draft of your brand.' })
  async createProvider(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: CreateProviderInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    return toEditableItem(
      await this.drafts.createInOwnBrand(write, 'PROVIDER', providerValues(input)),
    );
  }

  @Mutation(() => EditableItem, {
    description:
      'Changes a provider’s draft. Editors of the provider’s clinics may change bio, title and photoUrl.',
  })
  async updateProvider(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateProviderInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    return toEditableItem(
      await this.drafts.update(
        write,
        { type: 'PROVIDER', id: input.id, version: input.version },
        providerValues(input, ['id', 'version']),
      ),
    );
  }
}

function providerValues<T extends CreateProviderInput | UpdateProviderInput>(
  input: T,
  omit: (keyof T)[] = [],
): Record<string, unknown> {
  const values = setFields(input, omit);
  if (values.bio !== undefined) assertKnownTokens({ bio: values.bio });
  // Links read back as a sorted set, so store them that way: sending the
  // same clinics in another order is then no change.
  for (const links of ['clinicIds', 'treatmentIds']) {
    const ids = values[links] as string[] | undefined;
    if (ids) values[links] = [...new Set(ids.map((id) => id.toLowerCase()))].sort();
  }
  return values;
}
