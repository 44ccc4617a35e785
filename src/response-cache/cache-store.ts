import { LRUCache } from 'lru-cache';
import type { Encodings } from './precompressed';

/** A rendered answer as the cache keeps it. */
export interface CachedAnswer {
  /** The generations of the answer's brands when it was computed. */
  generations: number[];
  etag: string;
  contentType: string;
  /**
   * The exact bytes served without Content-Encoding, until the compressed
   * forms are made; after that, only if there is no gzip form to inflate
   * them from (storedForms and identityOf in precompressed.ts).
   */
  body?: Buffer;
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
 * How many bytes an entry of the in-process store counts for: its buffers
 * (the body and its compressed forms) and its strings (UTF-16 in V8), plus
 * the bookkeeping around them.
 */
function entrySize(value: CachedAnswer | string, key: string): number {
  if (typeof value === 'string') return 2 * (key.length + value.length);
  return (
    2 * (key.length + value.etag.length + value.contentType.length) +
    (value.body?.length ?? 0) +
    (value.encodings?.br?.length ?? 0) +
    (value.encodings?.gzip?.length ?? 0) +
    64
  );
}

/**
 * The default store, for a single instance: nothing is shared between
 * processes. It keeps the most recently used answers and persisted queries
 * that fit in its budget (RESPONSE_CACHE_MEMORY_MB), and never more: each
 * answer counts with the forms it keeps, so a 43 KB clinic page takes about
 * 13 KB once compressed (its brotli and gzip forms, see storedForms).
 */
export class MemoryCacheStore implements CacheStore {
  private readonly answers: LRUCache<string, CachedAnswer | string>;

  /** `clock` (milliseconds) decides expiry; specs pass their own. */
  constructor(budgetBytes: number, clock: { now(): number } = performance) {
    this.answers = new LRUCache({
      maxSize: budgetBytes,
      sizeCalculation: entrySize,
      perf: clock,
      // Read the clock on every lookup instead of once a millisecond by timer.
      ttlResolution: 0,
    });
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    const value = this.answers.get(key);
    return typeof value === 'object' ? value : undefined;
  }

  async save(key: string, answer: CachedAnswer, ttlSeconds: number): Promise<void> {
    this.store(key, answer, ttlSeconds);
  }

  async getText(key: string): Promise<string | undefined> {
    const value = this.answers.get(key);
    return typeof value === 'string' ? value : undefined;
  }

  async setText(key: string, value: string, ttlSeconds?: number): Promise<void> {
    this.store(key, value, ttlSeconds);
  }

  async deleteText(key: string): Promise<boolean> {
    return this.answers.delete(key);
  }

  async close(): Promise<void> {}

  /** An entry larger than the whole budget is not kept (lru-cache would throw). */
  private store(key: string, value: CachedAnswer | string, ttlSeconds?: number): void {
    if (entrySize(value, key) > this.answers.maxSize) return;
    this.answers.set(key, value, ttlSeconds ? { ttl: ttlSeconds * 1000 } : {});
  }
}
