import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { KnownErrorsFilter } from './common/known-errors.filter';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { FeedsModule } from './feeds/feeds.module';
import { GraphqlApiModule } from './api/graphql-api.module';
import { HealthModule } from './health/health.module';
import { HttpDrain } from './http-drain';
import { loggerOptions } from './logging/logger-options';
import { RequestPipelineModule } from './request-pipeline.module';

@Module({})
export class AppModule {
  static register(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.register(config),
        LoggerModule.forRoot(loggerOptions(config, logDestination)),
        DatabaseModule,
        HealthModule,

        // Feature modules
        // Before the feature modules: its middleware must run first.
        RequestPipelineModule,
        GraphqlApiModule,
        FeedsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: KnownErrorsFilter }, HttpDrain],
    };
  }
}
