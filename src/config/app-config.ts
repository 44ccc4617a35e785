import ipaddr from 'ipaddr.js';
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
  /**
   * A read replica of DATABASE_URL (DATABASE_READ_URL): anonymous and
   * delivery-key queries read there while it is caught up (docs/scaling.md);
   * editors, writes and everything else use DATABASE_URL.
   */
  databaseReadUrl: string | undefined;
  /**
   * Longest a statement may run, and longest the app waits for the server's
   * answer, e.g. while PostgreSQL is frozen (DB_STATEMENT_TIMEOUT_MS).
   */
  dbStatementTimeoutMs: number;
  /**
   * Longest a request waits for a pooled connection or a new one
   * (DB_POOL_TIMEOUT_MS); then it is answered 503 SERVICE_UNAVAILABLE.
   */
  dbPoolTimeoutMs: number;
  /**
   * Send parameterized statements as named prepared statements with generic
   * plans (DB_PREPARED_STATEMENTS, default true). Turn off behind a pooler
   * that cannot keep them (PgBouncer before 1.21 in transaction mode).
   */
  dbPreparedStatements: boolean;
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
   * The prefix of this deployment's keys in Redis (REDIS_NAMESPACE); unset,
   * the database's own deployment id, which no other database shares.
   */
  redisNamespace: string | undefined;
  /**
   * How long a published answer stays in the response cache
   * (RESPONSE_CACHE_TTL_SECONDS, default 300; 0 turns the cache off).
   * Publishing invalidates it at once; the TTL bounds anything else that
   * changes with time (prices valid from a date).
   */
  responseCacheTtlSeconds: number;
  /**
   * The most the in-process response cache holds, in MB
   * (RESPONSE_CACHE_MEMORY_MB, default 64; unused with REDIS_URL). An
   * answer counts with its compressed forms: a 43 KB clinic page takes
   * about 56 KB, so the default keeps about 1,100 pages. 64 is what fits
   * beside the heap in the 300 MB of docs/operations.md#memory.
   */
  responseCacheMemoryMb: number;
  /**
   * Requests per minute each partner-scoped API key may make, with bursts up
   * to the same number (PARTNER_RATE_LIMIT_PER_MINUTE).
   */
  partnerRateLimitPerMinute: number;
  /**
   * Requests per minute one anonymous address (req.ip) may send to /graphql
   * and /feeds, with bursts up to the same number
   * (ANONYMOUS_RATE_LIMIT_PER_MINUTE; 0 turns it off, the default in tests).
   */
  anonymousRateLimitPerMinute: number;
  /**
   * Time one GraphQL request may run before it is stopped with QUERY_TIMEOUT
   * (GRAPHQL_TIMEOUT_MS, default 10000).
   */
  graphqlTimeoutMs: number;
  /** `Cache-Control: max-age` of the /feeds JSON-LD documents (FEED_MAX_AGE_SECONDS). */
  feedMaxAgeSeconds: number;
  /**
   * How often this instance looks for due webhook deliveries; it then sends
   * until none is due (WEBHOOK_WORKER_INTERVAL_SECONDS; 0 turns the worker
   * off, the default in tests).
   */
  webhookWorkerIntervalSeconds: number;
  /** Time a receiver has to answer one delivery, redirects included (WEBHOOK_TIMEOUT_SECONDS). */
  webhookTimeoutSeconds: number;
  /** Wait before the first retry; it doubles per attempt, up to an hour (WEBHOOK_RETRY_BASE_SECONDS). */
  webhookRetryBaseSeconds: number;
  /** How long a delivery is retried before it is marked DEAD (WEBHOOK_RETRY_HOURS, in seconds here). */
  webhookRetryWindowSeconds: number;
  /** Accept http:// webhook URLs, for local development only (WEBHOOK_ALLOW_HTTP). */
  webhookAllowHttp: boolean;
  /**
   * Let webhooks reach loopback, private, link-local and metadata addresses
   * (WEBHOOK_ALLOW_PRIVATE_HOSTS): for tests and local development only.
   */
  webhookAllowPrivateHosts: boolean;
  /**
   * Hosts exempt from the private-address and port checks, e.g. an internal
   * receiver (WEBHOOK_ALLOWED_HOSTS).
   */
  webhookAllowedHosts: string[];
  /**
   * Password checks (argon2, ~64 MiB and most of a core each) this instance
   * runs at once (LOGIN_MAX_CONCURRENT_VERIFICATIONS, default 2).
   */
  loginMaxConcurrentVerifications: number;
  /**
   * Logins that may wait for a password check (LOGIN_MAX_QUEUED_VERIFICATIONS,
   * default 16); more are refused with RATE_LIMITED and a retry time.
   */
  loginMaxQueuedVerifications: number;
  /**
   * A session ends this long after its login, however often it is refreshed
   * (SESSION_MAX_AGE_DAYS, default 30).
   */
  sessionMaxAgeDays: number;
  /** A session not refreshed for this long ends (SESSION_IDLE_DAYS, default 7). */
  sessionIdleDays: number;
  /**
   * Ports webhook URLs may name (WEBHOOK_ALLOWED_PORTS, default 443,80), so
   * registering a URL cannot probe other services' ports.
   */
  webhookAllowedPorts: number[];
  /**
   * Browser origins that may read answers (CORS_ORIGINS, comma-separated).
   * `*` lets any origin read without credentials (cookies); a listed origin
   * may also send them. Default `*`: public delivery is readable anywhere.
   */
  corsOrigins: string[];
  /**
   * Express `trust proxy` (TRUST_PROXY): false (default) trusts no proxy;
   * true trusts every hop; a number trusts that many hops; a list names the
   * proxies' addresses or subnets. Decides `req.ip` and whether a request
   * came over HTTPS (X-Forwarded-For / X-Forwarded-Proto).
   */
  trustProxy: boolean | number | string[];
  /**
   * The AES-256 key webhook secrets are encrypted with at rest
   * (WEBHOOK_SECRET_KEY: 32 bytes, base64 or hex). Required in production;
   * elsewhere a key file beside DATA_DIR is generated (see webhook-secret-key.ts).
   */
  webhookSecretKey: Buffer | undefined;
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
  const config: AppConfig = Object.freeze({
    nodeEnv,
    host: read('HOST') ?? '0.0.0.0',
    port: integer('PORT', read('PORT'), 3000, 0),
    databaseUrl: databaseUrl(read('DATABASE_URL')),
    databaseReadUrl: readReplicaUrl(read('DATABASE_READ_URL'), read('DATABASE_URL')),
    dbStatementTimeoutMs: integer(
      'DB_STATEMENT_TIMEOUT_MS',
      read('DB_STATEMENT_TIMEOUT_MS'),
      15_000,
      100,
      3_600_000,
    ),
    dbPoolTimeoutMs: integer('DB_POOL_TIMEOUT_MS', read('DB_POOL_TIMEOUT_MS'), 5_000, 100, 600_000),
    dbPreparedStatements: boolean('DB_PREPARED_STATEMENTS', read('DB_PREPARED_STATEMENTS'), true),
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
    redisNamespace: redisNamespace(read('REDIS_NAMESPACE')),
    responseCacheTtlSeconds: integer(
      'RESPONSE_CACHE_TTL_SECONDS',
      read('RESPONSE_CACHE_TTL_SECONDS'),
      300,
      0,
    ),
    responseCacheMemoryMb: integer(
      'RESPONSE_CACHE_MEMORY_MB',
      read('RESPONSE_CACHE_MEMORY_MB'),
      64,
      1,
      65_536,
    ),
    partnerRateLimitPerMinute: integer(
      'PARTNER_RATE_LIMIT_PER_MINUTE',
      read('PARTNER_RATE_LIMIT_PER_MINUTE'),
      300,
      1,
      100_000,
    ),
    anonymousRateLimitPerMinute: integer(
      'ANONYMOUS_RATE_LIMIT_PER_MINUTE',
      read('ANONYMOUS_RATE_LIMIT_PER_MINUTE'),
      nodeEnv === 'test' ? 0 : 600,
      0,
      1_000_000,
    ),
    graphqlTimeoutMs: integer(
      'GRAPHQL_TIMEOUT_MS',
      read('GRAPHQL_TIMEOUT_MS'),
      10_000,
      100,
      120_000,
    ),
    feedMaxAgeSeconds: integer(
      'FEED_MAX_AGE_SECONDS',
      read('FEED_MAX_AGE_SECONDS'),
      300,
      0,
      86_400,
    ),
    webhookWorkerIntervalSeconds: integer(
      'WEBHOOK_WORKER_INTERVAL_SECONDS',
      read('WEBHOOK_WORKER_INTERVAL_SECONDS'),
      nodeEnv === 'test' ? 0 : 5,
      0,
      3600,
    ),
    webhookTimeoutSeconds: integer(
      'WEBHOOK_TIMEOUT_SECONDS',
      read('WEBHOOK_TIMEOUT_SECONDS'),
      10,
      1,
      120,
    ),
    webhookRetryBaseSeconds: integer(
      'WEBHOOK_RETRY_BASE_SECONDS',
      read('WEBHOOK_RETRY_BASE_SECONDS'),
      30,
      1,
      3600,
    ),
    // The product promises at least a day of retries.
    webhookRetryWindowSeconds:
      integer('WEBHOOK_RETRY_HOURS', read('WEBHOOK_RETRY_HOURS'), 24, 24, 720) * 3600,
    webhookAllowHttp: boolean('WEBHOOK_ALLOW_HTTP', read('WEBHOOK_ALLOW_HTTP'), false),
    webhookAllowPrivateHosts: boolean(
      'WEBHOOK_ALLOW_PRIVATE_HOSTS',
      read('WEBHOOK_ALLOW_PRIVATE_HOSTS'),
      false,
    ),
    webhookAllowedHosts: hostList('WEBHOOK_ALLOWED_HOSTS', read('WEBHOOK_ALLOWED_HOSTS')),
    loginMaxConcurrentVerifications: integer(
      'LOGIN_MAX_CONCURRENT_VERIFICATIONS',
      read('LOGIN_MAX_CONCURRENT_VERIFICATIONS'),
      2,
      1,
      64,
    ),
    loginMaxQueuedVerifications: integer(
      'LOGIN_MAX_QUEUED_VERIFICATIONS',
      read('LOGIN_MAX_QUEUED_VERIFICATIONS'),
      16,
      0,
      10_000,
    ),
    ...sessionLifetimes(
      integer('SESSION_MAX_AGE_DAYS', read('SESSION_MAX_AGE_DAYS'), 30, 1, 365),
      integer('SESSION_IDLE_DAYS', read('SESSION_IDLE_DAYS'), 7, 1, 365),
    ),
    webhookAllowedPorts: portList('WEBHOOK_ALLOWED_PORTS', read('WEBHOOK_ALLOWED_PORTS')),
    corsOrigins: originList('CORS_ORIGINS', read('CORS_ORIGINS')),
    trustProxy: trustProxy(read('TRUST_PROXY')),
    webhookSecretKey: aesKey('WEBHOOK_SECRET_KEY', read('WEBHOOK_SECRET_KEY')),
  });
  refuseUnsafeWebhooksInProduction(config, read);
  return config;
}

