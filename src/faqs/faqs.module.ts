import { Module } from '@nestjs/common';
import { OverrideEditingModule } from '../content-resolution/override-editing.module';
import { EditingModule } from '../editing/editing.module';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { FaqEditingService } from './faq-editing.service';
import { FaqsService } from './faqs.service';

@Module({
  imports: [EditingModule, OverrideEditingModule, ReadModeModule],
  providers: [FaqsService, FaqEditingService],
  exports: [FaqsService, FaqEditingService],
})
export class FaqsModule {}
