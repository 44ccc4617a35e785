import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source';
import { TypeOrmLogger } from './typeorm-logger';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.databaseUrl) {
          throw new Error(
            'DatabaseModule needs config.databaseUrl: bootstrap resolves it before creating the app',
          );
        }
        return {
          ...buildDataSourceOptions(config.databaseUrl),
          // bootstrap runs migrations itself, after checking for unknown ones.
          migrationsRun: false,
          logging: ['error', 'warn', 'migration'],
          logger: new TypeOrmLogger(),
          // Fail fast on a wrong DATABASE_URL instead of retrying for 30 s.
          retryAttempts: 1,
          retryDelay: 0,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
