interface Entry<V> {
  value: V;
  size: number;
  expiresAt: number;
}

/**
 * A map that forgets its least recently used entries, in two generations:
 * new and refreshed entries go to the young one; when it holds `budget`
 * (by `sizeOf`) it becomes the old one and the previous old one is dropped
 * whole. A read of an old entry moves it back to the young one. So the
 * entries used within the last `budget` are always kept, and it never holds
 * more than twice that. No per-read reordering and no scan for the oldest
 * entry: a single Map reordered on every read piled up deleted slots that
 * each eviction had to walk past.
 */
export class LruMap<V> {
  private young = new Map<string, Entry<V>>();
  private old = new Map<string, Entry<V>>();
  private youngSize = 0;
  private oldSize = 0;

  constructor(
    private readonly budget: number,
    private readonly sizeOf: (key: string, value: V) => number = () => 1,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    let entry = this.young.get(key);
    if (!entry) {
      entry = this.old.get(key);
      if (!entry) return undefined;
      this.old.delete(key);
      this.oldSize -= entry.size;
      if (entry.expiresAt > now) this.addYoung(key, entry);
    }
    if (entry.expiresAt <= now) {
      this.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, ttlMs = Number.POSITIVE_INFINITY, now = Date.now()): void {
    this.delete(key);
    const size = this.sizeOf(key, value);
    if (size > this.budget) return;
    this.addYoung(key, { value, size, expiresAt: now + ttlMs });
  }

  delete(key: string): boolean {
    const young = this.young.get(key);
    if (young) {
      this.young.delete(key);
      this.youngSize -= young.size;
      return true;
    }
    const old = this.old.get(key);
    if (old) {
      this.old.delete(key);
      this.oldSize -= old.size;
      return true;
    }
    return false;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  get totalSize(): number {
    return this.youngSize + this.oldSize;
  }

  private addYoung(key: string, entry: Entry<V>): void {
    if (this.youngSize + entry.size > this.budget) {
      this.old = this.young;
      this.oldSize = this.youngSize;
      this.young = new Map();
      this.youngSize = 0;
    }
    this.young.set(key, entry);
    this.youngSize += entry.size;
  }
}
