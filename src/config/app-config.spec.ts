import { loadConfig } from './app-config';
import { ConfigError } from './config-error';

describe('loadConfig', () => {
  it('defaults every value for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      nodeEnv: 'development',
      host: '0.0.0.0',
      port: 3000,
      databaseUrl: undefined,
      dbPoolTimeoutMs: 5000,
      dbStatementTimeoutMs: 15000,
      dataDir: '.data/postgres',
      embeddedPostgresPort: 54329,
      logLevel: 'info',
      graphqlIntrospection: true,
      seedOnStart: true,
      schedulerIntervalSeconds: 15,
      redisUrl: undefined,
      responseCacheTtlSeconds: 300,
      partnerRateLimitPerMinute: 300,
      feedMaxAgeSeconds: 300,
      webhookWorkerIntervalSeconds: 5,
      webhookTimeoutSeconds: 10,
      webhookRetryBaseSeconds: 30,
      webhookRetryWindowSeconds: 24 * 3600,
      webhookAllowHttp: false,
      webhookAllowPrivateHosts: false,
      webhookAllowedHosts: [],
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
        DATA_DIR: '/var/lib/cca',
        DB_STATEMENT_TIMEOUT_MS: '20000',
        DB_POOL_TIMEOUT_MS: '3000',
        EMBEDDED_PG_PORT: '6000',
        LOG_LEVEL: 'warn',
        GRAPHQL_INTROSPECTION: '1',
        SEED_ON_START: 'false',
        SCHEDULER_INTERVAL_SECONDS: '0',
        REDIS_URL: 'redis://:secret@cache.internal:6380/2',
        RESPONSE_CACHE_TTL_SECONDS: '0',
        PARTNER_RATE_LIMIT_PER_MINUTE: '1200',
        FEED_MAX_AGE_SECONDS: '60',
        WEBHOOK_WORKER_INTERVAL_SECONDS: '2',
        WEBHOOK_TIMEOUT_SECONDS: '5',
        WEBHOOK_RETRY_BASE_SECONDS: '10',
        WEBHOOK_RETRY_HOURS: '48',
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOW_PRIVATE_HOSTS: '1',
        WEBHOOK_ALLOWED_HOSTS: 'Hooks.Internal.example, [fd00::1] ,10.1.2.3',
        WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      }),
    ).toEqual({
      nodeEnv: 'production',
      host: '127.0.0.1',
      port: 8080,
      databaseUrl: 'postgresql://app:secret@db.internal:5433/content',
      dbPoolTimeoutMs: 3000,
      dbStatementTimeoutMs: 20000,
      dataDir: '/var/lib/cca',
      embeddedPostgresPort: 6000,
      logLevel: 'warn',
      graphqlIntrospection: true,
      seedOnStart: false,
      schedulerIntervalSeconds: 0,
      redisUrl: 'redis://:secret@cache.internal:6380/2',
      responseCacheTtlSeconds: 0,
      partnerRateLimitPerMinute: 1200,
      feedMaxAgeSeconds: 60,
      webhookWorkerIntervalSeconds: 2,
      webhookTimeoutSeconds: 5,
      webhookRetryBaseSeconds: 10,
      webhookRetryWindowSeconds: 48 * 3600,
      webhookAllowHttp: true,
      webhookAllowPrivateHosts: true,
      webhookAllowedHosts: ['hooks.internal.example', 'fd00::1', '10.1.2.3'],
      webhookSecretKey: Buffer.alloc(32, 7),
    });
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