/**
 * The development-only webhook switches open the door to internal services
 * (SSRF); a production deployment must set a second switch to keep them.
 */
function refuseUnsafeWebhooksInProduction(
  config: AppConfig,
  read: (name: string) => string | undefined,
): void {
  if (config.nodeEnv !== 'production') return;
  const unsafe = [
    config.webhookAllowHttp && 'WEBHOOK_ALLOW_HTTP',
    config.webhookAllowPrivateHosts && 'WEBHOOK_ALLOW_PRIVATE_HOSTS',
  ].filter(Boolean);
  if (unsafe.length === 0) return;
  const confirmed = boolean(
    'WEBHOOK_UNSAFE_IN_PRODUCTION',
    read('WEBHOOK_UNSAFE_IN_PRODUCTION'),
    false,
  );
  if (!confirmed) {
    throw new ConfigError(
      `${unsafe.join(' and ')} must not be on in production: unset ${unsafe.length > 1 ? 'them' : 'it'} ` +
        '(list trusted internal receivers in WEBHOOK_ALLOWED_HOSTS instead), or also set ' +
        'WEBHOOK_UNSAFE_IN_PRODUCTION=true if you really mean it',
    );
  }
}

function sessionLifetimes(
  sessionMaxAgeDays: number,
  sessionIdleDays: number,
): Pick<AppConfig, 'sessionMaxAgeDays' | 'sessionIdleDays'> {
  if (sessionIdleDays > sessionMaxAgeDays) {
    throw new ConfigError(
      `SESSION_IDLE_DAYS (${sessionIdleDays}) is longer than SESSION_MAX_AGE_DAYS (${sessionMaxAgeDays}): set it to at most the maximum age`,
    );
  }
  return { sessionMaxAgeDays, sessionIdleDays };
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

function integer(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max = 65535,
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    throw new ConfigError(`${name} is "${value}": set it to a whole number from ${min} to ${max}`);
  }
  return parsed;
}

