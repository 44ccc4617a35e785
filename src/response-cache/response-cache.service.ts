import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DEPLOYMENT_NAMESPACE } from '../database/deployment-namespace';
import { type PublishedChange, PublishedChanges } from '../editing/published-changes';
import { bumpBrandGenerations, type Generations } from './cache-generations';
import { CacheStore, CachedAnswer, MemoryCacheStore } from './cache-store';
import { APQ_PREFIX } from './cache-attempt';
import { GenerationWatcher } from './generation-watcher';
import { CompressionQueue } from './compression-queue';
import { compressOnce, type Encodings, storedForms } from './precompressed';
import { RedisCacheStore } from './redis-cache-store';
import { secondsLeft } from './answer-lifetime';

/** Apollo's KeyValueCache, as its persisted-query option expects it. */
export interface TextCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/**
 * How long an answer's compression may wait for re-renders in flight
 * (rerenderStarted): long enough for a publish's re-renders to go first
 * (the target for a publish to show on every page is 1 s), and a bound on
 * the uncompressed answers kept meanwhile.
 */
const COMPRESSION_MAX_HOLD_MS = 1_000;

/** How long a persisted query is remembered after its last registration. */
const PERSISTED_QUERY_TTL_SECONDS = 7 * 24 * 3600;

/**
 * The response cache's store and rules: answers in this process by default,
 * in Redis (shared by every instance) when REDIS_URL is set, under the
 * deployment's namespace. Whether an answer is current is decided by the
 * generations in PostgreSQL, which a publish bumps in its own transaction
 * (see GenerationWatcher for how every instance learns them within
 * STALENESS_BOUND_MS, on every topology).
 */
