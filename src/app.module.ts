import { DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { FeedsModule } from './feeds/feeds.module';
import { GraphqlApiModule } from './graphql/graphql-api.module';
import { HealthModule } from './health/health.module';

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
          },
        }),
        DatabaseModule,
        HealthModule,

        // Feature modules
        GraphqlApiModule,
        FeedsModule,
      ],
    };
  }
}
