import { loadConfig } from './app-config';
import { ConfigError } from './config-error';

describe('loadConfig', () => {
  it('defaults every value for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      nodeEnv: 'development',
      host: '0.0.0.0',
      port: 3000,
      databaseUrl: undefined,
      databaseReadUrl: undefined,
      dbPoolTimeoutMs: 5000,
      dbStatementTimeoutMs: 15000,
      dbPreparedStatements: true,
      dataDir: '.data/postgres',
      embeddedPostgresPort: 54329,
      logLevel: 'info',
      graphqlIntrospection: true,
      seedOnStart: true,
      schedulerIntervalSeconds: 15,
      redisUrl: undefined,
      redisNamespace: undefined,
      responseCacheTtlSeconds: 300,
      responseCacheMemoryMb: 64,
      partnerRateLimitPerMinute: 300,
      anonymousRateLimitPerMinute: 600,
      graphqlTimeoutMs: 10_000,
      feedMaxAgeSeconds: 300,
      webhookWorkerIntervalSeconds: 5,
      webhookTimeoutSeconds: 10,
      webhookRetryBaseSeconds: 30,
      webhookRetryWindowSeconds: 24 * 3600,
      webhookAllowHttp: false,
      webhookAllowPrivateHosts: false,
      webhookAllowedHosts: [],
      loginMaxConcurrentVerifications: 2,
      loginMaxQueuedVerifications: 16,
      sessionMaxAgeDays: 30,
      sessionIdleDays: 7,
      webhookAllowedPorts: [443, 80],
      corsOrigins: ['*'],
      trustProxy: false,
      webhookSecretKey: undefined,
    });
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '8080',
        DATABASE_URL: 'postgresql://app:secret@db.internal:5433/content',
        DATABASE_READ_URL: 'postgresql://app:secret@replica.internal:5433/content',
        DATA_DIR: '/var/lib/cca',
        DB_STATEMENT_TIMEOUT_MS: '20000',
        DB_POOL_TIMEOUT_MS: '3000',
        EMBEDDED_PG_PORT: '6000',
        LOG_LEVEL: 'warn',
        GRAPHQL_INTROSPECTION: '1',
        SEED_ON_START: 'false',
        SCHEDULER_INTERVAL_SECONDS: '0',
        REDIS_URL: 'redis://:secret@cache.internal:6380/2',
        REDIS_NAMESPACE: 'cms-production',
        RESPONSE_CACHE_TTL_SECONDS: '0',
        RESPONSE_CACHE_MEMORY_MB: '512',
        DB_PREPARED_STATEMENTS: 'false',
        PARTNER_RATE_LIMIT_PER_MINUTE: '1200',
        ANONYMOUS_RATE_LIMIT_PER_MINUTE: '120',
        GRAPHQL_TIMEOUT_MS: '2500',
        FEED_MAX_AGE_SECONDS: '60',
        WEBHOOK_WORKER_INTERVAL_SECONDS: '2',
        WEBHOOK_TIMEOUT_SECONDS: '5',
        WEBHOOK_RETRY_BASE_SECONDS: '10',
        WEBHOOK_RETRY_HOURS: '48',
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOW_PRIVATE_HOSTS: '1',
        WEBHOOK_ALLOWED_HOSTS: 'Hooks.Internal.example, [fd00::1] ,10.1.2.3',
        LOGIN_MAX_CONCURRENT_VERIFICATIONS: '4',
        LOGIN_MAX_QUEUED_VERIFICATIONS: '0',
        SESSION_MAX_AGE_DAYS: '14',
        SESSION_IDLE_DAYS: '14',
        WEBHOOK_ALLOWED_PORTS: '443, 8443',
        WEBHOOK_UNSAFE_IN_PRODUCTION: 'true',
        CORS_ORIGINS: '*, https://Console.Example.com/',
        TRUST_PROXY: '10.0.0.0/8, loopback',
        WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      }),
    ).toEqual({
      nodeEnv: 'production',
      host: '127.0.0.1',
      port: 8080,
      databaseUrl: 'postgresql://app:secret@db.internal:5433/content',
      databaseReadUrl: 'postgresql://app:secret@replica.internal:5433/content',
      dbPoolTimeoutMs: 3000,
      dbStatementTimeoutMs: 20000,
      dbPreparedStatements: false,
      dataDir: '/var/lib/cca',
      embeddedPostgresPort: 6000,
      logLevel: 'warn',
      graphqlIntrospection: true,
      seedOnStart: false,
      schedulerIntervalSeconds: 0,
      redisUrl: 'redis://:secret@cache.internal:6380/2',
      redisNamespace: 'cms-production',
      responseCacheTtlSeconds: 0,
      responseCacheMemoryMb: 512,
      partnerRateLimitPerMinute: 1200,
      anonymousRateLimitPerMinute: 120,
      graphqlTimeoutMs: 2500,
      feedMaxAgeSeconds: 60,
      webhookWorkerIntervalSeconds: 2,
      webhookTimeoutSeconds: 5,
      webhookRetryBaseSeconds: 10,
      webhookRetryWindowSeconds: 48 * 3600,
      webhookAllowHttp: true,
      webhookAllowPrivateHosts: true,
      webhookAllowedHosts: ['hooks.internal.example', 'fd00::1', '10.1.2.3'],
      loginMaxConcurrentVerifications: 4,
      loginMaxQueuedVerifications: 0,
      sessionMaxAgeDays: 14,
      sessionIdleDays: 14,
      webhookAllowedPorts: [443, 8443],
      corsOrigins: ['*', 'https://console.example.com'],
      trustProxy: ['10.0.0.0/8', 'loopback'],
      webhookSecretKey: Buffer.alloc(32, 7),
    });
  });

  it('refuses an idle session timeout longer than the maximum session age', () => {
    expect(() => loadConfig({ SESSION_MAX_AGE_DAYS: '7', SESSION_IDLE_DAYS: '8' })).toThrow(
      /SESSION_IDLE_DAYS \(8\) is longer than SESSION_MAX_AGE_DAYS \(7\)/,
    );
  });

  it('reads TRUST_PROXY as a switch, a hop count or a list of proxies', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '::1,192.168.0.1' }).trustProxy).toEqual([
      '::1',
      '192.168.0.1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'my-balancer' })).toThrow(
      /^TRUST_PROXY has "my-balancer"/,
    );
  });

  it('refuses CORS_ORIGINS entries that are not origins', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(
      /^CORS_ORIGINS has "https:\/\/a.example\/path"/,
    );
    expect(() => loadConfig({ CORS_ORIGINS: 'a.example' })).toThrow(
      /^CORS_ORIGINS has "a.example"/,
    );
  });

  it('turns the anonymous rate limit off by default in tests only', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).anonymousRateLimitPerMinute).toBe(0);
    expect(loadConfig({ NODE_ENV: 'development' }).anonymousRateLimitPerMinute).toBe(600);
    expect(loadConfig({ NODE_ENV: 'production' }).anonymousRateLimitPerMinute).toBe(600);
  });

  it('reads WEBHOOK_SECRET_KEY as base64 or hex, and refuses anything but 32 bytes without echoing it', () => {
    const key = Buffer.alloc(32, 9);
    expect(loadConfig({ WEBHOOK_SECRET_KEY: key.toString('base64') }).webhookSecretKey).toEqual(
      key,
    );
    expect(loadConfig({ WEBHOOK_SECRET_KEY: key.toString('hex') }).webhookSecretKey).toEqual(key);
    for (const bad of ['too-short', Buffer.alloc(16).toString('base64'), 'z'.repeat(64)]) {
      expect(() => loadConfig({ WEBHOOK_SECRET_KEY: bad })).toThrow(
        new ConfigError(
          'WEBHOOK_SECRET_KEY is not a 32-byte key: set it to the output of `openssl rand -base64 32` (or 64 hex digits)',
        ),
      );
    }
  });

  it('turns the webhook worker off by default in tests, like the scheduler', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).webhookWorkerIntervalSeconds).toBe(0);
    expect(loadConfig({ NODE_ENV: 'production' }).webhookWorkerIntervalSeconds).toBe(5);
  });

  it('never allows http or private webhook targets unless told to, in any environment', () => {
    for (const NODE_ENV of ['development', 'production', 'test']) {
      const config = loadConfig({ NODE_ENV });
      expect(config.webhookAllowHttp).toBe(false);
      expect(config.webhookAllowPrivateHosts).toBe(false);
      expect(config.webhookAllowedHosts).toEqual([]);
    }
  });

  it('turns introspection off by default in production only', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphqlIntrospection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).graphqlIntrospection).toBe(true);
  });

  it('is silent by default in tests', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: ' ', LOG_LEVEL: '' });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.logLevel).toBe('info');
  });

  it('accepts PORT 0 (any free port)', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it('accepts true/false/1/0 in any case', () => {
    expect(loadConfig({ SEED_ON_START: 'TRUE' }).seedOnStart).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).seedOnStart).toBe(false);
    expect(loadConfig({ SEED_ON_START: '0' }).seedOnStart).toBe(false);
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it.each([
    ['PORT', 'abc', /^PORT is "abc": set it to a whole number from 0 to 65535$/],
    ['PORT', '65536', /^PORT is "65536"/],
    ['PORT', '-1', /^PORT is "-1"/],
    ['PORT', '30.5', /^PORT is "30.5"/],
    ['EMBEDDED_PG_PORT', '0', /^EMBEDDED_PG_PORT is "0": .* from 1 to 65535$/],
    [
      'NODE_ENV',
      'staging',
      /^NODE_ENV is "staging": set it to one of development, production, test$/,
    ],
    [
      'LOG_LEVEL',
      'verbose',
      /^LOG_LEVEL is "verbose": set it to one of fatal, error, warn, info, debug, trace, silent$/,
    ],
    ['SEED_ON_START', 'yes', /^SEED_ON_START is "yes": set it to true, false, 1 or 0$/],
    ['GRAPHQL_INTROSPECTION', 'on', /^GRAPHQL_INTROSPECTION is "on"/],
    [
      'WEBHOOK_RETRY_HOURS',
      '12',
      /^WEBHOOK_RETRY_HOURS is "12": set it to a whole number from 24 to 720$/,
    ],
    ['WEBHOOK_TIMEOUT_SECONDS', '0', /^WEBHOOK_TIMEOUT_SECONDS is "0": .* from 1 to 120$/],
    ['WEBHOOK_WORKER_INTERVAL_SECONDS', 'fast', /^WEBHOOK_WORKER_INTERVAL_SECONDS is "fast"/],
    ['WEBHOOK_ALLOW_HTTP', 'maybe', /^WEBHOOK_ALLOW_HTTP is "maybe": set it to true/],
    ['WEBHOOK_ALLOW_PRIVATE_HOSTS', 'yes', /^WEBHOOK_ALLOW_PRIVATE_HOSTS is "yes"/],
    [
      'WEBHOOK_ALLOWED_HOSTS',
      'https://hooks.example',
      /^WEBHOOK_ALLOWED_HOSTS has "https:\/\/hooks.example": list host names/,
    ],
    ['PARTNER_RATE_LIMIT_PER_MINUTE', '0', /^PARTNER_RATE_LIMIT_PER_MINUTE is "0": .* from 1/],
    ['FEED_MAX_AGE_SECONDS', '-5', /^FEED_MAX_AGE_SECONDS is "-5"/],
    ['DATABASE_URL', 'not a url', /^DATABASE_URL is not a valid URL: set it to postgres:\/\//],
    [
      'DATABASE_URL',
      'mysql://u:p@h/db',
      /^DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//,
    ],
    ['REDIS_NAMESPACE', 'a b', /^REDIS_NAMESPACE is "a b": use 1 to 64 letters/],
    ['DATABASE_READ_URL', 'http://replica', /^DATABASE_READ_URL is set without DATABASE_URL/],
    ['REDIS_URL', 'not a url', /^REDIS_URL is not a valid URL: set it to redis:\/\//],
    ['REDIS_URL', 'http://cache:6379', /^REDIS_URL must start with redis:\/\/ or rediss:\/\//],
    ['RESPONSE_CACHE_TTL_SECONDS', '-5', /^RESPONSE_CACHE_TTL_SECONDS is "-5"/],
  ])('rejects %s=%s with a ConfigError naming it', (name, value, message) => {
    const load = () => loadConfig({ [name]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });

  it('never echoes a malformed DATABASE_URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:hunter2@[bad' })).toThrow(
      expect.objectContaining({
        message: expect.not.stringContaining('hunter2'),
      }),
    );
  });

  it('gives one-line messages', () => {
    try {
      loadConfig({ DATABASE_URL: 'nope' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
