import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { DraftWriterService } from '../editing/draft-writer.service';
import { EditableItem } from '../editing/dtos/editable-item.object';
import { setFields } from '../editing/editable-values';
import { apiWrite, asEditableItem } from '../editing/editing.resolver';
import type { GraphqlContext } from '../graphql/graphql-context';
import { CreateRegionInput, UpdateRegionInput } from './dtos/region.inputs';

/** Brand-wide editors group their clinics into regions (as drafts). */
@Resolver()
export class RegionEditingResolver {
  constructor(private readonly drafts: DraftWriterService) {}

  @Mutation(() => EditableItem, { description: 'Creates a region as a draft of your brand.' })
  async createRegion(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: CreateRegionInput,
    @Context() context: GraphqlContext,
  ): Promise<EditableItem> {
    return asEditableItem(
      await this.drafts.createInOwnBrand(apiWrite(context), 'REGION', setFields(input)),
    );
  }

  @Mutation(() => EditableItem, { description: 'Changes a region’s draft.' })
  async updateRegion(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateRegionInput,
    @Context() context: GraphqlContext,
  ): Promise<EditableItem> {
    return asEditableItem(
      await this.drafts.update(
        apiWrite(context),
        { type: 'REGION', id: input.id, version: input.version },
        setFields(input, ['id', 'version']),
      ),
    );
  }
}
