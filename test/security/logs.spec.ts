import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { redactQueryString } from '../../src/logging/logger-options';
import { apiKeyHeaders } from '../helpers/api-keys';
import { DEMO_EDITORS, loginAs } from '../helpers/login';
import { startTestApp, TestApp } from '../helpers/test-app';

const BRAND = 'lumen-aesthetics';
const PASSWORD = 'Correct-Horse-Battery-9';

interface LogLine {
  level: number;
  msg?: string;
  err?: { stack?: string };
  [key: string]: unknown;
}

/** pino levels: 40 warn, 50 error. */
const ERROR = 50;

/** Issue 9.9: what the server log holds after credentials and client mistakes. */
describe('security: logs (issue 9.9)', () => {
  let app: TestApp;
  const lines: string[] = [];
  const logged = () => lines.join('');
  const parsed = (): LogLine[] => lines.map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    app = await startTestApp({ logLevel: 'debug' }, { logDestination: destination });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    lines.length = 0;
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });

  it('never logs a password or token sent in a GET query string', async () => {
    const login = `mutation { login(input: { email: "${DEMO_EDITORS.editor}", password: "${PASSWORD}" }) { accessToken } }`;
    const withVariables = encodeURIComponent(JSON.stringify({ token: 'refresh-token-123456' }));
    await get(`/graphql?query=${encodeURIComponent(login)}`);
    await get(
      `/graphql?query=${encodeURIComponent('{ brands { slug } }')}&variables=${withVariables}`,
    );
    await get(`/feeds/${BRAND}/austin-downtown/faq.jsonld?token=feed-token-654321`);

    expect(lines.length).toBeGreaterThan(0);
    expect(logged()).not.toContain(PASSWORD);
    expect(logged()).not.toContain(encodeURIComponent(PASSWORD));
    expect(logged()).not.toContain('refresh-token-123456');
    expect(logged()).not.toContain('feed-token-654321');
    expect(logged()).toContain('/graphql?query=[Redacted]');
  });

  it('never logs authorization, API key or cookie headers', async () => {
    const editor = await loginAs(app, 'editor');
    const key = await apiKeyHeaders(app, BRAND, ['delivery']);
    lines.length = 0;
    await app.graphql('{ brands { slug } }', {}, editor);
    await app.graphql('{ brands { slug } }', {}, key);
    await app.graphql(
      '{ brands { slug } }',
      {},
      { 'x-api-key': 'x-api-key-secret', cookie: 'session=cookie-secret' },
    );

    expect(lines.length).toBeGreaterThan(0);
    expect(logged()).not.toContain(editor.authorization.slice('Bearer '.length));
    expect(logged()).not.toContain(key.authorization.slice('Bearer '.length));
    expect(logged()).not.toContain('x-api-key-secret');
    expect(logged()).not.toContain('cookie-secret');
  });

  it('logs client mistakes as warnings without a stack, never as errors', async () => {
    const admin = await loginAs(app, 'admin');
    const delivery = await apiKeyHeaders(app, BRAND, ['delivery']);
    lines.length = 0;
    const mistakes = [
      // BAD_USER_INPUT
      app.graphql(`{ clinics(brand: "${BRAND}", first: 500) { totalCount } }`),
      app.graphql('query($n: Int!) { clinics(brand: "x", first: $n) { totalCount } }', { n: 'x' }),
      // GRAPHQL_VALIDATION_FAILED and GRAPHQL_PARSE_FAILED
      app.graphql(`{ brand(slug: "${BRAND}") { nam } }`),
      app.graphql('{ brand(slug: '),
      // UNAUTHENTICATED: a junk token, and preview without one
      app.graphql('{ brands { slug } }', {}, { authorization: 'Bearer junk' }),
      app.graphql(`{ brand(slug: "${BRAND}", preview: true) { slug } }`),
      // FORBIDDEN: a delivery key asking for drafts
      app.graphql(`{ brand(slug: "${BRAND}", preview: true) { slug } }`, {}, delivery),
      // NOT_FOUND: editing an item that does not exist
      app.graphql(
        `mutation { unpublish(input: { item: { type: CLINIC, id: "00000000-0000-4000-8000-000000000000", version: 1 } }) { id } }`,
        {},
        admin,
      ),
      // Wrong login
      app.graphql(
        `mutation { login(input: { email: "${DEMO_EDITORS.editor}", password: "wrong-password-1" }) { accessToken } }`,
      ),
    ];
    for (const answer of await Promise.all(mistakes)) {
      expect(answer.body.errors?.length).toBeGreaterThan(0);
    }
    // Automatic persisted queries: an unknown hash, then a hash that does not match.
    const notFound = await get(
      `/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } }))}`,
    );
    expect(await notFound.json()).toMatchObject({
      errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
    });
    const mismatch = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        // A query of its own: the response cache would answer a cached one first.
        query: `{ brand(slug: "${BRAND}") { name } }`,
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } },
      }),
    });
    expect(await mismatch.json()).toEqual({
      errors: [
        {
          message: 'The persistedQuery sha256Hash is not the SHA-256 of the query sent with it',
          extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
        },
      ],
    });

    const entries = parsed();
    expect(entries.length).toBeGreaterThan(0);
    expect(
      entries.filter((entry) => entry.level >= ERROR).map((entry) => [entry.context, entry.msg]),
    ).toEqual([]);
    expect(logged()).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it('answers malformed feed addresses with 400, not 500', async () => {
    for (const path of [
      '/feeds/%00/x/faq.jsonld',
      `/feeds/${BRAND}/%00/faq.jsonld`,
      `/feeds/${BRAND}/austin-downtown/%00/faq.jsonld`,
    ]) {
      const response = await fetch(`${app.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(await response.json()).toMatchObject({ error: 'BAD_USER_INPUT' });
    }
    // Not even percent-decodable: Express refuses it before the controller.
    expect((await fetch(`${app.url}/feeds/%E0%A4%A/x/faq.jsonld`)).status).toBe(400);
    expect(parsed().filter((entry) => entry.level >= ERROR)).toEqual([]);
  });
});

describe('redactQueryString', () => {
  it('keeps the path, parameter names, operationName and extensions; redacts other values', () => {
    expect(redactQueryString('/graphql')).toBe('/graphql');
    expect(
      redactQueryString(
        '/graphql?query=%7B%20a%20%7D&operationName=Page&variables=%7B%7D&extensions=x&flag',
      ),
    ).toBe('/graphql?query=[Redacted]&operationName=Page&variables=[Redacted]&extensions=x&flag');
  });
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
