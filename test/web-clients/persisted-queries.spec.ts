import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { print } from 'graphql';
import { createHash } from 'node:crypto';
import { startTestApp, TestApp } from '../helpers/test-app';
import { newBrand } from '../helpers/factories';

/** With the __typename fields Apollo Client adds, so a plain POST sends the very same text. */
const CLINICS = gql`
  query ApqClinics($brand: String!) {
    clinics(brand: $brand, first: 3) {
      totalCount
      edges {
        node {
          slug
          name
          __typename
        }
        __typename
      }
      __typename
    }
  }
`;
/** What Apollo Client 4's HttpLink sends as Accept (the cache keys on the media type). */
const APOLLO_ACCEPT = 'application/graphql-response+json,application/json;q=0.9';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Sent {
  method: string;
  hasQuery: boolean;
  status: number;
  cache: string | null;
}

/**
 * Issue 10, item 5: APQ behind the response cache. An SSR site registers a
 * query the cache already answers; the hash must be kept all the same, so
 * browsers' GETs by hash are answered at once.
 */
describe('web clients: automatic persisted queries with the response cache', () => {
  let app: TestApp;
  /** A brand of its own: no other spec's publish empties the cached answers these tests prime. */
  let brand: string;

  beforeAll(async () => {
    app = await startTestApp();
    brand = (await newBrand(app.dataSource)).slug;
  });
  afterAll(() => app.close());

  /** A fresh Apollo Client (its own cache), recording what it sends. */
  const apolloClient = (sent: Sent[]) => {
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = input instanceof Request ? input.url : input.toString();
      sent.push({
        method: init?.method ?? 'GET',
        hasQuery:
          init?.method === 'POST'
            ? typeof init.body === 'string' && init.body.includes('"query"')
            : /[?&]query=/.test(url),
        status: response.status,
        cache: response.headers.get('x-cache'),
      });
      return response;
    };
    return new ApolloClient({
      cache: new InMemoryCache(),
      link: ApolloLink.from([
        new PersistedQueryLink({ useGETForHashedQueries: true, sha256 }),
        new HttpLink({ uri: `${app.url}/graphql`, fetch: recordingFetch }),
      ]),
    });
  };

  it('registers the hash on a cache hit, so the next client is answered by GET at once', async () => {
    // A plain POST of the same operation, as Apollo Client's HttpLink sends
    // it (operation name and Accept included), fills the response cache.
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: APOLLO_ACCEPT },
      body: JSON.stringify({
        operationName: 'ApqClinics',
        query: print(CLINICS),
        variables: { brand },
      }),
    });
    const plain = { body: await response.json() };
    expect(plain.body.errors).toBeUndefined();
    expect(response.headers.get('x-cache')).toBe('MISS');

    const first: Sent[] = [];
    const ssr = await apolloClient(first).query({ query: CLINICS, variables: { brand } });
    expect(ssr.data).toEqual(plain.body.data);
    // Hash unknown → the link registers it with the full query, answered from the cache.
    expect(first).toEqual([
      { method: 'GET', hasQuery: false, status: 200, cache: null },
      { method: 'POST', hasQuery: true, status: 200, cache: 'HIT' },
    ]);

    const second: Sent[] = [];
    const browser = await apolloClient(second).query({
      query: CLINICS,
      variables: { brand },
    });
    expect(browser.data).toEqual(plain.body.data);
    expect(second).toEqual([{ method: 'GET', hasQuery: false, status: 200, cache: 'HIT' }]);
  });

  it('answers a hash that is not its query’s 400 PERSISTED_QUERY_HASH_MISMATCH, cached or not', async () => {
    const query = print(CLINICS);
    await app.graphql(query, { brand }); // cached
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query,
        variables: { brand },
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256('something else') } },
      }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-cache')).toBeNull();
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });
});
