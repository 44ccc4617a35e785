import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../graphql/graphql-context';
import { brandWidePermission } from '../editing/access-rules';
import { Permission } from '../editing/dtos/item-permissions.object';
import { Brand } from './dtos/brand.object';

const ONLY_BRAND_EDITORS = 'Only brand editors may change the brand’s own content';

/**
 * Whether the caller may edit the brand's canonical content (its treatments,
 * brand FAQs, and region overrides of them): the console shows its brand
 * content screens from this. Brand-level items carry no local fields a
 * region or clinic editor may write (they override instead), so `mayEdit`
 * grants them to brand-wide editors only; this is that rule for the brand.
 */
@Resolver(() => Brand)
export class BrandContentRightsResolver {
  @ResolveField(() => Permission, {
    description:
      'May the caller edit the brand’s canonical content: its treatments, brand FAQs and regions’ overrides of them (brand-wide editors).',
  })
  viewerCanEditContent(@Parent() brand: Brand, @Context() { actor }: GraphqlContext): Permission {
    return brandWidePermission(actor, brand.itemId, ONLY_BRAND_EDITORS);
  }
}
