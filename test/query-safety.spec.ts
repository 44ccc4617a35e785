import { randomBytes } from 'node:crypto';
import {
  MAX_ALIASES,
  MAX_COST,
  MAX_DEPTH,
  MAX_DIRECTIVES,
  MAX_TOKENS,
} from '../src/graphql/query-limits';
import { GraphqlResponse, startTestApp, TestApp } from './helpers/test-app';

const BRAND = 'lumen-aesthetics';

/**
 * Queries that enter no list twice on a path (query-cost.ts refuses that):
 * clinics → edges → node → treatment → providers → clinics → treatment →
 * facts → sessions → min is MAX_DEPTH (10) deep; going through the FAQs'
 * treatments on the way adds two levels.
 */
const deepQuery = (throughFaqs: boolean) => {
  const facts = 'facts { sessions { min } }';
  return `{ clinics(brand: "${BRAND}", first: 1) { edges { node { treatment(slug: "micro-needling") {
    providers { clinics { treatment(slug: "micro-needling") {
      ${throughFaqs ? `faqs { treatments { ${facts} } }` : facts}
    } } }
  } } } } }`;
};

/** Raw HTTP, for bodies the JSON helper cannot send. */
async function post(app: TestApp, body: string) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, body: (await response.json()) as any };
}

function expectRefused(
  { status, body }: GraphqlResponse<unknown>,
  code: string,
  message: string | RegExp,
) {
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(JSON.stringify(body)).not.toContain('stacktrace');
  expect(body.errors).toEqual([
    expect.objectContaining({
      message: typeof message === 'string' ? message : expect.stringMatching(message),
      extensions: { code },
    }),
  ]);
}

async function expectStillServing(app: TestApp) {
  const { status, body } = await app.graphql(`{ brand(slug: "${BRAND}") { slug } }`);
  expect(status).toBe(200);
  expect(body).toEqual({ data: { brand: { slug: BRAND } } });
}

