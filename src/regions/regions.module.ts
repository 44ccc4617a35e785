import { Module } from '@nestjs/common';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { RegionsService } from './regions.service';

@Module({ imports: [ReadModeModule], providers: [RegionsService], exports: [RegionsService] })
export class RegionsModule {}
