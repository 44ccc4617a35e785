import { CompressionQueue } from './compression-queue';

/** Work that finishes when the spec says so, recording the order it started in. */
function gate(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<string>((resolve) => (finish = () => resolve(name)));
  return { work: () => (started.push(name), done), finish };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CompressionQueue', () => {
  it('runs `width` at a time in the order queued, a hurried one first', async () => {
    const started: string[] = [];
    const queue = new CompressionQueue<string>(2);
    const jobs = ['a', 'b', 'c', 'd', 'e'].map((name) => gate(started, name));
    const results = jobs.map((job, i) => queue.add(`key-${i}`, 'etag', job.work));
    await tick();
    expect(started).toEqual(['a', 'b']);
    // A request waits for e: it goes before c and d.
    const hurried = queue.hurry('key-4', 'etag');
    expect(hurried).toBe(results[4]);
    jobs[0].finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'e']);
    for (const job of jobs) job.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(started).toEqual(['a', 'b', 'e', 'c', 'd']);
  });

  it('answers nothing for another answer of the key, or once the work is done', async () => {
    const queue = new CompressionQueue<string>(1);
    const job = gate([], 'a');
    const result = queue.add('key', 'etag-1', job.work);
    expect(queue.hurry('key', 'etag-2')).toBeUndefined();
    job.finish();
    await result;
    expect(queue.hurry('key', 'etag-1')).toBeUndefined();
  });

  it('settles work replaced before it started without running it', async () => {
    const started: string[] = [];
    const queue = new CompressionQueue<string>(1);
    const first = gate(started, 'first');
    const old = gate(started, 'old');
    const fresh = gate(started, 'fresh');
    const firstResult = queue.add('busy', 'x', first.work);
    const oldResult = queue.add('page', 'etag-1', old.work);
    const freshResult = queue.add('page', 'etag-2', fresh.work);
    expect(await oldResult).toBeUndefined();
    first.finish();
    fresh.finish();
    expect(await Promise.all([firstResult, freshResult])).toEqual(['first', 'fresh']);
    expect(started).toEqual(['first', 'fresh']);
  });

  it('starts nothing while renders are in flight, and runs the work once the last one ends', async () => {
    const started: string[] = [];
    const queue = new CompressionQueue<string>(2);
    const releases = [queue.hold(), queue.hold()];
    const job = gate(started, 'a');
    const result = queue.add('page', 'etag', job.work);
    await tick();
    expect(started).toEqual([]);
    expect(queue.heldBack('page', 'etag')).toBe(true);
    expect(queue.heldBack('page', 'other-etag')).toBe(false);
    releases[0]();
    releases[0]();
    await tick();
    expect(started).toEqual([]);
    releases[1]();
    await tick();
    expect(started).toEqual(['a']);
    expect(queue.heldBack('page', 'etag')).toBe(false);
    job.finish();
    expect(await result).toBe('a');
  });

  it('runs held work once it has waited maxHoldMs, renders or not', async () => {
    jest.useFakeTimers();
    try {
      const started: string[] = [];
      const queue = new CompressionQueue<string>(1, 1_000);
      queue.hold();
      const job = gate(started, 'a');
      void queue.add('page', 'etag', job.work);
      jest.advanceTimersByTime(999);
      await Promise.resolve();
      expect(started).toEqual([]);
      jest.advanceTimersByTime(1);
      await Promise.resolve();
      await Promise.resolve();
      expect(started).toEqual(['a']);
      job.finish();
    } finally {
      jest.useRealTimers();
    }
  });
});
