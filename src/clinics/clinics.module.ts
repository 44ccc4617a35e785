import { Module } from '@nestjs/common';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { ClinicsService } from './clinics.service';

@Module({ imports: [ReadModeModule], providers: [ClinicsService], exports: [ClinicsService] })
export class ClinicsModule {}
