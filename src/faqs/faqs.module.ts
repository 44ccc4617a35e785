import { Module } from '@nestjs/common';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { FaqsService } from './faqs.service';

@Module({ imports: [ReadModeModule], providers: [FaqsService], exports: [FaqsService] })
export class FaqsModule {}
