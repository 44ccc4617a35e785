import Redis from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { AppConfig } from '../config/app-config';
import { redisKeyPrefix } from '../database/deployment-namespace';

/**
 * The counter of the anonymous rate limit (rate-limiter-flexible): in Redis
 * when REDIS_URL is set, so every instance shares one count per address,
 * with an in-process count as insurance while Redis is unreachable;
 * otherwise in this process (each instance then allows the limit on its
 * own). Null when ANONYMOUS_RATE_LIMIT_PER_MINUTE is 0.
 */
export interface AnonymousLimiter {
  limiter: RateLimiterAbstract;
  close(): Promise<void>;
}

export function createAnonymousLimiter(
  config: AppConfig,
  namespace: string,
): AnonymousLimiter | null {
  const points = config.anonymousRateLimitPerMinute;
  if (points === 0) return null;
  const window = { points, duration: 60, keyPrefix: 'anonymous' };
  if (!config.redisUrl) {
    return { limiter: new RateLimiterMemory(window), close: async () => undefined };
  }
  const redis = new Redis(config.redisUrl, {
    // The deployment's keys only: another deployment's callers are not ours.
    keyPrefix: redisKeyPrefix(namespace),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  });
  // Reconnects by itself; the insurance limiter counts meanwhile.
  redis.on('error', () => undefined);
  const limiter = new RateLimiterRedis({
    ...window,
    keyPrefix: 'rate:anonymous',
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(window),
  });
  return {
    limiter,
    close: async () => {
      redis.disconnect();
    },
  };
}
