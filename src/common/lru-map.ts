/**
 * A map that forgets its least recently used entries once their total size
 * passes a budget. Insertion order of a Map is its recency order: a read
 * moves the entry to the end.
 */
export class LruMap<V> {
  private readonly entries = new Map<string, { value: V; size: number; expiresAt: number }>();
  private total = 0;

  constructor(
    private readonly budget: number,
    private readonly sizeOf: (key: string, value: V) => number = () => 1,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, ttlMs = Number.POSITIVE_INFINITY, now = Date.now()): void {
    this.delete(key);
    const size = this.sizeOf(key, value);
    if (size > this.budget) return;
    this.entries.set(key, { value, size, expiresAt: now + ttlMs });
    this.total += size;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.budget) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
    }
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.total -= entry.size;
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalSize(): number {
    return this.total;
  }
}
