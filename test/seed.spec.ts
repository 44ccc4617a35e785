import { parseArticle, splitMarkdownBlocks } from '../seeds/article/parse-article';
import { readMicroNeedlingArticle } from '../seeds/content/micro-needling';
import { runSeed } from '../seeds/seed';
import { startTestApp, TestApp } from './helpers/test-app';

const TABLES = [
  'brands',
  'regions',
  'clinics',
  'treatments',
  'faqs',
  'faq_treatments',
  'providers',
  'provider_clinics',
  'provider_treatments',
  'clinic_treatments',
  'price_items',
  'overrides',
  'field_policies',
];

const TREATMENT_TEXT = `
  query {
    treatment(brand: "lumen-aesthetics", slug: "micro-needling") {
      summary
      sections { key heading body }
      aftercare
      faqs { question answer scope }
    }
  }`;

interface TreatmentText {
  summary: string;
  sections: { key: string; heading: string; body: string }[];
  aftercare: string[];
  faqs: { question: string; answer: string; scope: string }[];
}

describe('seed', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  describe('faithfulness to the article, as served by the API', () => {
    const article = parseArticle(readMicroNeedlingArticle());
    const articleText = (kind: string) =>
      new Set(article.filter((b) => b.kind === kind).map((b) => b.text));
    let served: { kind: string; text: string }[];

    beforeAll(async () => {
      const { body } = await app.graphql<{ treatment: TreatmentText }>(TREATMENT_TEXT);
      const treatment = body.data!.treatment;
      served = [
        { kind: 'paragraph', text: treatment.summary },
        ...treatment.sections.flatMap((section) => [
          { kind: 'heading', text: section.heading },
          ...splitMarkdownBlocks(section.body),
        ]),
        ...treatment.aftercare.map((text) => ({ kind: 'listItem', text })),
        ...treatment.faqs
          .filter((faq) => faq.scope === 'BRAND')
          .flatMap((faq) => splitMarkdownBlocks(faq.answer)),
      ];
    });

    it('serves every paragraph and list item of the article verbatim (100%)', () => {
      const servedText = new Set(served.map((block) => block.text));
      const blocks = article.filter((b) => b.kind !== 'heading');
      const missing = blocks.filter((block) => !servedText.has(block.text));
      expect(missing).toEqual([]);
      expect(blocks.length).toBe(37);
    });

    it('serves no article text that the article does not say', () => {
      const invented = served.filter((block) => !articleText(block.kind).has(block.text));
      expect(invented).toEqual([]);
    });

    it('phrases the FAQs as questions with the article’s answers', async () => {
      const { body } = await app.graphql<{ treatment: TreatmentText }>(TREATMENT_TEXT);
      const questions = body.data!.treatment.faqs.map((faq) => faq.question);
      expect(questions).toEqual(
        expect.arrayContaining([
          'Is micro-needling painful?',
          'Who should avoid micro-needling?',
          'How does micro-needling compare to other treatments?',
          'How many sessions are needed?',
        ]),
      );
      for (const question of questions) expect(question).toMatch(/\?$/);
    });
  });

  describe('idempotency', () => {
    const fingerprint = async () => {
      const rows: { table: string; digest: string }[] = [];
      for (const table of TABLES) {
        const [row] = await app.dataSource.query(
          `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
        );
        rows.push({ table, digest: row.digest });
      }
      return rows;
    };

    it('a second run inserts nothing and changes nothing', async () => {
      const before = await fingerprint();
      const report = await runSeed(app.dataSource);
      expect(Object.values(report).every((count) => count === 0)).toBe(true);
      expect(Object.keys(report)).toEqual(expect.arrayContaining(TABLES));
      expect(await fingerprint()).toEqual(before);
    });
  });

  describe('demo network (sample data)', () => {
    it('is flagged as sample data with at least two regions, four clinics and four providers', async () => {
      const [counts] = await app.dataSource.query(`
        SELECT (SELECT count(*) FROM regions)::int AS regions,
               (SELECT count(DISTINCT city) FROM clinics)::int AS cities,
               (SELECT count(*) FROM providers WHERE cardinality(credentials) > 0 AND bio <> '')::int AS providers,
               (SELECT bool_and(is_sample) FROM brands) AS sample`);
      expect(counts.regions).toBeGreaterThanOrEqual(2);
      expect(counts.cities).toBeGreaterThanOrEqual(4);
      expect(counts.providers).toBeGreaterThanOrEqual(4);
      expect(counts.sample).toBe(true);
    });

    it('prices the single session, package of three and PRP add-on differently per clinic', async () => {
      const rows: { kind: string; distinct_amounts: number; clinics: number }[] = await app
        .dataSource.query(`
          SELECT p.kind, count(DISTINCT p.amount_minor)::int AS distinct_amounts,
                 count(DISTINCT ct.clinic_id)::int AS clinics
            FROM price_items p JOIN clinic_treatments ct ON ct.id = p.clinic_treatment_id
           WHERE p.kind IN ('SINGLE_SESSION', 'PACKAGE', 'ADD_ON')
           GROUP BY p.kind ORDER BY p.kind`);
      expect(rows.map((r) => r.kind)).toEqual(['ADD_ON', 'PACKAGE', 'SINGLE_SESSION']);
      for (const row of rows) {
        expect(row.clinics).toBeGreaterThanOrEqual(4);
        expect(row.distinct_amounts).toBe(row.clinics);
      }
      const [pkg] = await app.dataSource.query(
        `SELECT bool_and(sessions = 3) AS three FROM price_items WHERE kind = 'PACKAGE'`,
      );
      expect(pkg.three).toBe(true);
    });

    it('has a token override, a clinic-only FAQ and a brand FAQ hidden at one clinic', async () => {
      const [row] = await app.dataSource.query(`
        SELECT (SELECT count(*) FROM overrides WHERE scope = 'CLINIC' AND value::text LIKE '%{{clinic.%')::int AS token_overrides,
               (SELECT count(*) FROM faqs WHERE clinic_id IS NOT NULL)::int AS clinic_faqs,
               (SELECT count(*) FROM overrides WHERE entity_type = 'FAQ' AND field = 'hidden' AND value = 'true')::int AS hidden_faqs`);
      expect(row.token_overrides).toBeGreaterThanOrEqual(1);
      expect(row.clinic_faqs).toBeGreaterThanOrEqual(1);
      expect(row.hidden_faqs).toBeGreaterThanOrEqual(1);
    });
  });
});
