import { Module } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { FaqsModule } from '../faqs/faqs.module';
import { ContentResolutionService } from './content-resolution.service';

@Module({
  imports: [BrandsModule, FaqsModule],
  providers: [ContentResolutionService],
  exports: [ContentResolutionService],
})
export class ContentResolutionModule {}
