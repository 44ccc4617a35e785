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
});
