import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLObjectType } from 'graphql';
import { CLINIC_PAGE_QUERY, LOCATOR_QUERY } from '../bench/workloads';
import { executionCounts } from '../src/graphql/compiled-execution.plugin';
import { createSizedNetwork } from './fixtures/sized-network';
import { startTestApp, TestApp } from './helpers/test-app';

const BRAND = 'compiled-5';

describe('Queries run compiled (graphql-jit) from their second sighting', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Uncached: every request reaches Apollo.
    app = await startTestApp({ responseCacheTtlSeconds: 0 });
    await createSizedNetwork(app.dataSource, BRAND, 5);
  });
  afterAll(() => app.close());

  /** The answer as sent: status and body text, byte for byte. */
  const send = async (query: string, variables: Record<string, unknown> = {}, to = app) => {
    const response = await fetch(`${to.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      body: await response.text(),
      cache: response.headers.get('x-cache'),
    };
  };

  /** What `send` did, counted by the plugin: how many queries ran compiled and by graphql-js. */
  const counted = async <T>(action: () => Promise<T>) => {
    const before = { ...executionCounts };
    const result = await action();
    return {
      result,
      compiled: executionCounts.compiled - before.compiled,
      graphqlJs: executionCounts.graphqlJs - before.graphqlJs,
    };
  };

  it('answers a page the second time with the compiled query, byte for byte as graphql-js did', async () => {
    for (const [query, variables] of [
      [CLINIC_PAGE_QUERY, { brand: BRAND, clinic: 'clinic-1', treatment: 'peel' }],
      [LOCATOR_QUERY, { brand: BRAND, region: 'region' }],
    ] as const) {
      const first = await counted(() => send(query, variables));
      expect(first).toMatchObject({ compiled: 0, graphqlJs: 1 });
      const second = await counted(() => send(query, variables));
      expect(second).toMatchObject({ compiled: 1, graphqlJs: 0 });
      expect(second.result).toEqual(first.result);
      expect(JSON.parse(first.result.body).errors).toBeUndefined();
    }
  });

  it('resolves the app’s plain fields as plain properties, so compiled queries read them inline', () => {
    const { schema } = app.app.get(GraphQLSchemaHost);
    const field = (type: string, name: string) =>
      (schema.getType(type) as GraphQLObjectType).getFields()[name];
    // Nest's reader taken off (src/graphql/plain-fields.ts) ...
    for (const [type, name] of [
      ['PartnerClinic', 'name'],
      ['PartnerPriceItem', 'validFrom'],
      ['ContentChange', 'priceItem'],
    ]) {
      expect(field(type, name).resolve).toBeUndefined();
    }
    // ... real resolvers kept.
    expect(field('Clinic', 'treatment').resolve).toBeDefined();
    expect(field('Query', 'contentChanges').resolve).toBeDefined();
  });

  it('answers with graphql-js a query whose compiled run met an error: the same partial data, errors and status', async () => {
    const query = `query($brand: String!) {
      brands { slug }
      node(id: "not-an-id") { id }
      clinic(brand: $brand, slug: "clinic-1") { name }
    }`;
    const first = await counted(() => send(query, { brand: BRAND }));
    const again = await counted(() => send(query, { brand: BRAND }));
    expect(again).toMatchObject({ compiled: 0, graphqlJs: 1 });
    expect(again.result).toEqual(first.result);
    const { data, errors } = JSON.parse(again.result.body);
    expect(again.result.status).toBe(200);
    expect(data.node).toBeNull();
    expect(data.clinic.name).toBeTruthy();
    expect(errors).toMatchObject([{ path: ['node'], extensions: { code: 'BAD_USER_INPUT' } }]);
  });

  it('keeps a compiled answer in the response cache as it kept graphql-js’s', async () => {
    const cached = await startTestApp();
    try {
      const page = (clinic: string) =>
        send(CLINIC_PAGE_QUERY, { brand: BRAND, clinic, treatment: 'peel' }, cached);
      expect(await counted(() => page('clinic-1'))).toMatchObject({ graphqlJs: 1 });
      const compiled = await counted(() => page('clinic-2'));
      expect(compiled).toMatchObject({ compiled: 1, result: { status: 200, cache: 'MISS' } });
      const again = await counted(() => page('clinic-2'));
      expect(again).toMatchObject({ compiled: 0, graphqlJs: 0, result: { cache: 'HIT' } });
      expect(again.result.body).toBe(compiled.result.body);
    } finally {
      await cached.close();
    }
  });

  it('refuses a document over the limits before either executor runs', async () => {
    const tooCostly = `query($brand: String!) { clinics(brand: $brand, first: 100) { edges { node {
      a: treatment(slug: "a") { jsonLd } b: treatment(slug: "b") { jsonLd }
      c: treatment(slug: "c") { jsonLd } d: treatment(slug: "d") { jsonLd } } } } }`;
    for (let i = 0; i < 2; i++) {
      const refused = await counted(() => send(tooCostly, { brand: BRAND }));
      expect(refused).toMatchObject({ compiled: 0, graphqlJs: 0, result: { status: 400 } });
      expect(JSON.parse(refused.result.body).errors[0].extensions.code).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
    }
  });
});
