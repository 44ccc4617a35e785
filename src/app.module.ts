import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { ServiceUnavailableFilter } from './common/service-unavailable.filter';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { FeedsModule } from './feeds/feeds.module';
import { GraphqlApiModule } from './graphql/graphql-api.module';
import { HealthModule } from './health/health.module';
import { HttpDrain } from './http-drain';
import { RequestPipelineModule } from './request-pipeline.module';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.register(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Probes hit /health every few seconds; they are not news.
            autoLogging: {
              ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false,
            },
            redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
            // One line per answered request is the hot path's largest fixed
            // cost; the load balancer or CDN keeps access logs. Failures are
            // still logged at the default level.
            customLogLevel: (_req, res, error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'debug',
          },
        }),
        DatabaseModule,
        HealthModule,

        // Feature modules
        // Before the feature modules: its middleware must run first.
        RequestPipelineModule,
        GraphqlApiModule,
        FeedsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ServiceUnavailableFilter }, HttpDrain],
    };
  }
}
