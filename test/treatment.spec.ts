import { startTestApp, TestApp } from './helpers/test-app';

describe('brand and treatment queries', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('lists brands and finds one by slug', async () => {
    const { body } = await app.graphql(`{
      brands { slug name isSample }
      brand(slug: "lumen-aesthetics") { slug currency locale }
      missing: brand(slug: "no-such-brand") { slug }
    }`);
    expect(body.errors).toBeUndefined();
    // Other specs add brands of their own to the shared test database.
    expect(body.data.brands).toContainEqual({
      slug: 'lumen-aesthetics',
      name: 'Lumen Aesthetics',
      isSample: true,
    });
    expect(body.data.brand).toEqual({ slug: 'lumen-aesthetics', currency: 'USD', locale: 'en-US' });
    expect(body.data.missing).toBeNull();
  });

  it('serves the brand version of micro-needling with sections, facts and FAQs', async () => {
    const { body } = await app.graphql(`{
      treatment(brand: "lumen-aesthetics", slug: "micro-needling") {
        slug name aliases
        sections { key heading html }
        facts {
          durationMinutes { min max } recoveryDays { min max } sessions { min max }
          sessionIntervalWeeks { min max } maintenancePerYear { min max }
        }
        aftercare contraindications combinesWith
        faqs { question answerHtml scope }
        fieldSources { field scope stale }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const treatment = body.data.treatment;
    expect(treatment.name).toBe('Micro-Needling');
    expect(treatment.facts).toEqual({
      durationMinutes: { min: 30, max: 90 },
      recoveryDays: { min: 1, max: 2 },
      sessions: { min: 3, max: 6 },
      sessionIntervalWeeks: { min: 4, max: 6 },
      maintenancePerYear: { min: 1, max: 2 },
    });
    expect(treatment.aftercare).toHaveLength(4);
    expect(treatment.contraindications).toEqual([
      'Active infections',
      'Severe acne flare-ups',
      'Certain skin conditions',
      'Pregnancy',
    ]);
    expect(treatment.combinesWith).toEqual([
      'PRP',
      'Chemical peels',
      'Dermaplaning',
      'Certain laser procedures',
    ]);
    expect(treatment.sections.map((s: { key: string }) => s.key)).toEqual([
      'how-it-works',
      'benefits',
      'what-to-expect',
      'common-concerns',
      'customizing-your-plan',
      'final-thoughts',
    ]);
    expect(treatment.sections[0].html).toContain(
      '<h3>Understanding Collagen Induction Therapy</h3>',
    );
    expect(treatment.faqs.length).toBeGreaterThanOrEqual(4);
    expect(treatment.faqs.every((faq: { scope: string }) => faq.scope === 'BRAND')).toBe(true);
    expect(treatment.faqs[0].answerHtml).toMatch(/^<p>/);
  });

  it('answers null for an unknown brand or treatment', async () => {
    const { body } = await app.graphql(`{
      a: treatment(brand: "lumen-aesthetics", slug: "no-such-treatment") { id }
      b: treatment(brand: "no-such-brand", slug: "micro-needling") { id }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ a: null, b: null });
  });

  it('rejects unknown fields and arguments with a validation error', async () => {
    const { status, body } = await app.graphql(
      `{ brand(slug: "x", colour: "red") { slug nickname } }`,
    );
    expect(status).toBe(400);
    expect(body.errors!.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.js/);
  });
});
