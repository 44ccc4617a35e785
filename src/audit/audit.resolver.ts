import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { pageWindow, toConnection } from '../graphql/connection';
import { AuditService } from './audit.service';
import { AuditLogEntryConnection } from './dtos/audit-log-entry-connection.object';
import { AuditLogEntry } from './dtos/audit-log-entry.object';
import { AuditLogArgs } from './dtos/audit-log.args';

@Resolver(() => AuditLogEntry)
export class AuditResolver {
  constructor(private readonly auditService: AuditService) {}

  @Query(() => AuditLogEntryConnection, {
    description: 'Writes and logins of your brand, newest first. Brand admins only.',
  })
  async auditLog(
    @Args() args: AuditLogArgs,
    @CurrentActor() actor: Actor,
  ): Promise<AuditLogEntryConnection> {
    const window = pageWindow('audit-log', args);
    const { rows, totalCount } = await this.auditService.list(actor, window, {
      action: args.action,
    });
    return toConnection('audit-log', rows, window, totalCount);
  }
}
