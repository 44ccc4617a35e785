import Redis from 'ioredis';
import type { CacheStore, CachedAnswer } from './cache-store';

/**
 * The shared store: every instance reads and bumps the same generations, so
 * a publish on one instance invalidates the answers cached by all. A lookup
 * is one round trip (MGET of the answer and its generations). Commands fail
 * fast while Redis is unreachable, and the caller then serves uncached.
 */
export class RedisCacheStore implements CacheStore {
  private readonly redis: Redis;

  /**
   * `namespace` keeps apart the answers of different databases that share
   * one Redis (staging and production, or test runs).
   */
  constructor(url: string, namespace: string) {
    this.redis = new Redis(url, {
      keyPrefix: `cca:${namespace}:`,
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
    });
    // Reconnects by itself; without a listener, errors would be thrown.
    this.redis.on('error', () => undefined);
  }

  /** Resolves once connected, so a wrong REDIS_URL fails the start. */
  async ready(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const onReady = () => {
        cleanup();
        resolve();
      };
      const onError = (error: Error) => {
        cleanup();
        reject(new Error(`Redis at REDIS_URL is unreachable: ${error.message}`));
      };
      const cleanup = () => {
        this.redis.off('ready', onReady);
        this.redis.off('error', onError);
      };
      this.redis.once('ready', onReady);
      this.redis.once('error', onError);
    });
  }

  async lookup(key: string, generationNames: readonly string[]) {
    const [raw, ...generations] = await this.redis.mget(
      `answer:${key}`,
      ...generationNames.map((name) => `gen:${name}`),
    );
    return {
      answer: raw ? decode(raw) : undefined,
      generations: generations.map((value) => Number(value ?? 0)),
    };
  }

  async save(key: string, answer: CachedAnswer, ttlSeconds: number): Promise<void> {
    await this.redis.set(`answer:${key}`, encode(answer), 'EX', ttlSeconds);
  }

  async bump(generationNames: readonly string[]): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const name of generationNames) pipeline.incr(`gen:${name}`);
    await pipeline.exec();
  }

  async getText(key: string): Promise<string | undefined> {
    return (await this.redis.get(`text:${key}`)) ?? undefined;
  }

  async setText(key: string, value: string, ttlSeconds?: number): Promise<void> {
    if (ttlSeconds) await this.redis.set(`text:${key}`, value, 'EX', ttlSeconds);
    else await this.redis.set(`text:${key}`, value);
  }

  async deleteText(key: string): Promise<boolean> {
    return (await this.redis.del(`text:${key}`)) > 0;
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** "<generations>\n<etag>\n<content type>\n<body>" */
function encode(answer: CachedAnswer): string {
  return `${answer.generations.join(',')}\n${answer.etag}\n${answer.contentType}\n${answer.body}`;
}

function decode(raw: string): CachedAnswer | undefined {
  const first = raw.indexOf('\n');
  const second = raw.indexOf('\n', first + 1);
  const third = raw.indexOf('\n', second + 1);
  if (first < 0 || second < 0 || third < 0) return undefined;
  const generations = raw.slice(0, first);
  return {
    generations: generations ? generations.split(',').map(Number) : [],
    etag: raw.slice(first + 1, second),
    contentType: raw.slice(second + 1, third),
    body: raw.slice(third + 1),
  };
}