/** A comma-separated list of host names or IP addresses, lower-cased. */
function hostList(name: string, value: string | undefined): string[] {
  if (value === undefined) return [];
  const hosts = value
    .split(',')
    .map((host) =>
      host
        .trim()
        .toLowerCase()
        .replace(/^\[(.*)\]$/, '$1'),
    )
    .filter(Boolean);
  for (const host of hosts) {
    if (!/^[a-z0-9.-]+$/.test(host) && !/^[0-9a-f:.]+$/.test(host)) {
      throw new ConfigError(
        `${name} has "${host}": list host names or IP addresses separated by commas, without scheme or port`,
      );
    }
  }
  return hosts;
}

/** A comma-separated list of TCP ports. */
function portList(name: string, value: string | undefined): number[] {
  if (value === undefined) return [443, 80];
  return value
    .split(',')
    .map((port) => port.trim())
    .filter(Boolean)
    .map((port) => integer(name, port, 0, 1));
}

/** `*` and origins such as https://www.example.com (scheme, host, port; no path). */
function originList(name: string, value: string | undefined): string[] {
  if (value === undefined) return ['*'];
  const origins = value
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.toLowerCase()) {
      throw new ConfigError(
        `${name} has "${origin}": list * or origins such as https://www.example.com (scheme, host and port only), separated by commas`,
      );
    }
  }
  return origins.map((origin) => origin.toLowerCase());
}

