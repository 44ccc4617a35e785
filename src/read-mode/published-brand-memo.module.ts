import { Module } from '@nestjs/common';
import { EditingModule } from '../editing/editing.module';
import { PublishedBrandMemo } from './published-brand-memo';

/** One PublishedBrandMemo per process (it hears of this instance's publishes). */
@Module({
  imports: [EditingModule],
  providers: [PublishedBrandMemo],
  exports: [PublishedBrandMemo],
})
export class PublishedBrandMemoModule {}
