import { previewOf, PUBLISHED, type ReadMode } from '../read-mode/read-mode';
import { RequestLoaders } from './request-loaders';

describe('RequestLoaders.forMode', () => {
  const brand = '0b6c6f3e-8d2a-4c55-9f0e-2d7a1c3b4e5f';

  it('batches keys per mode and never answers one mode from the other', async () => {
    const calls: [readonly string[], string][] = [];
    const batch = async (keys: readonly string[], mode: ReadMode) => {
      calls.push([keys, mode.kind]);
      return keys.map((key) => `${mode.kind}:${key}`);
    };
    const loaders = new RequestLoaders();
    const answers = await Promise.all([
      loaders.forMode(batch, PUBLISHED).load('a'),
      loaders.forMode(batch, previewOf(brand)).load('a'),
      loaders.forMode(batch, PUBLISHED).load('b'),
    ]);
    expect(answers).toEqual(['PUBLISHED:a', 'PREVIEW:a', 'PUBLISHED:b']);
    expect(calls).toEqual([
      [['a', 'b'], 'PUBLISHED'],
      [['a'], 'PREVIEW'],
    ]);
    expect(loaders.forMode(batch, previewOf(brand))).toBe(
      loaders.forMode(batch, previewOf(brand.toUpperCase())),
    );
  });
});
