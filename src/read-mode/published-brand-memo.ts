import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { performance } from 'node:perf_hooks';
import { readOnPrimary } from '../database/read-replica';
import {
  brandContentGeneration,
  brandGeneration,
  EVERY_BRAND,
} from '../response-cache/cacheable-request';
import { ResponseCacheService } from '../response-cache/response-cache.service';

/** Brands whose published content is kept (least recently read dropped first). */
const MAX_BRANDS = 50;

/**
 * Bytes of heap the kept values may take, as their readers estimate them
 * (least recently read dropped first): room for some 30,000 clinics of
 * locator rows, well inside the API's 192 MB old space.
 */
const MAX_BYTES = 40 * 1024 * 1024;

/**
 * How long a kept value may serve at most. Every publish invalidates it long
 * before (see PublishedBrandMemo); this only bounds a change written without
 * one (a seed or a hand-written SQL update), as the response cache's TTL does.
 */
const MAX_AGE_MS = 60_000;

interface Kept {
  /** The brand's content generation and `*`, read before the value was. */
  generations: number[];
  readAt: number;
  value: Promise<unknown>;
  /** Estimated heap bytes, once the value is read (until then 1). */
  bytes: number;
}

/**
 * How to size a value kept: its estimated heap bytes (1 when small and not
 * estimated). 0: not worth keeping (read again next time), e.g. the empty
 * locator of a brand slug that names nothing, so that made-up slugs cannot
 * push real brands out.
 */
export type BytesOf<T> = (value: T) => number;

/**
 * Published content that is the same for every clinic of a brand (its
 * treatments and brand-wide FAQs) or serves its clinic locator (its
 * clinics' rows by region), read once per brand and content
 * generation instead of on every page, so a clinic page reads only its
 * clinic's own rows.
 *
 * A kept value serves while the brand's content generation (which every
 * publish of the brand's content bumps in its own transaction) and `*`
 * (bumped by a restore) are the ones read just before the value was, and for
 * at most MAX_AGE_MS. The generations are the response cache's
 * (ResponseCacheService.generations, followed with the cache off too): the
 * instance that publishes applies the new values right after its commit, the
 * others within STALENESS_BOUND_MS. When they cannot be confirmed
 * (PostgreSQL unreachable), or without DATABASE_URL, every call reads
 * afresh. Values are read on the primary, never on a replica that may not
 * have replayed the generation they are kept under. Published reads only:
 * previews read their drafts as before.
 */
@Injectable()
export class PublishedBrandMemo {
  private readonly kept = new LRUCache<string, Kept>({
    max: MAX_BRANDS * 3,
    maxSize: MAX_BYTES,
    sizeCalculation: (kept) => kept.bytes,
  });

  constructor(private readonly cache: ResponseCacheService) {}

  /**
   * `read()`'s value for the brand, kept under `part` (one name per kind of
   * content), or read now when a kept one may be out of date.
   */
  async get<T>(brandId: string, part: string, read: () => Promise<T>): Promise<T> {
    return this.keep(`${brandId}:${part}`, brandContentGeneration(brandId), read);
  }

  /**
   * The same, for a brand named by its slug (what a query names, so the
   * brand needs no lookup): kept under the brand's slug generation, which
   * every publish of its content bumps too; a brand created, renamed or
   * deleted bumps `*`, so what is kept for a slug never outlives the brand
   * it named (nor the absence of one).
   */
  async getBySlug<T>(
    brandSlug: string,
    part: string,
    read: () => Promise<T>,
    bytesOf?: BytesOf<T>,
  ): Promise<T> {
    return this.keep(`slug:${brandSlug}:${part}`, brandGeneration(brandSlug), read, bytesOf);
  }

  private async keep<T>(
    key: string,
    brandGen: string,
    read: () => Promise<T>,
    bytesOf?: BytesOf<T>,
  ): Promise<T> {
    const generations = await this.cache.generations([brandGen, EVERY_BRAND]);
    if (!generations) return read();
    const kept = this.kept.get(key);
    if (
      kept &&
      kept.generations[0] === generations[0] &&
      kept.generations[1] === generations[1] &&
      performance.now() - kept.readAt < MAX_AGE_MS
    ) {
      return kept.value as Promise<T>;
    }
    const fresh: Kept = {
      generations,
      readAt: performance.now(),
      value: readOnPrimary(read),
      bytes: 1,
    };
    fresh.value.then(
      (value) => {
        // Sized once read: the cache counts a size when an entry is set.
        if (!bytesOf || this.kept.peek(key) !== fresh) return;
        const bytes = bytesOf(value as T);
        if (bytes > 0) this.kept.set(key, { ...fresh, bytes });
        else this.kept.delete(key);
      },
      // A failed read is not kept.
      () => {
        if (this.kept.peek(key) === fresh) this.kept.delete(key);
      },
    );
    this.kept.set(key, fresh);
    return fresh.value as Promise<T>;
  }
}
