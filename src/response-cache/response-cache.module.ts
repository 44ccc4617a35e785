import { Module } from '@nestjs/common';
import { EditingModule } from '../editing/editing.module';
import { ResponseCacheMiddleware } from './response-cache.middleware';
import { ResponseCacheService } from './response-cache.service';

/**
 * The response cache of published delivery answers (see docs/architecture.md).
 * RequestPipelineModule mounts its middleware after authentication and rate limits.
 */
@Module({
  imports: [EditingModule],
  providers: [ResponseCacheService, ResponseCacheMiddleware],
  exports: [ResponseCacheService, ResponseCacheMiddleware],
})
export class ResponseCacheModule {}
