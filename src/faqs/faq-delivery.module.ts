import { Module } from '@nestjs/common';
import { ContentResolutionModule } from '../content-resolution/content-resolution.module';
import { TreatmentsModule } from '../treatments/treatments.module';
import { ClinicFaqListService } from './clinic-faq-list.service';

/** Delivery of FAQ lists (apart from FaqsModule, which ContentResolutionModule needs). */
@Module({
  imports: [TreatmentsModule, ContentResolutionModule],
  providers: [ClinicFaqListService],
  exports: [ClinicFaqListService],
})
export class FaqDeliveryModule {}
