import { Module } from '@nestjs/common';
import { ResponseCacheModule } from '../response-cache/response-cache.module';
import { PublishedBrandMemo } from './published-brand-memo';

/** One PublishedBrandMemo per process, on the response cache's generations. */
@Module({
  imports: [ResponseCacheModule],
  providers: [PublishedBrandMemo],
  exports: [PublishedBrandMemo],
})
export class PublishedBrandMemoModule {}
