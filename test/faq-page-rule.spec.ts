import { createScratchBrand, ScratchBrand } from './helpers/scratch-brand';
import { startTestApp, TestApp } from './helpers/test-app';

/**
 * One rule for a clinic's FAQs about a treatment, whichever way a site asks
 * (`Clinic.faqs(treatment)`, `faqs(brand, clinic, treatment)`, the feed): a
 * clinic page lists the FAQs of treatments the clinic offers; a treatment it
 * does not offer answers like an unknown slug (empty, empty, 404).
 */
describe('A clinic’s FAQs about a treatment: one answer on every path', () => {
  let app: TestApp;
  let brand: ScratchBrand;

  beforeAll(async () => {
    app = await startTestApp();
    brand = await createScratchBrand(app, 2);
    // A second treatment, offered by clinic-1 only, with one FAQ about it.
    await app.dataSource.query(
      `WITH t AS (
         INSERT INTO treatments (brand_id, slug, name, summary, sections, facts, publication_status)
         VALUES ($1, 'laser', 'Laser', 'Laser.', '[]', '{}', 'PUBLISHED') RETURNING id),
       ct AS (
         INSERT INTO clinic_treatments (clinic_id, treatment_id, publication_status)
         SELECT c.id, t.id, 'PUBLISHED' FROM clinics c, t
          WHERE c.brand_id = $1 AND c.slug = 'clinic-1' RETURNING id),
       f AS (
         INSERT INTO faqs (brand_id, question, answer, position, publication_status)
         VALUES ($1, 'Does the laser hurt?', 'A little.', 1000, 'PUBLISHED') RETURNING id)
       INSERT INTO faq_treatments (faq_id, treatment_id) SELECT f.id, t.id FROM f, t`,
      [brand.id],
    );
  });
  afterAll(() => app.close());

  /** The questions each path answers for the clinic page about the treatment. */
  const answers = async (clinic: string, treatment: string) => {
    const { body } = await app.graphql(
      `query($brand: String!, $clinic: String!, $treatment: String!) {
        clinic(brand: $brand, slug: $clinic) { faqs(treatment: $treatment) { question } }
        faqs(brand: $brand, clinic: $clinic, treatment: $treatment, first: 100) {
          totalCount edges { node { question } }
        }
      }`,
      { brand: brand.slug, clinic, treatment },
    );
    expect(body.errors).toBeUndefined();
    const feed = await fetch(`${app.url}/feeds/${brand.slug}/${clinic}/${treatment}/faq.jsonld`);
    const document = await feed.json();
    return {
      clinicFaqs: body.data.clinic.faqs.map((faq: { question: string }) => faq.question),
      faqsQuery: body.data.faqs.edges.map(
        ({ node }: { node: { question: string } }) => node.question,
      ),
      totalCount: body.data.faqs.totalCount,
      feedStatus: feed.status,
      feed: feed.ok
        ? document.mainEntity.map((question: { name: string }) => question.name)
        : document,
    };
  };

  it('a treatment the clinic offers: the same FAQs on all three', async () => {
    const offered = await answers('clinic-1', 'laser');
    expect(offered).toEqual({
      clinicFaqs: ['Does the laser hurt?'],
      faqsQuery: ['Does the laser hurt?'],
      totalCount: 1,
      feedStatus: 200,
      feed: ['Does the laser hurt?'],
    });
  });

  it('a treatment the clinic does not offer: nothing on all three, as for an unknown slug', async () => {
    const notOffered = await answers('clinic-2', 'laser');
    expect(notOffered).toEqual({
      clinicFaqs: [],
      faqsQuery: [],
      totalCount: 0,
      feedStatus: 404,
      feed: {
        error: 'NOT_FOUND',
        message: `No published treatment "laser" at clinic "clinic-2" in brand "${brand.slug}"`,
      },
    });
    const unknown = await answers('clinic-2', 'no-such-treatment');
    expect(unknown.clinicFaqs).toEqual([]);
    expect(unknown.totalCount).toBe(0);
    expect(unknown.feedStatus).toBe(404);
  });

  it('the brand’s page about the treatment (no clinic) still lists its FAQs', async () => {
    const { body } = await app.graphql(
      `query($brand: String!) { faqs(brand: $brand, treatment: "laser", first: 10) { edges { node { question } } } }`,
      { brand: brand.slug },
    );
    expect(body.data.faqs.edges).toEqual([{ node: { question: 'Does the laser hurt?' } }]);
  });
});
