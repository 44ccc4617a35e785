import { readFrom, readsFromReplica } from '../database/read-replica';
import { previewOf, PUBLISHED, type ReadMode } from '../read-mode/read-mode';
import { RequestLoaders } from './request-loaders';

const BRAND = '0b6c6f3e-8d2a-4c55-9f0e-2d7a1c3b4e5f';

/** A batch function that records its calls (keys, mode, read target). */
function recorder(fail?: (keys: readonly string[]) => Error | undefined) {
  const calls: { keys: readonly string[]; mode: string; replica: boolean }[] = [];
  const batch = async (keys: readonly string[], mode: ReadMode) => {
    calls.push({ keys, mode: mode.kind, replica: readsFromReplica() });
    await new Promise((done) => setImmediate(done));
    const error = fail?.(keys);
    if (error) throw error;
    return keys.map((key) => `${mode.kind}:${key}`);
  };
  return { batch, calls };
}

/** An error as pg reports one PostgreSQL refused, with its SQLSTATE. */
function pgError(code: string): Error {
  return Object.assign(new Error(`SQLSTATE ${code}`), { code });
}

describe('PublishedBatches: published reads shared by the requests in flight', () => {
  it('sends the keys of two requests in one statement, each request getting its own values', async () => {
    const { batch, calls } = recorder();
    const [one, two] = [new RequestLoaders(), new RequestLoaders()];
    const answers = await Promise.all([
      one.forMode(batch, PUBLISHED).load('a'),
      two.forMode(batch, PUBLISHED).load('b'),
      two.forMode(batch, PUBLISHED).load('a'),
      one.forMode(batch, PUBLISHED).load('c'),
    ]);
    expect(answers).toEqual(['PUBLISHED:a', 'PUBLISHED:b', 'PUBLISHED:a', 'PUBLISHED:c']);
    // One statement; a key both asked for is sent once.
    expect(calls).toEqual([{ keys: ['a', 'c', 'b'], mode: 'PUBLISHED', replica: false }]);
  });

  it('a request alone sends its keys as it did (the same statement, the same keys)', async () => {
    const { batch, calls } = recorder();
    const loaders = new RequestLoaders();
    await Promise.all(['x', 'y'].map((key) => loaders.forMode(batch, PUBLISHED).load(key)));
    expect(calls).toEqual([{ keys: ['x', 'y'], mode: 'PUBLISHED', replica: false }]);
  });

  it('never batches a preview with anything: each request reads its working copy alone', async () => {
    const { batch, calls } = recorder();
    const [one, two] = [new RequestLoaders(), new RequestLoaders()];
    const answers = await Promise.all([
      one.forMode(batch, previewOf(BRAND)).load('a'),
      two.forMode(batch, previewOf(BRAND)).load('b'),
      two.forMode(batch, PUBLISHED).load('c'),
    ]);
    expect(answers).toEqual(['PREVIEW:a', 'PREVIEW:b', 'PUBLISHED:c']);
    expect(calls).toHaveLength(3);
    expect(calls).toEqual(
      expect.arrayContaining([
        { keys: ['a'], mode: 'PREVIEW', replica: false },
        { keys: ['b'], mode: 'PREVIEW', replica: false },
        { keys: ['c'], mode: 'PUBLISHED', replica: false },
      ]),
    );
  });

  it('keeps requests reading on the replica and on the primary in statements of their own', async () => {
    const { batch, calls } = recorder();
    const loaders = [new RequestLoaders(), new RequestLoaders(), new RequestLoaders()];
    const answers = await Promise.all([
      readFrom(true, () => loaders[0].forMode(batch, PUBLISHED).load('r1')),
      readFrom(false, () => loaders[1].forMode(batch, PUBLISHED).load('p1')),
      readFrom(true, () => loaders[2].forMode(batch, PUBLISHED).load('r2')),
    ]);
    expect(answers).toEqual(['PUBLISHED:r1', 'PUBLISHED:p1', 'PUBLISHED:r2']);
    expect(calls).toEqual([
      { keys: ['r1', 'r2'], mode: 'PUBLISHED', replica: true },
      { keys: ['p1'], mode: 'PUBLISHED', replica: false },
    ]);
  });

  it('a value PostgreSQL refuses fails only the request whose key it was', async () => {
    const { batch, calls } = recorder((keys) =>
      keys.includes('bad') ? pgError('22P02') : undefined,
    );
    const [one, two] = [new RequestLoaders(), new RequestLoaders()];
    const [good, bad] = await Promise.allSettled([
      one.forMode(batch, PUBLISHED).load('good'),
      two.forMode(batch, PUBLISHED).load('bad'),
    ]);
    expect(good).toEqual({ status: 'fulfilled', value: 'PUBLISHED:good' });
    expect(bad).toMatchObject({ status: 'rejected', reason: { code: '22P02' } });
    // The shared statement, then each request's keys alone.
    expect(calls.map((call) => call.keys)).toEqual([['good', 'bad'], ['good'], ['bad']]);
  });

  it('an error that is no one key’s (a lost connection) fails each request once, without reading again', async () => {
    const { batch, calls } = recorder(() => pgError('08006'));
    const [one, two] = [new RequestLoaders(), new RequestLoaders()];
    const settled = await Promise.allSettled([
      one.forMode(batch, PUBLISHED).load('a'),
      two.forMode(batch, PUBLISHED).load('b'),
    ]);
    expect(settled.map((one) => one.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toHaveLength(1);
  });

  it('refuses an answer of the wrong length instead of handing out misplaced values', async () => {
    const short = async (keys: readonly string[]) => keys.slice(1);
    const [one, two] = [new RequestLoaders(), new RequestLoaders()];
    const settled = await Promise.allSettled([
      one.forMode(short, PUBLISHED).load('a'),
      two.forMode(short, PUBLISHED).load('b'),
    ]);
    expect(settled.map((one) => one.status)).toEqual(['rejected', 'rejected']);
  });

  it('keys asked for after a wave has left go in the next one', async () => {
    const { batch, calls } = recorder();
    const [one, two] = [new RequestLoaders(), new RequestLoaders()];
    const first = one.forMode(batch, PUBLISHED).load('a');
    await new Promise((done) => setImmediate(done));
    const second = two.forMode(batch, PUBLISHED).load('b');
    expect(await Promise.all([first, second])).toEqual(['PUBLISHED:a', 'PUBLISHED:b']);
    expect(calls.map((call) => call.keys)).toEqual([['a'], ['b']]);
  });
});
