import { Module } from '@nestjs/common';
import { PublishedBrandMemoModule } from '../read-mode/published-brand-memo.module';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { ClinicsService } from './clinics.service';

@Module({
  imports: [ReadModeModule, PublishedBrandMemoModule],
  providers: [ClinicsService],
  exports: [ClinicsService],
})
export class ClinicsModule {}
