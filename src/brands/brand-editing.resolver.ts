import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { DraftWriterService } from '../editing/draft-writer.service';
import { EditableItem } from '../editing/dtos/editable-item.object';
import { setFields } from '../editing/editable-values';
import { apiWrite, asEditableItem } from '../editing/editing.resolver';
import type { GraphqlContext } from '../graphql/graphql-context';
import { UpdateBrandInput } from './dtos/brand.inputs';

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
    @Context() context: GraphqlContext,
  ): Promise<EditableItem> {
    return asEditableItem(
      await this.drafts.update(
        apiWrite(context),
        { type: 'BRAND', id: input.id, version: input.version },
        setFields(input, ['id', 'version']),
      ),
    );
  }
}
