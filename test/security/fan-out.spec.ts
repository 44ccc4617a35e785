import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNullableType, isListType, isObjectType } from 'graphql';
import { CLINIC_PAGE_QUERY, FAQ_PAGE_QUERY, LOCATOR_QUERY, TREATMENT } from '../../bench/workloads';
import { WORST_QUERY } from '../../bench/worst-query';
import { LIST_BOUNDS, PAGE_SIZE_LIMITS } from '../../src/graphql/list-bounds';
import { MAX_COST } from '../../src/graphql/query-limits';
import { MAX_RESPONSE_BYTES } from '../../src/graphql/response-size-limit.middleware';
import { createScratchBrand, ScratchBrand } from '../helpers/scratch-brand';
import { startTestApp, TestApp } from '../helpers/test-app';

/** Issue 9.2: 20 providers × 4 clinics, queried providers → clinics → providers → … */
const ATTACK = (brand: string) => `{ clinic(brand: "${brand}", slug: "clinic-1") {
  providers { clinics { providers { clinics { providers { clinics { name } } } } } } } }`;

describe('security: fan-out through unpaginated lists (issue 9.2)', () => {
  let app: TestApp;
  let brand: ScratchBrand;
  beforeAll(async () => {
    app = await startTestApp();
    brand = await createScratchBrand(app, 20);
    // Every provider at clinics 1 to 4.
    await app.dataSource.query(
      `INSERT INTO provider_clinics (provider_id, clinic_id)
       SELECT p.id, c.id FROM providers p JOIN clinics c ON c.brand_id = p.brand_id
        WHERE p.brand_id = $1 AND c.slug IN ('clinic-1', 'clinic-2', 'clinic-3', 'clinic-4')
       ON CONFLICT DO NOTHING`,
      [brand.id],
    );
  });
  afterAll(() => app.close());

  it('refuses a path that enters the same list twice, naming the path', async () => {
    const { status, body } = await app.graphql(ATTACK(brand.slug));
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message:
          'The path clinic.providers.clinics.providers enters the list Clinic.providers a second time; ask for each list once per path.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
  });

  it('counts every item of an unpaginated list in the cost', async () => {
    // No list twice on a path, but 100 clinics × 50 treatments × 100 FAQs × …
    const { status, body } = await app.graphql(`{ clinics(brand: "${brand.slug}", first: 100) {
      edges { node { treatments { faqs { treatments { providers { clinics { name } } } } } } } } }`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(new RegExp(`^Query Cost limit of ${MAX_COST} exceeded`)),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
  });

  it('counts a page size given as a variable at its largest', async () => {
    const query = `query($first: Int) { clinics(brand: "${brand.slug}", first: $first) {
      edges { node { treatments { name } } } } }`;
    expect((await app.graphql(query, { first: 1 })).status).toBe(400);
    const literal = query.replace('query($first: Int)', 'query').replace('$first', '1');
    const { body } = await app.graphql(literal);
    expect(body.errors).toBeUndefined();
  });

  it('answers the one legitimate shape of that relation', async () => {
    const { body } = await app.graphql(
      `{ clinic(brand: "${brand.slug}", slug: "clinic-1") { providers { name clinics { slug } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.clinic.providers).toHaveLength(20);
    for (const provider of body.data.clinic.providers) {
      expect(provider.clinics.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('still answers the benchmark’s queries, the worst allowed query and the docs’ examples', async () => {
    const page = await app.graphql(CLINIC_PAGE_QUERY, {
      brand: 'lumen-aesthetics',
      clinic: 'austin-downtown',
      treatment: TREATMENT,
    });
    expect(page.body.errors).toBeUndefined();
    const locator = await app.graphql(LOCATOR_QUERY, { brand: brand.slug, region: 'region' });
    expect(locator.body.errors).toBeUndefined();
    expect(locator.body.data.clinics.totalCount).toBe(20);
    const faqs = await app.graphql(FAQ_PAGE_QUERY, { brand: brand.slug, clinic: 'clinic-2' });
    expect(faqs.body.errors).toBeUndefined();
    const worst = await app.graphql(WORST_QUERY, { brand: brand.slug });
    expect(worst.body.errors).toBeUndefined();

    const docs = readFileSync(join(__dirname, '../../docs/api.md'), 'utf8');
    const examples = [...docs.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(examples.length).toBeGreaterThan(3);
    for (const example of examples) {
      const { body } = await app.graphql(example);
      // Variables are not given, so some examples stop there; none at the limits.
      const codes = (body.errors ?? []).map((error) => error.extensions?.code);
      expect({ example, codes }).toEqual({
        example,
        codes: codes.filter((code) => code !== 'GRAPHQL_VALIDATION_FAILED'),
      });
    }
  });

  it('cuts a list longer than its declared bound', async () => {
    const bound = LIST_BOUNDS['Provider.clinics'] as number;
    // provider-1 works at all 20 clinics; a bound below that must cut.
    expect(bound).toBeGreaterThanOrEqual(20);
    await createScratchProviderClinics(app, brand.id, bound + 5);
    const { body } = await app.graphql(
      `{ providers(brand: "${brand.slug}", first: 1) { edges { node { slug clinics { slug } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.providers.edges[0].node.clinics).toHaveLength(bound);
  });

  it('ends an answer over the size ceiling with RESPONSE_TOO_LARGE', async () => {
    // 40 FAQs of 250,000 characters each at clinic-1: 10 MB from a cheap query.
    await app.dataSource.query(`UPDATE faqs SET answer = repeat('x', 250000) WHERE brand_id = $1`, [
      brand.id,
    ]);
    // Written by hand, past the editors' limit; delivery keeps a brand's FAQs until its content
    // is published again (PublishedBrandMemo), as any real change comes.
    await brand.edit('TREATMENT', brand.treatmentId, { summary: 'Republished.' });
    const { status, body } = await app.graphql(
      `{ clinic(brand: "${brand.slug}", slug: "clinic-1") { faqs { answer } } }`,
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          message: `The answer would exceed ${MAX_RESPONSE_BYTES / 1024 / 1024} MB: ask for fewer items or fields, or use smaller pages.`,
          extensions: { code: 'RESPONSE_TOO_LARGE' },
        },
      ],
    });
  });

  it('stops a request past its deadline with QUERY_TIMEOUT', async () => {
    // A deadline already passed when the request starts: the first list stops it.
    const late = await startTestApp({ graphqlTimeoutMs: -1 });
    try {
      const { status, body } = await late.graphql(
        `{ clinic(brand: "${brand.slug}", slug: "clinic-1") { name providers { name } } }`,
      );
      expect(status).toBe(503);
      expect(body).toEqual({
        errors: [
          {
            message:
              'The query ran longer than -1 ms and was stopped: ask for fewer items or retry later.',
            extensions: { code: 'QUERY_TIMEOUT' },
          },
        ],
      });
    } finally {
      await late.close();
    }
  });
});

describe('list bounds (issue 9.2)', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));

  it('declares a bound for every list field and a page size for every paginated field', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        if (isListType(getNullableType(field.type)) && !(coordinate in LIST_BOUNDS)) {
          missing.push(coordinate);
        }
        if (field.args.some((arg) => arg.name === 'first') && !(coordinate in PAGE_SIZE_LIMITS)) {
          missing.push(`${coordinate}(first)`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

/** Adds clinics to provider-1 until it works at `count` clinics. */
async function createScratchProviderClinics(app: TestApp, brandId: string, count: number) {
  await app.dataSource.query(
    `INSERT INTO clinics (brand_id, region_id, slug, name, address_line1, city, country, latitude, longitude, timezone,
                          phone, opening_hours, publication_status)
     SELECT $1, (SELECT id FROM regions WHERE brand_id = $1), 'extra-' || i, 'Extra ' || i, '1 Main St', 'City',
            'US', 30, -97, 'America/Chicago', '+1 512-555-0100', '[]', 'PUBLISHED'
       FROM generate_series(1, $2::int) AS i`,
    [brandId, count],
  );
  await app.dataSource.query(
    `INSERT INTO provider_clinics (provider_id, clinic_id)
     SELECT p.id, c.id FROM providers p JOIN clinics c ON c.brand_id = p.brand_id
      WHERE p.brand_id = $1 AND p.slug = 'provider-1'
     ON CONFLICT DO NOTHING`,
    [brandId],
  );
}
