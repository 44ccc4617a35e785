import { parseArticle, splitMarkdownBlocks } from '../seeds/article/parse-article';
import { readMicroNeedlingArticle } from '../seeds/content/micro-needling';
import { DataSource } from 'typeorm';
import { runSeed, seedIfEmpty } from '../seeds/seed';
import { createScratchDatabase, ScratchDatabase } from './helpers/scratch-database';
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
  'users',
  'user_regions',
  'user_clinics',
  'revisions',
  'audit_log',
  'claim_rules',
  'provider_licences',
  'clinical_sources',
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

async function fingerprintOf(dataSource: DataSource) {
  const rows: { table: string; digest: string }[] = [];
  for (const table of TABLES) {
    const [row] = await dataSource.query(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
    );
    rows.push({ table, digest: row.digest });
  }
  return rows;
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

  describe('on a database of its own', () => {
    let scratch: ScratchDatabase;
    beforeEach(async () => {
      scratch = await createScratchDatabase();
    });
    afterEach(() => scratch.drop());

    const fingerprint = () => fingerprintOf(scratch.dataSource);

    it('seeds an empty database once: a second run inserts nothing and changes nothing', async () => {
      expect(await seedIfEmpty(scratch.dataSource)).toBe(true);
      const before = await fingerprint();
      expect(await seedIfEmpty(scratch.dataSource)).toBe(false);
      const report = await runSeed(scratch.dataSource);
      expect(Object.keys(report)).toEqual(expect.arrayContaining(TABLES));
      expect(Object.values(report).every((count) => count === 0)).toBe(true);
      expect(await fingerprint()).toEqual(before);
    });

    it('leaves the database as it was when it fails part-way', async () => {
      // A constraint the fourth clinic breaks makes the seed fail after the
      // brand, regions and first clinics went in.
      await scratch.dataSource.query(
        `ALTER TABLE clinics ADD CONSTRAINT fail_seed CHECK (city <> 'Denver')`,
      );
      const before = await fingerprint();
      await expect(runSeed(scratch.dataSource)).rejects.toThrow(/fail_seed/);
      expect(await fingerprint()).toEqual(before);
      const [{ n }] = await scratch.dataSource.query(`SELECT count(*)::int AS n FROM brands`);
      expect(n).toBe(0);
    });
  });

  describe('demo network (sample data)', () => {
    it('is flagged as sample data with at least two regions, four clinics and four providers', async () => {
      const [counts] = await app.dataSource.query(`
        WITH brand AS (SELECT id, is_sample FROM brands WHERE slug = 'lumen-aesthetics')
        SELECT (SELECT count(*) FROM regions WHERE brand_id = (SELECT id FROM brand))::int AS regions,
               (SELECT count(DISTINCT city) FROM clinics WHERE brand_id = (SELECT id FROM brand))::int AS cities,
               (SELECT count(*) FROM providers WHERE brand_id = (SELECT id FROM brand)
                   AND cardinality(credentials) > 0 AND bio <> '')::int AS providers,
               (SELECT is_sample FROM brand) AS sample`);
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
            JOIN clinics c ON c.id = ct.clinic_id
            JOIN brands b ON b.id = c.brand_id AND b.slug = 'lumen-aesthetics'
           WHERE p.kind IN ('SINGLE_SESSION', 'PACKAGE', 'ADD_ON')
           GROUP BY p.kind ORDER BY p.kind`);
      expect(rows.map((r) => r.kind)).toEqual(['ADD_ON', 'PACKAGE', 'SINGLE_SESSION']);
      for (const row of rows) {
        expect(row.clinics).toBeGreaterThanOrEqual(4);
        expect(row.distinct_amounts).toBe(row.clinics);
      }
      const [pkg] = await app.dataSource.query(
        `SELECT bool_and(p.sessions = 3) AS three
           FROM price_items p JOIN clinic_treatments ct ON ct.id = p.clinic_treatment_id
           JOIN clinics c ON c.id = ct.clinic_id JOIN brands b ON b.id = c.brand_id
          WHERE p.kind = 'PACKAGE' AND b.slug = 'lumen-aesthetics'`,
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
