import Redis from 'ioredis';
import { redisKeyPrefix } from '../database/deployment-namespace';
import type { CacheStore, CachedAnswer } from './cache-store';

/**
 * The shared store: an answer computed on one instance serves them all. A
 * lookup is one round trip. Invalidation does not go through Redis (the
 * generations are PostgreSQL's), so an outage only costs misses: an answer
 * kept from before a publish never matches the generations after it.
 * Commands fail fast while Redis is unreachable, and the caller then serves
 * uncached.
 */
export class RedisCacheStore implements CacheStore {
  private readonly redis: Redis;

  /**
   * `namespace` (the deployment's, see deployment-namespace.ts) keeps apart
   * the answers of different databases that share one Redis.
   */
  constructor(url: string, namespace: string) {
    this.redis = new Redis(url, {
      keyPrefix: redisKeyPrefix(namespace),
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

  /**
   * v3: an answer may come without its identity bytes (a body length of 0);
   * instances that predate it read v2 and would serve those as empty.
   */
  async get(key: string): Promise<CachedAnswer | undefined> {
    const raw = await this.redis.getBuffer(`answer:v3:${key}`);
    return raw ? decode(raw) : undefined;
  }

  async save(key: string, answer: CachedAnswer, ttlSeconds: number): Promise<void> {
    await this.redis.set(`answer:v3:${key}`, encode(answer), 'EX', ttlSeconds);
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

/**
 * "<generations>\n<etag>\n<content type>\n<lengths>\n" followed by the
 * body's bytes, then its brotli and gzip forms; lengths are
 * "<body>,<br>,<gzip>,<expiresAt>" (0 for a form not kept, or no expiry;
 * answers are never empty).
 */
function encode(answer: CachedAnswer): Buffer {
  const body = answer.body ?? Buffer.alloc(0);
  const br = answer.encodings?.br ?? Buffer.alloc(0);
  const gzip = answer.encodings?.gzip ?? Buffer.alloc(0);
  const head =
    `${answer.generations.join(',')}\n${answer.etag}\n${answer.contentType}\n` +
    `${body.length},${br.length},${gzip.length},${answer.expiresAt ?? 0}\n`;
  return Buffer.concat([Buffer.from(head), body, br, gzip]);
}

function decode(raw: Buffer): CachedAnswer | undefined {
  const ends: number[] = [];
  for (let at = -1, i = 0; i < 4; i++) {
    at = raw.indexOf(10, at + 1);
    if (at < 0) return undefined;
    ends.push(at);
  }
  const text = (from: number, to: number) => raw.toString('utf8', from, to);
  const generations = text(0, ends[0]);
  const [bodyLength, brLength, gzipLength, expiresAt] = text(ends[2] + 1, ends[3])
    .split(',')
    .map(Number);
  let at = ends[3] + 1;
  const take = (length: number) => raw.subarray(at, (at += length));
  const body = take(bodyLength);
  const br = take(brLength);
  const gzip = take(gzipLength);
  return {
    generations: generations ? generations.split(',').map(Number) : [],
    etag: text(ends[0] + 1, ends[1]),
    contentType: text(ends[1] + 1, ends[2]),
    ...(expiresAt ? { expiresAt } : {}),
    ...(body.length ? { body } : {}),
    encodings: {
      ...(br.length ? { br } : {}),
      ...(gzip.length ? { gzip } : {}),
    },
  };
}
