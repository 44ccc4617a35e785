import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CompliancePublishGate } from '../compliance/publish-gate';
import { SyndicationModule } from '../syndication/syndication.module';
import { ContentStore } from './content-store';
import { DraftWriterService } from './draft-writer.service';
import { EditorReadsService } from './editor-reads.service';
import { PublishedChanges } from './published-changes';
import { PublisherService } from './publisher.service';
import { RevisionsService } from './revisions.service';
import { ScheduledPublisherService } from './scheduled-publisher.service';

/** The write engine: callers take the piece they use (reads, drafts, publishing, the store's transactions). */
const WRITE_ENGINE = [ContentStore, EditorReadsService, DraftWriterService, PublisherService];

@Module({
  imports: [AuditModule, SyndicationModule],
  providers: [
    ...WRITE_ENGINE,
    RevisionsService,
    ScheduledPublisherService,
    PublishedChanges,
    CompliancePublishGate,
  ],
  exports: [...WRITE_ENGINE, RevisionsService, ScheduledPublisherService, PublishedChanges],
})
export class EditingModule {}
