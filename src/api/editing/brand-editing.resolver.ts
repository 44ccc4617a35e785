import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { DraftWriterService } from '../../editing/draft-writer.service';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { setFields } from '../../editing/editable-values';
import { UpdateBrandInput } from './dtos/brand.inputs';
import { WriteContext } from '../../graphql/context.decorators';

/** Brand admins change their brand's own settings (as a draft). */
@Resolver()
export class BrandEditingResolver {
  constructor(private readonly drafts: DraftWriterService) {}

  @Mutation(() => EditableItem, {
    description: 'Changes your brand’s name, locale, currency or website (brand admins only).',
  })
  async updateBrand(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateBrandInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    return toEditableItem(
      await this.drafts.update(
        write,
        { type: 'BRAND', id: input.id, version: input.version },
        setFields(input, ['id', 'version']),
      ),
    );
  }
}
