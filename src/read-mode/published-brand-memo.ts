import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { performance } from 'node:perf_hooks';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { readOnPrimary } from '../database/read-replica';
import { PublishedChanges } from '../editing/published-changes';
import { ANY_BRAND } from '../response-cache/cacheable-request';
import { GenerationWatcher } from '../response-cache/generation-watcher';

/** Brands whose published content is kept (least recently read dropped first). */
const MAX_BRANDS = 50;

/**
 * How long a kept value may serve at most. Every publish invalidates it long
 * before (see PublishedBrandMemo); this only bounds a change written without
 * one (a seed or a hand-written SQL update), as the response cache's TTL does.
 */
const MAX_AGE_MS = 60_000;

interface Kept {
  /** The `any` generation read before the value was, and this instance's publish count then. */
  generation: number;
  localPublishes: number;
  readAt: number;
  value: Promise<unknown>;
}

/**
 * Published content that is the same for every clinic of a brand (its
 * brand-wide FAQs), read once per brand and content generation instead of on
 * every page, so a clinic page reads only its clinic's own rows.
 *
 * A kept value serves while nothing may have changed since it was read:
 * - the `any` cache generation, which every publish bumps in its own
 *   transaction, is the one read just before the value was (instances learn
 *   a bump from PostgreSQL's NOTIFY at once and by polling within
 *   STALENESS_BOUND_MS, as the response cache does; its own GenerationWatcher,
 *   so this holds with the response cache off);
 * - no publish has committed on this instance since (a publish is seen at
 *   once where it was made, before its mutation answers);
 * - it is younger than MAX_AGE_MS.
 * When the generations cannot be confirmed (PostgreSQL unreachable), or
 * without DATABASE_URL, every call reads afresh. Values are read on the
 * primary, never on a replica that may not have replayed the generation
 * they are kept under. Published reads only: previews read their drafts as
 * before.
 */
@Injectable()
export class PublishedBrandMemo implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PublishedBrandMemo');
  private readonly kept = new LRUCache<string, Kept>({ max: MAX_BRANDS * 4 });
  private readonly watcher: GenerationWatcher | undefined;
  private localPublishes = 0;
  private lastWarning = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly publishedChanges: PublishedChanges,
  ) {
    this.watcher = config.databaseUrl
      ? new GenerationWatcher(config.databaseUrl, (error) => this.warn(error))
      : undefined;
  }

  async onModuleInit(): Promise<void> {
    this.publishedChanges.listen({
      afterCommit: () => {
        this.localPublishes++;
      },
    });
    await this.watcher?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.watcher?.stop();
  }

  /**
   * `read()`'s value for the brand, kept under `part` (one name per kind of
   * content), or read now when a kept one may be out of date.
   */
  async get<T>(brandId: string, part: string, read: () => Promise<T>): Promise<T> {
    const generation = (await this.watcher?.current([ANY_BRAND]))?.[0];
    if (generation === undefined) return read();
    const key = `${brandId}:${part}`;
    const kept = this.kept.get(key);
    if (
      kept &&
      kept.generation === generation &&
      kept.localPublishes === this.localPublishes &&
      performance.now() - kept.readAt < MAX_AGE_MS
    ) {
      return kept.value as Promise<T>;
    }
    const fresh: Kept = {
      generation,
      localPublishes: this.localPublishes,
      readAt: performance.now(),
      value: readOnPrimary(read),
    };
    // A failed read is not kept.
    fresh.value.catch(() => {
      if (this.kept.get(key) === fresh) this.kept.delete(key);
    });
    this.kept.set(key, fresh);
    return fresh.value as Promise<T>;
  }

  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.logger.warn(
      `Cache generations unreadable, brand content read per request: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
