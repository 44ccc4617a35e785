import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The audit log: every feature records its writes through AuditService. */
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
