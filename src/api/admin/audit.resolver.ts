import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { Brand } from '../../brands/dtos/brand.object';
import { PermissionObject } from '../../editing/dtos/item-permissions.object';
import { pageSize } from '../../graphql/connection';
import { AuditService } from '../../audit/audit.service';
import { AuditLogEntryConnection } from './dtos/audit-log-entry-connection.object';
import { AuditLogEntry } from '../../audit/dtos/audit-log-entry.object';
import { AuditLogArgs } from './dtos/audit-log.args';
import { brandPermission } from '../../access/brand-access';
import { Permission } from '../../access/permission';
import { CurrentActor } from '../../graphql/context.decorators';

@Resolver(() => AuditLogEntry)
export class AuditResolver {
  constructor(private readonly auditService: AuditService) {}

  @Query(() => AuditLogEntryConnection, {
    description:
      'Writes and logins of your brand, newest first, narrowed by the filters given (person, API key, action, item, time). Brand admins only.',
  })
  async auditLog(
    @Args() args: AuditLogArgs,
    @CurrentActor() actor: Actor,
  ): Promise<AuditLogEntryConnection> {
    const { first, after, ...filter } = args;
    return this.auditService.list(actor, { first: pageSize(first), after: after ?? null }, filter);
  }

  @ResolveField(() => ID, {
    nullable: true,
    description:
      'The revision this entry recorded (CONTENT_* actions): open it in the item’s history. Null for other actions and for entries written before revisions were linked.',
  })
  revisionId(@Parent() entry: AuditLogEntry): string | null {
    const id = entry.details.revisionId;
    return typeof id === 'string' ? id : null;
  }
}

/** Whether the console shows the audit log. */
@Resolver(() => Brand)
export class BrandAuditRightsResolver {
  @ResolveField(() => PermissionObject, {
    description: 'May the caller read the brand’s audit log (brand admins and admin keys).',
  })
  viewerCanReadAuditLog(@Parent() brand: Brand, @CurrentActor() actor: Actor): PermissionObject {
    return brandPermission(actor, Permission.BrandAdmin, brand.itemId);
  }
}
