import Redis from 'ioredis';

/** Where a Redis for the specs is looked for when REDIS_URL is unset. */
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

/**
 * The Redis the Redis specs use: REDIS_URL, else one answering on the
 * default local port, else none (those specs are skipped, and global setup
 * says so). The default path needs no Redis.
 */
export async function findTestRedis(): Promise<string | undefined> {
  const url = process.env.REDIS_URL?.trim() || LOCAL_REDIS;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return url;
  } catch {
    return undefined;
  } finally {
    redis.disconnect();
  }
}