/** Names Express's proxy-addr knows besides addresses and subnets. */
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function trustProxy(value: string | undefined): boolean | number | string[] {
  if (value === undefined) return false;
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (/^\d+$/.test(value)) return integer('TRUST_PROXY', value, 0, 0, 100);
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const valid =
      PROXY_NAMES.includes(entry) ||
      ipaddr.isValid(entry) ||
      (entry.includes('/') && isCidr(entry));
    if (!valid) {
      throw new ConfigError(
        `TRUST_PROXY has "${entry}": set it to false, true, a number of hops, or proxy addresses and subnets (10.0.0.0/8, loopback, …) separated by commas`,
      );
    }
  }
  return entries;
}

function isCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}

/** 32 bytes as base64 (44 characters) or hex (64); the value is never echoed. */
function aesKey(name: string, value: string | undefined): Buffer | undefined {
  if (value === undefined) return undefined;
  const key = /^[0-9a-fA-F]{64}$/.test(value)
    ? Buffer.from(value, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(value)
      ? Buffer.from(value, 'base64')
      : undefined;
  if (key?.length !== 32) {
    throw new ConfigError(
      `${name} is not a 32-byte key: set it to the output of \`openssl rand -base64 32\` (or 64 hex digits)`,
    );
  }
  return key;
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

function databaseUrl(value: string | undefined, name = 'DATABASE_URL'): string | undefined {
  if (value === undefined) return undefined;
  const fix =
    'set it to postgres://user:password@host:5432/database, or unset it to use the embedded PostgreSQL';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value may hold a password, so it is not echoed.
    throw new ConfigError(`${name} is not a valid URL: ${fix}`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must start with postgres:// or postgresql://: ${fix}`);
  }
  if (!url.hostname) {
    throw new ConfigError(`${name} names no host: ${fix}`);
  }
  return value;
}

function readReplicaUrl(
  value: string | undefined,
  primary: string | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  if (primary === undefined) {
    throw new ConfigError(
      'DATABASE_READ_URL is set without DATABASE_URL: a read replica needs its primary in DATABASE_URL (the embedded PostgreSQL has no replicas)',
    );
  }
  return databaseUrl(value, 'DATABASE_READ_URL');
}

function redisNamespace(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(value)) {
    throw new ConfigError(
      `REDIS_NAMESPACE is "${value}": use 1 to 64 letters, digits, dots, dashes or underscores, or unset it to use the database's deployment id`,
    );
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
