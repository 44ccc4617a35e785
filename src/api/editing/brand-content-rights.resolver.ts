import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { brandPermission } from '../../access/brand-access';
import { Permission } from '../../access/permission';
import { PermissionObject } from '../../editing/dtos/item-permissions.object';
import { Brand } from '../../brands/dtos/brand.object';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../graphql/context.decorators';

/**
 * Whether the caller may edit the brand's canonical content (its treatments,
 * brand FAQs, and region overrides of them): the console shows its brand
 * content screens from this. Brand-level items carry no local fields a
 * region or clinic editor may write (they override instead), so the item
 * rule (checkItemAccess) grants them to brand-wide editors only; this is
 * that rule for the brand (Permission.BrandContentEdit).
 */
@Resolver(() => Brand)
export class BrandContentRightsResolver {
  @ResolveField(() => PermissionObject, {
    description:
      'May the caller edit the brand’s canonical content: its treatments, brand FAQs and regions’ overrides of them (brand-wide editors).',
  })
  viewerCanEditContent(@Parent() brand: Brand, @CurrentActor() actor: Actor): PermissionObject {
    return brandPermission(actor, Permission.BrandContentEdit, brand.itemId);
  }
}
