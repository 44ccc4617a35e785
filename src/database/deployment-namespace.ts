import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Injection token: the string that namespaces this deployment's keys in a
 * shared store (Redis): cached answers, persisted queries, rate-limit and
 * login counters. Every instance on one database gets the same one; two
 * databases never do.
 */
export const DEPLOYMENT_NAMESPACE = Symbol('DEPLOYMENT_NAMESPACE');

/**
 * REDIS_NAMESPACE when set (for a database copied at the file level, whose
 * copies would share an id), else the database's own deployment id,
 * generated once when it was created (migrations/…-deployment-identity.ts).
 */
export async function readDeploymentNamespace(
  db: Pick<DataSource, 'query'>,
  config: Pick<AppConfig, 'redisNamespace'>,
): Promise<string> {
  if (config.redisNamespace) return config.redisNamespace;
  const [row]: { id: string }[] = await db.query(`SELECT id FROM deployment`);
  return row.id;
}

export const deploymentNamespaceProvider: Provider = {
  provide: DEPLOYMENT_NAMESPACE,
  inject: [getDataSourceToken(), APP_CONFIG],
  useFactory: readDeploymentNamespace,
};

/** The key prefix of everything this deployment keeps in Redis. */
export const redisKeyPrefix = (namespace: string) => `cca:${namespace}:`;
