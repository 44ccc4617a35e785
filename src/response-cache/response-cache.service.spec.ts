import type { AppConfig } from '../config/app-config';
import type { PublishedChanges } from '../editing/published-changes';
import type { CachedAnswer } from './cache-store';
import { identityOf } from './precompressed';
import { ResponseCacheService } from './response-cache.service';

describe('ResponseCacheService.save', () => {
  it('keeps an answer at once, then only its compressed forms once they are made', async () => {
    const config = { responseCacheMemoryMb: 1, responseCacheTtlSeconds: 60 } as AppConfig;
    const service = new ResponseCacheService(config, 'spec', {} as PublishedChanges);
    const body = Buffer.from(
      JSON.stringify({ data: Array.from({ length: 300 }, (_, i) => ({ name: `Clinic ${i}` })) }),
    );
    const answer: CachedAnswer = {
      generations: [1],
      etag: 'W/"a"',
      contentType: 'application/json; charset=utf-8',
      body,
    };
    service.save('page', answer);

    // Until compressed, the answer as rendered; then its compressed forms alone.
    let stored = await service.store.get('page');
    expect(stored?.body).toBe(body);
    while (!stored?.encodings) {
      await new Promise((done) => setImmediate(done));
      stored = await service.store.get('page');
    }
    expect(stored.body).toBeUndefined();
    expect(Object.keys(stored.encodings).sort()).toEqual(['br', 'gzip']);
    expect(identityOf(stored).equals(body)).toBe(true);
    expect(stored.etag).toBe(answer.etag);
  });
});
