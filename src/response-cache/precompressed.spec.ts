import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { CachedAnswer } from './cache-store';
import { compressOnce, identityOf, storedForms } from './precompressed';

describe('compressOnce', () => {
  const body = Buffer.from(
    JSON.stringify({
      data: Array.from({ length: 400 }, (_, i) => ({ slug: `clinic-${i}`, name: `Clinic ${i}` })),
    }),
  );

  it('keeps each compressed form in memory of its own length, not in zlib’s output chunk', async () => {
    const { br, gzip } = await compressOnce(body);
    // What the store counts for the answer is what it holds.
    expect(br!.buffer.byteLength).toBe(br!.length);
    expect(gzip!.buffer.byteLength).toBe(gzip!.length);
    expect(brotliDecompressSync(br!)).toEqual(body);
    expect(gunzipSync(gzip!)).toEqual(body);
  });
});

describe('storedForms and identityOf', () => {
  const answer = (forms: Pick<CachedAnswer, 'body' | 'encodings'>): CachedAnswer => ({
    generations: [1],
    etag: 'W/"x"',
    contentType: 'application/json',
    ...forms,
  });

  it('keeps the compressed forms without the identity bytes, and inflates those exactly from gzip', async () => {
    // Not ASCII only, and longer than zlib's 16 KB output chunk.
    const body = Buffer.from(
      JSON.stringify({
        data: Array.from({ length: 600 }, (_, i) => ({ name: `Clinique n°${i}` })),
      }),
    );
    const kept = storedForms(body, await compressOnce(body));
    expect(kept.body).toBeUndefined();
    expect(kept.encodings?.br).toBeDefined();
    const identity = identityOf(answer(kept));
    expect(identity.equals(body)).toBe(true);
    expect(identity.buffer.byteLength).toBeGreaterThanOrEqual(body.length);
  });

  it('keeps the identity bytes of an answer that has no gzip form', async () => {
    const small = Buffer.from('{"data":{"ok":true}}');
    const kept = storedForms(small, await compressOnce(small));
    expect(kept.body).toBe(small);
    expect(identityOf(answer(kept))).toBe(small);
  });
});
