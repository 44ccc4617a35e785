interface Job<T> {
  /** Which answer of the key the work is for (its ETag). */
  id: string;
  /** The work's result; undefined when it was replaced before it started. */
  result: Promise<T | undefined>;
  /** Runs the work (true) or settles it without running (false). */
  start: (run: boolean) => void;
}

/**
 * Compressions of stored answers, `width` at a time, in the order queued,
 * except that one a request is waiting for (hurry) goes before those no one
 * waits for. A burst of stores (a cold cache, a publish) is not compressed
 * all at once: each zlib context is held until the main thread gets round
 * to closing it. Work queued under a key replaces the work queued under it
 * and not started yet (a newer answer of the same page).
 */
export class CompressionQueue<T> {
  /** Queued or running, by key. */
  private readonly jobs = new Map<string, Job<T>>();
  /** Not started, in order: those a request waits for, then the others. */
  private readonly urgent = new Set<string>();
  private readonly waiting = new Set<string>();
  private running = 0;

  constructor(private readonly width: number) {}

  /** Queues `work` for the answer `id` of `key`; its result once run. */
  add(key: string, id: string, work: () => Promise<T>): Promise<T | undefined> {
    let start!: (run: boolean) => void;
    const result = new Promise<boolean>((resolve) => (start = resolve)).then((run) =>
      run ? work().finally(() => this.done(key, job)) : undefined,
    );
    const job: Job<T> = { id, result, start };
    const replaced = this.jobs.get(key);
    if (replaced && (this.waiting.delete(key) || this.urgent.delete(key))) replaced.start(false);
    this.jobs.set(key, job);
    this.waiting.add(key);
    this.next();
    return result;
  }

  /**
   * The result of the work queued for the answer `id` of `key`, moved ahead
   * of the work no one waits for; undefined when there is none (done, or
   * never queued here).
   */
  hurry(key: string, id: string): Promise<T | undefined> | undefined {
    const job = this.jobs.get(key);
    if (job?.id !== id) return undefined;
    if (this.waiting.delete(key)) this.urgent.add(key);
    return job.result;
  }

  private next(): void {
    while (this.running < this.width) {
      const key = first(this.urgent) ?? first(this.waiting);
      if (key === undefined) return;
      this.urgent.delete(key);
      this.waiting.delete(key);
      this.running++;
      this.jobs.get(key)!.start(true);
    }
  }

  private done(key: string, job: Job<T>): void {
    if (this.jobs.get(key) === job) this.jobs.delete(key);
    this.running--;
    this.next();
  }
}

function first(keys: Set<string>): string | undefined {
  for (const key of keys) return key;
  return undefined;
}
