import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/connection';
import { AuditLogEntry } from './audit-log-entry.object';

@ObjectType()
export class AuditLogEntryConnection extends ConnectionType(AuditLogEntry) {}
