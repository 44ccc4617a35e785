interface Job<T> {
  /** Which answer of the key the work is for (its ETag). */
  id: string;
  /** performance.now() when queued: how long it has been held back. */
  queuedAt: number;
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
 *
 * Renders go first (hold): while any is in flight, no work starts unless
 * it has waited `maxHoldMs`. After a publish, every cached page of the
 * brand is rendered again at once and the last one is ready only when all
 * are; compressing their stored forms meanwhile took about a fifth of the
 * process's CPU in that window, for requests that can take the answer as
 * it is. The bound keeps compression going under renders that never stop,
 * and uncompressed answers from piling up.
 */
export class CompressionQueue<T> {
  /** Queued or running, by key. */
  private readonly jobs = new Map<string, Job<T>>();
  /** Not started, in order: those a request waits for, then the others. */
  private readonly urgent = new Set<string>();
  private readonly waiting = new Set<string>();
  private running = 0;
  /** Renders in flight (hold): work waits for them, up to maxHoldMs. */
  private held = 0;
  private holdTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly width: number,
    private readonly maxHoldMs = Infinity,
  ) {}

  /** Queues `work` for the answer `id` of `key`; its result once run. */
  add(key: string, id: string, work: () => Promise<T>): Promise<T | undefined> {
    let start!: (run: boolean) => void;
    const result = new Promise<boolean>((resolve) => (start = resolve)).then((run) =>
      run ? work().finally(() => this.done(key, job)) : undefined,
    );
    const job: Job<T> = { id, queuedAt: performance.now(), result, start };
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

  /**
   * Whether the work for the answer `id` of `key` is queued and held back
   * by renders in flight (hold): a request then takes the answer as it is
   * rather than wait for the renders.
   */
  heldBack(key: string, id: string): boolean {
    return (
      this.held > 0 &&
      this.jobs.get(key)?.id === id &&
      (this.waiting.has(key) || this.urgent.has(key))
    );
  }

  /**
   * A render started: no work starts (unless held for maxHoldMs) until it
   * and every other render in flight have called the release returned.
   */
  hold(): () => void {
    this.held++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held--;
      this.next();
    };
  }

  private next(): void {
    while (this.running < this.width) {
      const key = first(this.urgent) ?? first(this.waiting);
      if (key === undefined) return;
      if (this.held > 0 && !this.heldTooLong(key)) return;
      this.urgent.delete(key);
      this.waiting.delete(key);
      this.running++;
      this.jobs.get(key)!.start(true);
    }
  }

  /** True when `key`'s work has waited maxHoldMs; else looks again when it will have. */
  private heldTooLong(key: string): boolean {
    const waited = performance.now() - this.jobs.get(key)!.queuedAt;
    if (waited >= this.maxHoldMs) return true;
    if (!this.holdTimer && Number.isFinite(this.maxHoldMs)) {
      this.holdTimer = setTimeout(() => {
        this.holdTimer = undefined;
        this.next();
      }, this.maxHoldMs - waited);
      this.holdTimer.unref();
    }
    return false;
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
