import { LruMap } from '../common/lru-map';
import type { Encodings } from './precompressed';

/** A rendered answer as the cache keeps it. */
export interface CachedAnswer {
  /** The generations of the answer's brands when it was computed. */
  generations: number[];
  etag: string;
  contentType: string;
  /** The exact bytes served without Content-Encoding. */
  body: Buffer;
  /** The same bytes compressed, made once when stored (see precompressed.ts). */
  encodings?: Encodings;
  /** When the answer changes by itself (epoch ms; see answer-lifetime.ts): never served after. */
  expiresAt?: number;
}

/**
 * Where answers and persisted queries live: this process (MemoryCacheStore)
 * or Redis, shared by every instance (RedisCacheStore). An answer is valid
 * while the generations it was stored with are still the current ones; the
 * generations themselves live in PostgreSQL (cache-generations.ts), so a
 * store that loses data or misses a moment never brings an old answer back.
 */
export interface CacheStore {
  get(key: string): Promise<CachedAnswer | undefined>;
  save(key: string, answer: CachedAnswer, ttlSeconds: number): Promise<void>;
  getText(key: string): Promise<string | undefined>;
  setText(key: string, value: string, ttlSeconds?: number): Promise<void>;
  deleteText(key: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The in-process store keeps the answers and persisted queries used within
 * the last 48 MB of them, and never more than 96 MB (see LruMap).
 */
export const MEMORY_STORE_BYTES = 48 * 1024 * 1024;

/** The default store, for a single instance: nothing is shared between processes. */
export class MemoryCacheStore implements CacheStore {
  private readonly answers: LruMap<CachedAnswer | string>;

  constructor(budgetBytes = MEMORY_STORE_BYTES) {
    this.answers = new LruMap(budgetBytes, (key, value) =>
      typeof value === 'string'
        ? 2 * (key.length + value.length)
        : 2 * (key.length + value.etag.length) +
          value.body.length +
          (value.encodings?.br?.length ?? 0) +
          (value.encodings?.gzip?.length ?? 0) +
          64,
    );
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    const value = this.answers.get(key);
    return typeof value === 'object' ? value : undefined;
  }

  async save(key: string, answer: CachedAnswer, ttlSeconds: number): Promise<void> {
    this.answers.set(key, answer, ttlSeconds * 1000);
  }

  async getText(key: string): Promise<string | undefined> {
    const value = this.answers.get(key);
    return typeof value === 'string' ? value : undefined;
  }

  async setText(key: string, value: string, ttlSeconds?: number): Promise<void> {
    this.answers.set(key, value, ttlSeconds ? ttlSeconds * 1000 : undefined);
  }

  async deleteText(key: string): Promise<boolean> {
    return this.answers.delete(key);
  }

  async close(): Promise<void> {}
}
