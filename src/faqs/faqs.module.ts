import { Module } from '@nestjs/common';
import { OverridesModule } from '../overrides/overrides.module';
import { EditingModule } from '../editing/editing.module';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { FaqEditingService } from './faq-editing.service';
import { FaqsService } from './faqs.service';
import { PublishedBrandMemoModule } from '../read-mode/published-brand-memo.module';

@Module({
  imports: [EditingModule, OverridesModule, ReadModeModule, PublishedBrandMemoModule],
  providers: [FaqsService, FaqEditingService],
  exports: [FaqsService, FaqEditingService],
})
export class FaqsModule {}
