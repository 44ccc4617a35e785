import { Module } from '@nestjs/common';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { BrandsService } from './brands.service';

@Module({
  imports: [ReadModeModule],
  providers: [BrandsService],
  exports: [BrandsService],
})
export class BrandsModule {}