@Injectable()
export class ResponseCacheService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ResponseCache');
  /**
   * Stored answers waiting for their compressed forms, two at a time. A
   * burst of stores (a cold cache, a publish) compressed all at once held
   * every zlib context together, each until the main thread got round to
   * closing it: hundreds of MB for a thousand pages.
   */
  private readonly compressing = new CompressionQueue<Encodings | undefined>(
    2,
    COMPRESSION_MAX_HOLD_MS,
  );
  readonly store: CacheStore;
  readonly ttlSeconds: number;
  /** Whether answers are cached at all (RESPONSE_CACHE_TTL_SECONDS > 0). */
  readonly enabled: boolean;
  private readonly watcher: GenerationWatcher | undefined;
  /** What a transaction's bump answered, until its commit applies it here. */
  private readonly bumped = new WeakMap<PublishedChange[], Generations>();
  private lastWarning = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DEPLOYMENT_NAMESPACE) namespace: string,
    private readonly publishedChanges: PublishedChanges,
  ) {
    this.store = config.redisUrl
      ? new RedisCacheStore(config.redisUrl, namespace)
      : new MemoryCacheStore(config.responseCacheMemoryMb * 1024 * 1024);
    this.ttlSeconds = config.responseCacheTtlSeconds;
    this.enabled = this.ttlSeconds > 0 && Boolean(config.databaseUrl);
    // With the cache off too: PublishedBrandMemo keeps content per generation.
    this.watcher = config.databaseUrl
      ? new GenerationWatcher(config.databaseUrl, (error) => this.warn(error))
      : undefined;
  }

  async onModuleInit(): Promise<void> {
    if (this.store instanceof RedisCacheStore) await this.store.ready();
    await this.watcher?.start();
    this.publishedChanges.listen({
      // Even with the cache off here: other instances may cache.
      beforeCommit: async (changes, tx) => {
        const brandIds = changes.map((change) => change.brandId);
        const brandsChanged = changes.some((change) => change.type === 'BRAND');
        this.bumped.set(changes, await bumpBrandGenerations(tx, brandIds, brandsChanged));
      },
      afterCommit: (changes) => {
        const generations = this.bumped.get(changes);
        if (generations) this.watcher?.apply(generations);
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.watcher?.stop();
    await this.store.close();
  }

  /**
   * The answer under `key` and the current generations, or no generations
   * when they cannot be confirmed now (the request then goes uncached).
   */
  async lookup(
    key: string,
    generationNames: readonly string[],
  ): Promise<{ answer: CachedAnswer | undefined; generations: number[] | null }> {
    const generations = (await this.watcher?.current(generationNames)) ?? null;
    if (!generations) return { answer: undefined, generations };
    return { answer: await this.store.get(key), generations };
  }

  /**
   * The current values of `names` (this instance's publishes included as
   * soon as they commit), or null when they cannot be confirmed within the
   * bound: for what else is kept per generation (PublishedBrandMemo).
   */
  generations(names: readonly string[]): Promise<number[] | null> {
    return this.watcher ? this.watcher.current(names) : Promise.resolve(null);
  }

  /** performance.now() when this instance last learned of a bumped generation. */
  generationsChangedAt(): number {
    return this.watcher?.changedAt ?? -Infinity;
  }

  /**
   * Stores in the background: a failure only costs a later miss. The
   * answer is kept at once, then again with its compressed forms once zlib
   * has made them off the request path (compressedForms: a request that
   * wants them meanwhile waits for them, and they are made sooner).
   */
  save(key: string, answer: CachedAnswer): void {
    // An answer that changes by itself soon is kept no longer than that.
    const ttl = secondsLeft(answer.expiresAt, this.ttlSeconds);
    if (ttl < 1) return;
    const { etag } = answer;
    const saved = this.store.save(key, answer, ttl).then(
      () => true,
      (error: unknown) => {
        this.warn(error);
        return false;
      },
    );
    this.compressing
      .add(key, etag, async () => ((await saved) ? this.addEncodings(key, etag, ttl) : undefined))
      .catch((error: unknown) => this.warn(error));
  }

  /**
   * The compressed forms of `answer` (stored under `key` by this process and
   * not compressed yet), made before the answers no request waits for; so a
   * page is compressed once, not once more on the fly for each request that
   * comes before its turn (after a publish, every page at once). Undefined
   * when it is not waiting here (compressed already, or stored elsewhere).
   */
  compressedForms(key: string, answer: CachedAnswer): Promise<Encodings | undefined> | undefined {
    return this.compressing.hurry(key, answer.etag);
  }

  /**
   * Whether `answer`'s compressed forms wait for pages being rendered again
   * (rerenderStarted): it is then sent as it is, neither waited for nor
   * compressed on the fly, which would take the CPU those renders need.
   */
  formsDeferred(key: string, answer: CachedAnswer): boolean {
    return this.compressing.heldBack(key, answer.etag);
  }

  /**
   * A page whose stored answer went out of date (after a publish, every
   * cached page of the brand at once) is being rendered again: until it
   * and every other such render have called the release returned,
   * compressions wait (at most COMPRESSION_MAX_HOLD_MS), so the pages show
   * the publish sooner. A cold cache filling up holds nothing back.
   */
  rerenderStarted(): () => void {
    return this.compressing.hold();
  }

  /**
   * The compressed forms of the answer stored under `key`, made when its
   * turn comes, kept instead of its identity bytes (storedForms). The queue
   * keeps the key, not the answer: an answer the store drops meanwhile (a
   * burst of stores larger than it) is freed, not compressed, and not stored
   * again.
   */
  private async addEncodings(
    key: string,
    etag: string,
    ttl: number,
  ): Promise<Encodings | undefined> {
    const stored = await this.store.get(key);
    if (stored?.etag !== etag) return undefined;
    if (!stored.body || stored.encodings) return stored.encodings;
    const { body, ...answer } = stored;
    const encodings = await compressOnce(body);
    if (Object.keys(encodings).length) {
      await this.store.save(key, { ...answer, ...storedForms(body, encodings) }, ttl);
    }
    return encodings;
  }

  /**
   * Registers an APQ hash for a query answered from the cache, as Apollo
   * does when it runs a registering request itself; the caller has checked
   * that the hash is the query's.
   */
  rememberPersistedQuery(hash: string, query: string): void {
    this.store
      .setText(APQ_PREFIX + hash, query, PERSISTED_QUERY_TTL_SECONDS)
      .catch((error: unknown) => this.warn(error));
  }

  /** Persisted queries (APQ) live in the same store, so every instance knows them. */
  persistedQueries(): TextCache {
    return {
      get: (key) => this.store.getText(key),
      set: (key, value, options) =>
        this.store.setText(key, value, options?.ttl ?? PERSISTED_QUERY_TTL_SECONDS),
      delete: (key) => this.store.deleteText(key),
    };
  }

  /** Store trouble is logged at most once a minute; requests go on uncached. */
  warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.logger.warn(
      `Response cache store failed, serving uncached: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
