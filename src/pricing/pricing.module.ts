import { Module } from '@nestjs/common';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { PricingService } from './pricing.service';

@Module({ imports: [ReadModeModule], providers: [PricingService], exports: [PricingService] })
export class PricingModule {}
