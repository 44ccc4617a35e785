import { MemoryCacheStore, type CachedAnswer } from './cache-store';

const KB = 1024;

function answer(bytes: number, compressed = 0): CachedAnswer {
  return {
    generations: [1],
    etag: 'W/"x"',
    contentType: 'application/json',
    body: Buffer.alloc(bytes),
    ...(compressed ? { encodings: { br: Buffer.alloc(compressed) } } : {}),
  };
}

describe('MemoryCacheStore', () => {
  it('keeps what fits in its budget, counting compressed forms, and drops the least recently used', async () => {
    // 100 KB holds two 40 KB answers with 8 KB compressed forms, not three.
    const store = new MemoryCacheStore(100 * KB);
    await store.save('a', answer(40 * KB, 8 * KB), 60);
    await store.save('b', answer(40 * KB, 8 * KB), 60);
    expect(await store.get('a')).toBeDefined(); // a is now the most recent
    await store.save('c', answer(40 * KB, 8 * KB), 60);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBeDefined();
    expect(await store.get('c')).toBeDefined();
  });

  it('counts only the forms an answer keeps: compressed, without its identity bytes', async () => {
    // 100 KB holds five answers kept as 8 + 10 KB compressed forms, which
    // would take 58 KB each with 40 KB identity bytes.
    const store = new MemoryCacheStore(100 * KB);
    const compressed = (): CachedAnswer => ({
      generations: [1],
      etag: 'W/"x"',
      contentType: 'application/json',
      encodings: { br: Buffer.alloc(8 * KB), gzip: Buffer.alloc(10 * KB) },
    });
    const keys = ['a', 'b', 'c', 'd', 'e'];
    for (const key of keys) await store.save(key, compressed(), 60);
    for (const key of keys) expect(await store.get(key)).toBeDefined();
  });

  it('holds a working set as large as its budget, every entry of it', async () => {
    const store = new MemoryCacheStore(1024 * KB);
    const keys = Array.from({ length: 18 }, (_, i) => `page-${i}`);
    for (const key of keys) await store.save(key, answer(48 * KB, 8 * KB), 60);
    // Read round after round in the same order: nothing of the set is evicted.
    for (let round = 0; round < 3; round++) {
      for (const key of keys) expect(await store.get(key)).toBeDefined();
    }
  });

  it('does not keep an answer larger than the whole budget', async () => {
    const store = new MemoryCacheStore(10 * KB);
    await store.save('big', answer(20 * KB), 60);
    expect(await store.get('big')).toBeUndefined();
  });

  it('keeps persisted queries beside answers, and forgets expired entries', async () => {
    let now = 1_000;
    const store = new MemoryCacheStore(100 * KB, { now: () => now });
    await store.setText('apq:h', 'query { x }', 10);
    await store.save('page', answer(1 * KB), 10);
    expect(await store.getText('apq:h')).toBe('query { x }');
    expect(await store.get('apq:h')).toBeUndefined();
    now = 12_000;
    expect(await store.getText('apq:h')).toBeUndefined();
    expect(await store.get('page')).toBeUndefined();
  });
});
