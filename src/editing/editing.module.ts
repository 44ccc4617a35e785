import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CompliancePublishGate } from '../compliance/publish-gate';
import { SyndicationModule } from '../syndication/syndication.module';
import { ContentWriterService } from './content-writer.service';
import { PublishedChanges } from './published-changes';
import { RevisionsService } from './revisions.service';
import { ScheduledPublisherService } from './scheduled-publisher.service';

@Module({
  imports: [AuditModule, SyndicationModule],
  providers: [
    ContentWriterService,
    RevisionsService,
    ScheduledPublisherService,
    PublishedChanges,
    CompliancePublishGate,
  ],
  exports: [ContentWriterService, RevisionsService, ScheduledPublisherService, PublishedChanges],
})
export class EditingModule {}
