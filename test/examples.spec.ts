import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApolloClient, refetchPrices, treatmentPage } from '../examples/apollo-client';
import { clinicFaqs, createGraphqlRequestClient } from '../examples/graphql-request';
import { jsonLdElement } from '../examples/json-ld';
import { fetchClinicPage } from '../examples/server-fetch';
import { treatmentPrices } from '../examples/typed-operations';
import { clinicsInRegion, createUrqlClient } from '../examples/urql';
import { startTestApp, TestApp } from './helpers/test-app';

const ROOT = join(__dirname, '..');
const GUIDE = 'docs/clients.md';

/**
 * docs/clients.md: every example it shows runs here against the seeded API,
 * and every code block tagged with a file path is that file, so the guide
 * cannot drift from code that works.
 */
describe('docs/clients.md examples', () => {
  let app: TestApp;
  let endpoint: string;
  let methods: string[];

  beforeAll(async () => {
    app = await startTestApp();
    endpoint = `${app.url}/graphql`;
  });
  afterAll(() => app.close());

  /** Records the HTTP method of each request the clients send, and lets it through. */
  beforeEach(() => {
    methods = [];
    const realFetch = globalThis.fetch;
    jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      methods.push(init?.method ?? (input instanceof Request ? input.method : 'GET'));
      return realFetch(input, init);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  describe('the guide shows the example files as they are', () => {
    const guide = readFileSync(join(ROOT, GUIDE), 'utf8');
    const blocks = [...guide.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)].map(
      ([, path, code]) => ({ path, code }),
    );

    it('shows every example file once', () => {
      const examples = readdirSync(join(ROOT, 'examples'))
        .filter((name) => name.endsWith('.ts'))
        .map((name) => `examples/${name}`)
        .sort();
      expect(blocks.map((block) => block.path).sort()).toEqual(examples);
    });

    it.each(blocks)('$path is the file', ({ path, code }) => {
      expect(code).toBe(readFileSync(join(ROOT, path), 'utf8'));
    });
  });

  describe('Apollo Client with InMemoryCache', () => {
    it('keeps each clinic its own prices: Austin, Dallas, then Austin again from the cache', async () => {
      const client = createApolloClient(endpoint);
      const austin = await treatmentPage(client, 'austin-downtown', 'micro-needling');
      const dallas = await treatmentPage(client, 'dallas-uptown', 'micro-needling');
      const sent = methods.length;
      const austinAgain = await treatmentPage(client, 'austin-downtown', 'micro-needling');

      expect(methods.length).toBe(sent); // from the cache
      expect(austinAgain).toEqual(austin);
      expect(austin?.prices).toContainEqual(
        expect.objectContaining({
          label: 'Micro-needling session',
          amount: expect.objectContaining({ formatted: '$349.00' }),
        }),
      );
      expect(austin?.disclaimerHtml).toContain('Austin Downtown');
      expect(dallas?.disclaimerHtml ?? '').not.toContain('Austin Downtown');
      expect(austin?.id).not.toBe(dallas?.id);
      expect(austin?.itemId).toBe(dallas?.itemId);
      // Queries went out as GETs by hash (APQ): a first try, a POST that registers.
      expect(methods).toContain('GET');
    });

    it('refetches what the page shows with node(id:)', async () => {
      const client = createApolloClient(endpoint);
      const austin = await treatmentPage(client, 'austin-downtown', 'micro-needling');
      const node = await refetchPrices(client, austin!.id);
      expect(node?.id).toBe(austin?.id);
      expect(node?.prices).toEqual(
        austin?.prices.map(({ id, label }) => ({ __typename: 'PriceItem', id, label })),
      );
    });

    it('a second visitor is answered by GET with the hash alone', async () => {
      await treatmentPage(createApolloClient(endpoint), 'houston-galleria', 'micro-needling');
      methods = [];
      await treatmentPage(createApolloClient(endpoint), 'houston-galleria', 'micro-needling');
      expect(methods).toEqual(['GET']);
    });
  });

  it('a server component fetches a clinic page by GET', async () => {
    const page = await fetchClinicPage(endpoint, 'austin-downtown');
    expect(methods).toEqual(['GET']);
    expect(page?.name).toBe('Lumen Aesthetics Austin Downtown');
    expect(page?.treatments.map((treatment) => treatment.slug)).toContain('micro-needling');
    expect(await fetchClinicPage(endpoint, 'no-such-clinic')).toBeNull();
  });

  it('urql reads the locator by GET, its default', async () => {
    const clinics = await clinicsInRegion(createUrqlClient(endpoint), 'texas');
    expect(methods).toEqual(['GET']);
    expect(clinics.map((clinic) => clinic.slug)).toEqual(
      expect.arrayContaining(['austin-downtown', 'dallas-uptown', 'houston-galleria']),
    );
    expect(clinics.map((clinic) => clinic.slug)).not.toContain('denver-cherry-creek');
  });

  it("graphql-request reads a clinic's FAQs by GET", async () => {
    const faqs = await clinicFaqs(
      createGraphqlRequestClient(endpoint),
      'austin-downtown',
      'micro-needling',
    );
    expect(methods).toEqual(['GET']);
    expect(faqs.length).toBeGreaterThan(0);
    for (const faq of faqs) expect(faq.answerHtml).not.toMatch(/<script/i);
  });

  it('codegen-typed operations read the typed prices', async () => {
    const prices = await treatmentPrices(endpoint, 'austin-downtown', 'micro-needling');
    expect(prices).toContainEqual(
      expect.objectContaining({
        label: 'Micro-needling session',
        kind: 'SINGLE_SESSION',
        amount: { amountMinor: 34900, currency: 'USD', formatted: '$349.00' },
      }),
    );
  });

  it('embeds jsonLdScript unescaped: one closing tag, and it parses to jsonLd', async () => {
    const { body } = await app.graphql<{ clinic: { jsonLd: unknown; jsonLdScript: string } }>(
      `{ clinic(brand: "lumen-aesthetics", slug: "austin-downtown") { jsonLd jsonLdScript } }`,
    );
    const element = jsonLdElement(body.data!.clinic.jsonLdScript);
    expect(element.match(/<\/script/gi)).toHaveLength(1);
    const inner = element.slice(element.indexOf('>') + 1, element.lastIndexOf('</script>'));
    expect(JSON.parse(inner)).toEqual(body.data!.clinic.jsonLd);
  });

  describe('the caching policy the guide states', () => {
    const query = `query PolicyBrand($brand: String!) { brand(slug: $brand) { name } }`;
    const getUrl = () =>
      `${endpoint}?${new URLSearchParams({ query, variables: JSON.stringify({ brand: 'lumen-aesthetics' }) })}`;

    it('anonymous GET: public for 60 s, a weak ETag, 304 when it still holds', async () => {
      const first = await fetch(getUrl());
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^W\/"/);
      const again = await fetch(getUrl(), { headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
    });

    it('POST: private, no-cache (revalidate)', async () => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { brand: 'lumen-aesthetics' } }),
      });
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
    });

    it('preview, whatever its value, and mutations: no-store', async () => {
      const preview = await fetch(
        `${endpoint}?${new URLSearchParams({ query: '{ brand(slug: "lumen-aesthetics", preview: false) { name } }' })}`,
      );
      expect(preview.status).toBe(200);
      expect(preview.headers.get('cache-control')).toBe('no-store');
      expect(preview.headers.get('etag')).toBeNull();

      const mutation = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { logout }' }),
      });
      expect(mutation.headers.get('cache-control')).toBe('no-store');
    });
  });
});
