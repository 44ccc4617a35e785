import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/connection';
import { AuditLogEntry } from '../../../audit/dtos/audit-log-entry.object';

@ObjectType({ description: 'A page of audit log entries, newest first.' })
export class AuditLogEntryConnection extends ConnectionType(AuditLogEntry) {}
