/**
 * `describe` for specs that need Redis: they run when global setup found
 * one (REDIS_URL, or a Redis on 127.0.0.1:6379; see test/setup/test-redis.ts)
 * and are skipped, with a warning from global setup, when it did not.
 */
export const describeWithRedis: jest.Describe = process.env.TEST_REDIS_URL
  ? describe
  : describe.skip;

/** The URL of the specs' Redis (only inside describeWithRedis). */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is not set: use describeWithRedis');
  return url;
}
