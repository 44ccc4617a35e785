import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishedBrandMemoModule } from '../read-mode/published-brand-memo.module';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { TreatmentEntity } from './treatment.entity';
import { TreatmentsService } from './treatments.service';

@Module({
  imports: [TypeOrmModule.forFeature([TreatmentEntity]), ReadModeModule, PublishedBrandMemoModule],
  providers: [TreatmentsService],
  exports: [TreatmentsService],
})
export class TreatmentsModule {}
