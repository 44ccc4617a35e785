import { Module } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { FaqsModule } from '../faqs/faqs.module';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { TreatmentsModule } from '../treatments/treatments.module';
import { ContentResolutionService } from './content-resolution.service';

@Module({
  imports: [BrandsModule, FaqsModule, ReadModeModule, TreatmentsModule],
  providers: [ContentResolutionService],
  exports: [ContentResolutionService],
})
export class ContentResolutionModule {}
