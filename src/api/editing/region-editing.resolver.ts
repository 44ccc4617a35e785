import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { DraftWriterService } from '../../editing/draft-writer.service';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { setFields } from '../../editing/editable-values';
import { CreateRegionInput, UpdateRegionInput } from './dtos/region.inputs';
import { WriteContext } from '../../graphql/context.decorators';

/** Brand-wide editors group their clinics into regions (as drafts). */
@Resolver()
export class RegionEditingResolver {
  constructor(private readonly drafts: DraftWriterService) {}

  @Mutation(() => EditableItem, { description: 'Creates a region as a draft of your brand.' })
  async createRegion(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: CreateRegionInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    return toEditableItem(await this.drafts.createInOwnBrand(write, 'REGION', setFields(input)));
  }

  @Mutation(() => EditableItem, { description: 'Changes a region’s draft.' })
  async updateRegion(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateRegionInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    return toEditableItem(
      await this.drafts.update(
        write,
        { type: 'REGION', id: input.id, version: input.version },
        setFields(input, ['id', 'version']),
      ),
    );
  }
}
