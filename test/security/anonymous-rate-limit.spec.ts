import { apiKeyHeaders } from '../helpers/api-keys';
import { loginAs } from '../helpers/login';
import { startTestApp, TestApp } from '../helpers/test-app';

const BRAND = 'lumen-aesthetics';
const LIMIT = 4;
const QUERY = `{ brand(slug: "${BRAND}") { slug } }`;
const FEED = `/feeds/${BRAND}/austin-downtown/faq.jsonld`;

/** Issue 9.10: one address floods delivery and /feeds without a key. */
describe('security: anonymous per-address rate limit (issue 9.10)', () => {
  let app: TestApp;
  let editor: Record<string, string>;
  let deliveryKey: Record<string, string>;

  beforeAll(async () => {
    // Its own app, so its in-process count starts at zero.
    app = await startTestApp({ anonymousRateLimitPerMinute: LIMIT });
    deliveryKey = await apiKeyHeaders(app, BRAND, ['delivery']);
    editor = await loginAs(app, 'editor'); // 1 anonymous request (the login)
  });
  afterAll(() => app.close());

  it('answers 429 with Retry-After and RATE_LIMITED once an address is over the limit, on /graphql and /feeds', async () => {
    // The login used one; /graphql and /feeds share the rest.
    expect((await app.graphql(QUERY)).status).toBe(200);
    expect((await fetch(`${app.url}${FEED}`)).status).toBe(200);
    expect((await app.graphql(QUERY)).status).toBe(200);

    const refused = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: `Rate limit reached: anonymous callers may make ${LIMIT} requests per minute from one address. Retry in ${retryAfter} s.`,
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
        },
      ],
    });

    const feed = await fetch(`${app.url}${FEED}`);
    expect(feed.status).toBe(429);
    expect(Number(feed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await feed.json()).toEqual({
      error: 'RATE_LIMITED',
      message: expect.stringMatching(/^Rate limit reached: anonymous callers may make 4 /),
    });
  });

  it('counts a refused credential as anonymous: junk tokens do not escape the limit', async () => {
    const { status, body } = await app.graphql(QUERY, {}, { authorization: 'Bearer junk' });
    expect(status).toBe(429);
    expect(body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('leaves editors and API keys to their own limits', async () => {
    for (let i = 0; i < LIMIT + 2; i++) {
      const asKey = await app.graphql(QUERY, {}, deliveryKey);
      expect(asKey).toEqual({ status: 200, body: { data: { brand: { slug: BRAND } } } });
      const asEditor = await app.graphql(QUERY, {}, editor);
      expect(asEditor).toEqual({ status: 200, body: { data: { brand: { slug: BRAND } } } });
    }
  });

  it('is off unless configured in tests, on by default elsewhere (see app-config.spec)', async () => {
    const unlimited = await startTestApp();
    try {
      for (let i = 0; i < LIMIT + 2; i++) {
        expect((await unlimited.graphql(QUERY)).status).toBe(200);
      }
    } finally {
      await unlimited.close();
    }
  });
});
