import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Brand } from '../brands/dtos/brand.object';
import { PermissionObject } from '../editing/dtos/item-permissions.object';
import type { GraphqlContext } from '../graphql/graphql-context';
import { brandPermission } from '../access/brand-access';
import { Permission } from '../access/permission';

/** Whether the caller may use the console's admin screens (people, API keys). */
@Resolver(() => Brand)
export class BrandAccountRightsResolver {
  @ResolveField(() => PermissionObject, {
    description:
      'May the caller list, invite and change the brand’s users and create, list and revoke its API keys (brand admins and admin keys).',
  })
  viewerCanManageAccounts(
    @Parent() brand: Brand,
    @Context() { actor }: GraphqlContext,
  ): PermissionObject {
    return brandPermission(actor, Permission.BrandAdmin, brand.itemId);
  }
}
