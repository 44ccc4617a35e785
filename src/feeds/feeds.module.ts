import { Module } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { ClinicsModule } from '../clinics/clinics.module';
import { FaqDeliveryModule } from '../faqs/faq-delivery.module';
import { FaqFeedService } from './faq-feed.service';
import { FeedsController } from './feeds.controller';

/** /feeds: published structured data over plain, cacheable GETs. */
@Module({
  imports: [BrandsModule, ClinicsModule, FaqDeliveryModule],
  providers: [FaqFeedService],
  controllers: [FeedsController],
})
export class FeedsModule {}
