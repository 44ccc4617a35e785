import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compressOnce } from './precompressed';

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
