import DataLoader from 'dataloader';

/** A batch function: answers for many keys in one round trip, in key order. */
export type BatchFn<K, V> = (keys: readonly K[]) => Promise<V[]>;

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

  get<K, V>(batch: BatchFn<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(batch);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { batchScheduleFn }) as DataLoader<unknown, unknown>;
      this.loaders.set(batch, loader);
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
