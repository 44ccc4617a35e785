import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ResponseCacheService } from '../../src/response-cache/response-cache.service';
import { startTestApp, TestApp } from '../helpers/test-app';

const BRAND = 'lumen-aesthetics';
/** A clinic page well above the compression threshold. */
const PAGE = `query Page($brand: String!) {
  clinics(brand: $brand, first: 5) {
    edges { node { name slug phone jsonLd address { city }
      treatments { name summary prices { label amount { formatted } } } } }
  }
}`;

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes on the wire, before any decoding. */
  body: Buffer;
}

/** node:http, which (unlike fetch) leaves the body as it came and sends no Accept-Encoding of its own. */
function rawGet(app: TestApp, headers: Record<string, string>, query = PAGE): Promise<RawAnswer> {
  const search = new URLSearchParams({ query, variables: JSON.stringify({ brand: BRAND }) });
  return new Promise((resolve, reject) => {
    http
      .get(`${app.url}/graphql?${search}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

const decode = (answer: RawAnswer) =>
  answer.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(answer.body)
    : answer.headers['content-encoding'] === 'gzip'
      ? gunzipSync(answer.body)
      : answer.body;

/** A stored answer served in the form it is kept in (not compressed on the fly): it has a length. */
async function precompressedHit(app: TestApp, encoding: string, query = PAGE): Promise<RawAnswer> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const answer = await rawGet(app, { 'accept-encoding': encoding }, query);
    if (answer.headers['x-cache'] === 'HIT' && answer.headers['content-length']) return answer;
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error('the stored answer was never served precompressed');
}

/** Issue 10, item 4: compression, with the response cache and ETags. */
describe('web clients: compression', () => {
  let app: TestApp;
  let uncached: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    uncached = await startTestApp({ responseCacheTtlSeconds: 0 });
  });
  afterAll(async () => {
    await app.close();
    await uncached.close();
  });

  it('compresses per Accept-Encoding, with Vary: Accept-Encoding', async () => {
    const identity = await rawGet(uncached, { 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.length).toBeGreaterThan(1024);
    for (const encoding of ['br', 'gzip']) {
      const answer = await rawGet(uncached, { 'accept-encoding': encoding });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(answer.body.length).toBeLessThan(identity.body.length / 3);
      expect(decode(answer).equals(identity.body)).toBe(true);
    }
    // A client that names both gets brotli.
    const both = await rawGet(uncached, { 'accept-encoding': 'gzip, deflate, br' });
    expect(both.headers['content-encoding']).toBe('br');
  });

  it('leaves small answers alone', async () => {
    const response = await fetch(`${uncached.url}/health/live`, {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(response.headers.get('content-encoding')).toBeNull();
  });

  it('serves cached answers compressed once, at store time, with one ETag that revalidates in every encoding', async () => {
    const miss = await rawGet(app, { 'accept-encoding': 'br' });
    expect(miss.headers['x-cache']).toBe('MISS');
    const etag = miss.headers.etag!;
    expect(etag).toMatch(/^W\//);

    // Precompressed bytes have a length; on-the-fly compression streams (chunked).
    const br = await precompressedHit(app, 'br');
    const gzip = await precompressedHit(app, 'gzip');
    const plain = await rawGet(app, { 'accept-encoding': 'identity' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const answer of [br, gzip, plain]) {
      expect(answer.headers.etag).toBe(etag);
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(decode(answer).equals(decode(miss))).toBe(true);
    }

    for (const encoding of ['br', 'gzip', 'identity']) {
      const notModified = await rawGet(app, { 'accept-encoding': encoding, 'if-none-match': etag });
      expect(notModified.status).toBe(304);
      expect(notModified.body.length).toBe(0);
    }
  });

  it('compresses a page once: its miss waits for the forms it is stored with, not for a compression of its own', async () => {
    // A query of its own, asked for the first time: after a publish every
    // page is a miss like this one, and a second compression per page (on
    // the fly, for the miss) cost a core as much as the stored forms.
    const query = PAGE.replace('first: 5', 'first: 3');
    const miss = await rawGet(app, { 'accept-encoding': 'br' }, query);
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(miss.headers['content-encoding']).toBe('br');
    expect(miss.headers['content-length']).toBe(String(miss.body.length));
    const hit = await rawGet(app, { 'accept-encoding': 'br' }, query);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers.etag).toBe(miss.headers.etag);
    expect(hit.body.equals(miss.body)).toBe(true);
    const plain = await rawGet(uncached, { 'accept-encoding': 'identity' }, query);
    expect(decode(miss).equals(plain.body)).toBe(true);
  });

  it('sends a miss as it is while pages a publish made stale are rendered again, and makes its forms once they are done', async () => {
    // After a publish every cached page of the brand is rendered again at
    // once: the renders go first, and the stored forms (and no on-the-fly
    // compression either) wait until the last one ends.
    const query = PAGE.replace('first: 5', 'first: 2');
    const otherRender = app.app.get(ResponseCacheService).rerenderStarted();
    let miss: RawAnswer;
    try {
      miss = await rawGet(app, { 'accept-encoding': 'br, gzip' }, query);
    } finally {
      otherRender();
    }
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(miss.headers['content-encoding']).toBeUndefined();
    expect(miss.headers['content-length']).toBe(String(miss.body.length));
    const plain = await rawGet(uncached, { 'accept-encoding': 'identity' }, query);
    expect(miss.body.equals(plain.body)).toBe(true);

    // Once the other render ended, the stored forms are made and served.
    const br = await precompressedHit(app, 'br', query);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.etag).toBe(miss.headers.etag);
    expect(decode(br).equals(miss.body)).toBe(true);
  });

  it('answers a client that accepts no compression with the stored answer’s exact bytes', async () => {
    // A query of its own: the stored answer keeps only its compressed forms
    // once they are made, and a client without gzip gets them inflated.
    // Other specs publish to the same brand: when that moves the page's
    // generation mid-test, its hits turn into misses, and the test starts
    // again with another page of its own (an alias), at most three times.
    const clients: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ];
    for (let attempt = 1; ; attempt++) {
      const query = PAGE.replace('first: 5', 'first: 4').replace(
        'clinics(',
        `page${attempt}: clinics(`,
      );
      const miss = await rawGet(app, {}, query);
      expect(miss.headers['x-cache']).toBe('MISS');
      expect(miss.headers['content-encoding']).toBeUndefined();
      await precompressedHit(app, 'gzip', query);

      const hits: RawAnswer[] = [];
      for (const headers of clients) hits.push(await rawGet(app, headers, query));
      if (attempt < 3 && hits.some((hit) => hit.headers['x-cache'] !== 'HIT')) continue;
      for (const hit of hits) {
        expect(hit.headers['x-cache']).toBe('HIT');
        expect(hit.headers['content-encoding']).toBeUndefined();
        expect(hit.headers.etag).toBe(miss.headers.etag);
        expect(Number(hit.headers['content-length'])).toBe(miss.body.length);
        expect(hit.body.equals(miss.body)).toBe(true);
      }
      return;
    }
  });
});
