import { Module } from '@nestjs/common';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { PartnerRateLimitMiddleware } from './partner-rate-limit.middleware';

/** The partner rate limit; RequestPipelineModule mounts it after authentication. */
@Module({
  imports: [RateLimitModule],
  providers: [PartnerRateLimitMiddleware],
  exports: [PartnerRateLimitMiddleware, RateLimitModule],
})
export class PartnerRateLimitModule {}
