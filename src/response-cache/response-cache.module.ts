import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { EditingModule } from '../editing/editing.module';
import { ResponseCacheMiddleware } from './response-cache.middleware';
import { ResponseCacheService } from './response-cache.service';

/**
 * The response cache of published delivery answers (see docs/architecture.md).
 * Imported after AuthModule, so its middleware runs after the caller is known.
 */
@Module({
  imports: [EditingModule],
  providers: [ResponseCacheService, ResponseCacheMiddleware],
  exports: [ResponseCacheService],
})
export class ResponseCacheModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(ResponseCacheMiddleware)
      .forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }
}
