import { Client, fetchExchange, gql } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { startTestApp, TestApp } from '../helpers/test-app';

const BRAND = 'lumen-aesthetics';
const BRAND_QUERY = `query BrandName($brand: String!) { brand(slug: $brand) { name slug } }`;

/**
 * Issue 10, item 3: queries over GET with the clients' own defaults. The API
 * authenticates with bearer tokens and API keys, never cookies, so only a
 * request that carries a cookie must prove it was preflighted.
 */
describe('web clients: GET queries with client defaults', () => {
  let app: TestApp;
  let methods: string[];

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());
  beforeEach(() => {
    methods = [];
  });

  /** fetch that records the method each client chose. */
  const recordingFetch: typeof fetch = (input, init) => {
    methods.push(init?.method ?? 'GET');
    return fetch(input, init);
  };

  it('urql (GET by default) reads a query', async () => {
    const client = new Client({
      url: `${app.url}/graphql`,
      exchanges: [fetchExchange],
      fetch: recordingFetch,
    });
    const result = await client.query(gql(BRAND_QUERY), { brand: BRAND }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ brand: { name: expect.any(String), slug: BRAND } });
    expect(methods).toEqual(['GET']);
  });

  it("graphql-request with method: 'GET' reads a query", async () => {
    const client = new GraphQLClient(`${app.url}/graphql`, {
      method: 'GET',
      fetch: recordingFetch,
    });
    const data = await client.request<{ brand: { slug: string } }>(BRAND_QUERY, { brand: BRAND });
    expect(data.brand.slug).toBe(BRAND);
    expect(methods).toEqual(['GET']);
  });

  it('a mutation over GET stays refused', async () => {
    const mutation = `mutation { logout }`;
    const response = await fetch(`${app.url}/graphql?${new URLSearchParams({ query: mutation })}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('a request that carries a cookie still needs the CSRF preflight header', async () => {
    const url = `${app.url}/graphql?${new URLSearchParams({
      query: BRAND_QUERY,
      variables: JSON.stringify({ brand: BRAND }),
    })}`;
    const forged = await fetch(url, { headers: { cookie: 'refresh=secret' } });
    expect(forged.status).toBe(400);
    expect((await forged.json()).errors[0].extensions.code).toBe('CSRF_PREVENTED');

    const simplePost = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { cookie: 'refresh=secret', 'content-type': 'text/plain' },
      body: JSON.stringify({ query: BRAND_QUERY, variables: { brand: BRAND } }),
    });
    expect(simplePost.status).toBe(400);

    const preflighted = await fetch(url, {
      headers: { cookie: 'refresh=secret', 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
    const json = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { cookie: 'refresh=secret', 'content-type': 'application/json' },
      body: JSON.stringify({ query: BRAND_QUERY, variables: { brand: BRAND } }),
    });
    expect((await json.json()).data.brand.slug).toBe(BRAND);
  });
});
