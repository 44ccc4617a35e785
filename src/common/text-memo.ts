import { LRUCache } from 'lru-cache';

/**
 * A memo of a pure computation keyed by text, within a byte budget: the
 * least recently used results are forgotten first (lru-cache), and a result
 * larger than the whole budget is computed but not kept. Sizes count two
 * bytes per UTF-16 code unit of the key, plus what `bytesOf` says of the
 * value. Nothing to invalidate: the same text always gives the same result.
 */
export class TextMemo<T> {
  // Boxed: lru-cache keeps no null or undefined values, and null is a result here too.
  private readonly results: LRUCache<string, { value: T }>;

  constructor(maxBytes: number, bytesOf: (value: T) => number = () => 0) {
    this.results = new LRUCache({
      maxSize: maxBytes,
      sizeCalculation: (entry, key) => Math.max(1, 2 * key.length + bytesOf(entry.value)),
    });
  }

  /** The result for `key`: remembered, or computed now and remembered. */
  get(key: string, compute: () => T): T {
    const known = this.results.get(key);
    if (known) return known.value;
    const value = compute();
    this.results.set(key, { value });
    return value;
  }
}
