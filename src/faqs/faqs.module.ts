import { Module } from '@nestjs/common';
import { OverridesModule } from '../overrides/overrides.module';
import { EditingModule } from '../editing/editing.module';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { FaqEditingService } from './faq-editing.service';
import { FaqsService } from './faqs.service';

@Module({
  imports: [EditingModule, OverridesModule, ReadModeModule],
  providers: [FaqsService, FaqEditingService],
  exports: [FaqsService, FaqEditingService],
})
export class FaqsModule {}
