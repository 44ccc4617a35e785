import { ConfigError } from './config-error';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type NodeEnv = (typeof NODE_ENVS)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Injection token for the validated {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig {
  nodeEnv: NodeEnv;
  /** Interface the HTTP server binds to (HOST, default 0.0.0.0). */
  host: string;
  /** HTTP port (PORT, default 3000; 0 picks a free port). */
  port: number;
  /** External PostgreSQL; undefined means "start the embedded server". */
  databaseUrl: string | undefined;
  /** Embedded PostgreSQL data folder (DATA_DIR). */
  dataDir: string;
  /** Preferred port of the embedded PostgreSQL (EMBEDDED_PG_PORT). */
  embeddedPostgresPort: number;
  logLevel: LogLevel;
  graphqlIntrospection: boolean;
  /** Seed an empty database at start (SEED_ON_START). */
  seedOnStart: boolean;
  /**
   * How often this instance looks for scheduled publications that are due
   * (SCHEDULER_INTERVAL_SECONDS; 0 turns the job off, the default in tests).
   */
  schedulerIntervalSeconds: number;
  /**
   * Shared store of the response cache (REDIS_URL, redis:// or rediss://);
   * undefined keeps it in this process, which suits a single instance only.
   */
  redisUrl: string | undefined;
  /**
   * How long a published answer stays in the response cache
   * (RESPONSE_CACHE_TTL_SECONDS, default 300; 0 turns the cache off).
   * Publishing invalidates it at once; the TTL bounds anything else that
   * changes with time (prices valid from a date).
   */
  responseCacheTtlSeconds: number;
}

/**
 * Reads and validates every setting once, at boot. Empty variables count as
 * unset, so `FOO=` in a compose file falls back to the default.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const nodeEnv = oneOf('NODE_ENV', read('NODE_ENV'), NODE_ENVS, 'development');
  return Object.freeze({
    nodeEnv,
    host: read('HOST') ?? '0.0.0.0',
    port: integer('PORT', read('PORT'), 3000, 0),
    databaseUrl: databaseUrl(read('DATABASE_URL')),
    dataDir: read('DATA_DIR') ?? '.data/postgres',
    embeddedPostgresPort: integer('EMBEDDED_PG_PORT', read('EMBEDDED_PG_PORT'), 54329, 1),
    logLevel: oneOf(
      'LOG_LEVEL',
      read('LOG_LEVEL'),
      LOG_LEVELS,
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    graphqlIntrospection: boolean(
      'GRAPHQL_INTROSPECTION',
      read('GRAPHQL_INTROSPECTION'),
      nodeEnv !== 'production',
    ),
    // Demo data never lands in a production database unless asked for.
    seedOnStart: boolean('SEED_ON_START', read('SEED_ON_START'), nodeEnv !== 'production'),
    schedulerIntervalSeconds: integer(
      'SCHEDULER_INTERVAL_SECONDS',
      read('SCHEDULER_INTERVAL_SECONDS'),
      nodeEnv === 'test' ? 0 : 15,
      0,
    ),
    redisUrl: redisUrl(read('REDIS_URL')),
    responseCacheTtlSeconds: integer(
      'RESPONSE_CACHE_TTL_SECONDS',
      read('RESPONSE_CACHE_TTL_SECONDS'),
      300,
      0,
    ),
  });
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${name} is "${value}": set it to one of ${allowed.join(', ')}`);
}

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > 65535) {
    throw new ConfigError(`${name} is "${value}": set it to a whole number from ${min} to 65535`);
  }
  return parsed;
}

function boolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  switch (value.toLowerCase()) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    default:
      throw new ConfigError(`${name} is "${value}": set it to true, false, 1 or 0`);
  }
}

function databaseUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const fix =
    'set it to postgres://user:password@host:5432/database, or unset it to use the embedded PostgreSQL';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value may hold a password, so it is not echoed.
    throw new ConfigError(`DATABASE_URL is not a valid URL: ${fix}`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://: ${fix}`);
  }
  if (!url.hostname) {
    throw new ConfigError(`DATABASE_URL names no host: ${fix}`);
  }
  return value;
}

function redisUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const fix =
    'set it to redis://[:password@]host:6379[/db] or rediss://…, or unset it to keep the response cache in process';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value may hold a password, so it is not echoed.
    throw new ConfigError(`REDIS_URL is not a valid URL: ${fix}`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(`REDIS_URL must start with redis:// or rediss://: ${fix}`);
  }
  if (!url.hostname) throw new ConfigError(`REDIS_URL names no host: ${fix}`);
  return value;
}
