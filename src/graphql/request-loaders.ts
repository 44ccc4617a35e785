import DataLoader from 'dataloader';
import { modeKey, type ReadMode } from '../read-mode/read-mode';
import { publishedBatches } from './published-batches';

/** A batch function: answers for many keys in one round trip, in key order. */
export type BatchFn<K, V> = (keys: readonly K[]) => Promise<V[]>;

/** A batch function of delivery content, which reads published rows or a working copy. */
export type ModeBatchFn<K, V> = (keys: readonly K[], mode: ReadMode) => Promise<V[]>;

/**
 * Dispatch a batch once every pending promise chain has run (setImmediate,
 * not the default next tick), so keys asked for at different depths of the
 * same query wave share one statement and the statement count of a query
 * depends on its shape only, never on timing or on how much data it finds.
 */
const batchScheduleFn = (dispatch: () => void) => setImmediate(dispatch);

/**
 * The DataLoaders of one request. Services expose batch functions; resolvers
 * ask for the loader of a batch function here, so every relation is fetched
 * once per request and per level, never once per parent. A new instance is
 * made for each request, so nothing is cached across requests or callers.
 */
export class RequestLoaders {
  private readonly loaders = new Map<unknown, DataLoader<unknown, unknown>>();
  private readonly modeLoaders = new Map<unknown, Map<string, DataLoader<unknown, unknown>>>();

  get<K, V>(batch: BatchFn<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(batch);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { batchScheduleFn }) as DataLoader<unknown, unknown>;
      this.loaders.set(batch, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /**
   * The loader of a content batch function in one read mode: one loader per
   * function and mode, so published and preview rows never share a batch
   * or a cached answer, even within one request. Published loaders send
   * their keys with the other requests' (PublishedBatches); a preview's
   * batches are its own.
   */
  forMode<K, V>(batch: ModeBatchFn<K, V>, mode: ReadMode): DataLoader<K, V> {
    const key = modeKey(mode);
    let byMode = this.modeLoaders.get(batch);
    if (!byMode) {
      byMode = new Map();
      this.modeLoaders.set(batch, byMode);
    }
    let loader = byMode.get(key);
    if (!loader) {
      // Published keys join the other requests' in one statement (published-batches.ts).
      loader = (
        mode.kind === 'PUBLISHED'
          ? new DataLoader<K, V>((keys) => publishedBatches.load(batch, keys), {
              batchScheduleFn: publishedBatches.schedule,
            })
          : new DataLoader<K, V>((keys) => batch(keys, mode), { batchScheduleFn })
      ) as DataLoader<unknown, unknown>;
      byMode.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Groups rows by key, in the order of `keys` (a list per key, maybe empty). */
export function groupByKeys<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/** Picks one row per key, in the order of `keys` (null where missing). */
export function pickByKeys<K, R>(
  keys: readonly K[],
  rows: R[],
  keyOf: (row: R) => K,
): (R | null)[] {
  const byKey = new Map<K, R>(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}
