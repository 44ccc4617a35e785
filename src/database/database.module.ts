import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source';
import { DEPLOYMENT_NAMESPACE, deploymentNamespaceProvider } from './deployment-namespace';
import { preparedStatementOptions } from './prepared-statements';
import { ReadReplica, ReplicatedDataSource } from './read-replica';
import { TypeOrmLogger } from './typeorm-logger';

/**
 * The app's PostgreSQL (and its read replica), and the deployment's
 * namespace in shared stores.
 */
@Global()
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
        const options = buildDataSourceOptions(config.databaseUrl) as PostgresDataSourceOptions;
        return {
          ...options,
          // Bounded waits on a sick database. Bootstrap migrates and seeds on
          // a data source of its own, without these limits (a migration may
          // take long, and instances wait for each other's).
          connectTimeoutMS: config.dbPoolTimeoutMs,
          extra: {
            ...options.extra,
            ...preparedStatementOptions(config.dbPreparedStatements),
            // Server side: a statement running too long is cancelled.
            statement_timeout: config.dbStatementTimeoutMs,
            // Client side: a server that does not answer at all (frozen,
            // unreachable) fails the query instead of hanging the request.
            query_timeout: config.dbStatementTimeoutMs + 1_000,
            // A transaction left idle by a crashed request releases its locks.
            idle_in_transaction_session_timeout: config.dbStatementTimeoutMs * 2,
          },
          // DATABASE_READ_URL: two pools, the primary by default (read-replica.ts).
          ...(config.databaseReadUrl
            ? {
                replication: {
                  master: { url: config.databaseUrl },
                  slaves: [{ url: config.databaseReadUrl }],
                  defaultMode: 'master' as const,
                },
              }
            : {}),
          // bootstrap runs migrations itself, after checking for unknown ones.
          migrationsRun: false,
          logging: ['error', 'warn', 'migration'],
          logger: new TypeOrmLogger(config.logLevel),
          // Fail fast on a wrong DATABASE_URL instead of retrying for 30 s.
          retryAttempts: 1,
          retryDelay: 0,
        };
      },
      dataSourceFactory: async (options) => {
        const replicated = options && 'replication' in options && options.replication;
        return (
          replicated ? new ReplicatedDataSource(options) : new DataSource(options!)
        ).initialize();
      },
    }),
  ],
  providers: [deploymentNamespaceProvider, ReadReplica],
  exports: [DEPLOYMENT_NAMESPACE, ReadReplica],
})
export class DatabaseModule {}
