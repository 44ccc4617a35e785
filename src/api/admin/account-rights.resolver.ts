import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Brand } from '../../brands/dtos/brand.object';
import { PermissionObject } from '../../editing/dtos/item-permissions.object';
import { brandPermission } from '../../access/brand-access';
import { Permission } from '../../access/permission';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../graphql/context.decorators';

/** Whether the caller may use the console's admin screens (people, API keys). */
@Resolver(() => Brand)
export class BrandAccountRightsResolver {
  @ResolveField(() => PermissionObject, {
    description:
      'May the caller list, invite and change the brand’s users and create, list and revoke its API keys (brand admins and admin keys).',
  })
  viewerCanManageAccounts(@Parent() brand: Brand, @CurrentActor() actor: Actor): PermissionObject {
    return brandPermission(actor, Permission.BrandAdmin, brand.itemId);
  }
}