describe('query safety', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  describe('limits on one document', () => {
    it(`answers a query ${MAX_DEPTH} levels deep and refuses a deeper one`, async () => {
      const atLimit = await app.graphql(deepQuery(false));
      expect(atLimit.body.errors).toBeUndefined();
      expect(atLimit.body.data.clinics.edges[0].node.treatment.providers.length).toBeGreaterThan(0);

      const deeper = await app.graphql(deepQuery(true));
      expect(deeper.status).toBe(400);
      expect(deeper.body.errors).toContainEqual(
        expect.objectContaining({
          message: `Query depth limit of ${MAX_DEPTH} exceeded, found ${MAX_DEPTH + 2}.`,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      );
      await expectStillServing(app);
    });

    it(`refuses more than ${MAX_ALIASES} aliases`, async () => {
      const aliases = (n: number) =>
        Array.from({ length: n }, (_, i) => `a${i}: brand(slug: "${BRAND}") { slug }`).join(' ');
      expect((await app.graphql(`{ ${aliases(MAX_ALIASES)} }`)).body.data.a0).toEqual({
        slug: BRAND,
      });

      expectRefused(
        await app.graphql(`{ ${aliases(MAX_ALIASES + 1)} }`),
        'GRAPHQL_VALIDATION_FAILED',
        `Aliases limit of ${MAX_ALIASES} exceeded, found ${MAX_ALIASES + 1}.`,
      );
      await expectStillServing(app);
    });

    it(`answers a locator with each clinic's treatment and refuses a query costing more than ${MAX_COST}`, async () => {
      const locator = await app.graphql(`{ clinics(brand: "${BRAND}", first: 10) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { slug name phone address { city region } geo { lat lng } jsonLd
          treatment(slug: "micro-needling") { summary prices { label } faqs { question } providers { name } }
        } }
      } }`);
      expect(locator.body.errors).toBeUndefined();
      expect(locator.body.data.clinics.totalCount).toBe(5);

      // 100 clinics × 50 treatments × 100 FAQs × 20 treatments × 50 providers.
      const fanOut = `{ clinics(brand: "${BRAND}", first: 100) { edges { node { slug treatments {
        slug name faqs { question answer treatments { slug name providers { name } } }
      } } } } }`;
      expectRefused(
        await app.graphql(fanOut),
        'GRAPHQL_VALIDATION_FAILED',
        new RegExp(`^Query Cost limit of ${MAX_COST} exceeded, found \\d+`),
      );
      await expectStillServing(app);
    });

    it(`refuses a document of more than ${MAX_TOKENS} tokens before validating it`, async () => {
      const fields = 'slug '.repeat(MAX_TOKENS);
      expectRefused(
        await app.graphql(`{ brands { ${fields} } }`),
        'GRAPHQL_PARSE_FAILED',
        `Syntax Error: Document contains more that ${MAX_TOKENS} tokens. Parsing aborted.`,
      );
      await expectStillServing(app);
    });

    it(`refuses more than ${MAX_DIRECTIVES} directives`, async () => {
      // Repeats of one field, so each @include has its own location.
      const directives = (n: number) => 'slug @include(if: true) '.repeat(n);
      expect(
        (await app.graphql(`{ brand(slug: "${BRAND}") { ${directives(MAX_DIRECTIVES)} } }`)).body,
      ).toEqual({ data: { brand: { slug: BRAND } } });

      expectRefused(
        await app.graphql(`{ brand(slug: "${BRAND}") { ${directives(MAX_DIRECTIVES + 1)} } }`),
        'GRAPHQL_VALIDATION_FAILED',
        `Directives limit of ${MAX_DIRECTIVES} exceeded, found ${MAX_DIRECTIVES + 1}.`,
      );
      await expectStillServing(app);
    });
  });

  describe('requests that must not reach execution', () => {
    it('refuses a body over 100kb with 413 and a JSON error', async () => {
      const body = JSON.stringify({
        query: '{ brands { slug } }',
        variables: { pad: 'x'.repeat(110_000) },
      });
      const response = await post(app, body);
      expect(response).toEqual({
        status: 413,
        body: expect.objectContaining({ statusCode: 413, message: 'request entity too large' }),
      });
      await expectStillServing(app);
    });

    it('refuses malformed JSON with 400', async () => {
      for (const body of ['{"query": ', 'null', '"{ brands { slug } }"']) {
        const response = await post(app, body);
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
      }
      await expectStillServing(app);
    });

    it('refuses a GET without a query with 400', async () => {
      const headerSets: Record<string, string>[] = [{}, { 'apollo-require-preflight': 'true' }];
      for (const headers of headerSets) {
        const response = await fetch(`${app.url}/graphql`, { headers });
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })],
        });
      }
      await expectStillServing(app);
    });

    it('refuses a batch of operations', async () => {
      const batch = JSON.stringify([
        { query: '{ brands { slug } }' },
        { query: '{ brands { name } }' },
      ]);
      expectRefused(await post(app, batch), 'BAD_USER_INPUT', 'Operation batching disabled.');
      await expectStillServing(app);
    });

    it('refuses an operation type the schema lacks (subscriptions)', async () => {
      expectRefused(
        await app.graphql('subscription { brands { slug } }'),
        'GRAPHQL_VALIDATION_FAILED',
        'This API has no subscription operations.',
      );
      await expectStillServing(app);
    });

    it('refuses strings with U+0000, which PostgreSQL cannot compare', async () => {
      const nul = 'Strings must not contain the NUL character (U+0000).';
      expectRefused(
        await app.graphql(`query($brand: String!) { clinics(brand: $brand) { totalCount } }`, {
          brand: 'lumen\u0000',
        }),
        'BAD_USER_INPUT',
        nul,
      );
      expectRefused(
        await app.graphql(
          `{ clinics(brand: "${BRAND}", filter: { city: "a\\u0000" }) { totalCount } }`,
        ),
        'BAD_USER_INPUT',
        nul,
      );
      await expectStillServing(app);
    });
  });

  describe('what errors reveal', () => {
    it('never sends a stack trace', async () => {
      const responses = [
        await app.graphql(
          `query($n: Int) { clinics(brand: "${BRAND}", first: $n) { totalCount } }`,
          {
            n: 'many',
          },
        ),
        await app.graphql(`{ clinics(brand: "${BRAND}", first: 1000) { totalCount } }`),
        await app.graphql('{ brands { slug '),
      ];
      for (const { status, body } of responses) {
        expect(status).toBeLessThan(500);
        expect(body.errors!.length).toBeGreaterThan(0);
        for (const error of body.errors!) {
          expect(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED']).toContain(error.extensions.code);
          expect(error.extensions.stacktrace).toBeUndefined();
          expect(JSON.stringify(error)).not.toMatch(/\bat .+:\d+:\d+/);
        }
      }
      await expectStillServing(app);
    });

    it('answers introspection by default outside production', async () => {
      const { status, body } = await app.graphql('{ __schema { types { name } } }');
      expect(status).toBe(200);
      expect(body.data.__schema.types).toContainEqual({ name: 'Clinic' });
    });

    it('suggests field names outside production', async () => {
      const { body } = await app.graphql('{ brands { slgu } }');
      expect(body.errors![0].message).toContain('Did you mean "slug"?');
    });
  });

  describe('with introspection off', () => {
    let closed: TestApp;
    beforeAll(async () => {
      closed = await startTestApp({ graphqlIntrospection: false });
    });
    afterAll(() => closed.close());

    it('refuses __schema and __type', async () => {
      for (const query of [
        '{ __schema { types { name } } }',
        '{ __type(name: "Clinic") { name } }',
      ]) {
        expectRefused(
          await closed.graphql(query),
          'GRAPHQL_VALIDATION_FAILED',
          /introspection is not allowed/,
        );
      }
      await expectStillServing(closed);
    });
  });

  describe('in production', () => {
    let production: TestApp;
    beforeAll(async () => {
      // Production refuses to start without a key for webhook secrets.
      production = await startTestApp({ nodeEnv: 'production', webhookSecretKey: randomBytes(32) });
    });
    afterAll(() => production.close());

    it('hides "Did you mean" suggestions for fields, arguments, input fields and types', async () => {
      const { status, body } = await production.graphql(`query($n: Strng) {
        brands { slgu }
        brand(slgu: "x") { slug }
        clinics(brand: "${BRAND}", filter: { regoin: "texas" }) { totalCount @include(iff: true) }
      }`);
      expect(status).toBe(400);
      const messages = body.errors!.map((error) => error.message);
      expect(messages).toEqual(
        expect.arrayContaining([
          'Unknown type "Strng".',
          'Cannot query field "slgu" on type "Brand".',
          'Unknown argument "slgu" on field "Query.brand".',
          'Field "regoin" is not defined by type "ClinicFilter".',
          'Unknown argument "iff" on directive "@include".',
        ]),
      );
      expect(messages.join('\n')).not.toMatch(/did you mean/i);
      await expectStillServing(production);
    });
  });
});
