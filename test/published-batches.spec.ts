import { CLINIC_PAGE_QUERY, FAQ_PAGE_QUERY, TREATMENT } from '../bench/workloads';
import { scaleClinicSlug, seedScale } from '../seeds/scale-seed';
import { TypeOrmLogger } from '../src/database/typeorm-logger';
import { startTestApp, TestApp } from './helpers/test-app';

const BRAND = 'shared-batches';

/**
 * Published pages in flight share their statements (src/graphql/published-batches.ts):
 * what two concurrent requests read together, and that each still gets only
 * its own clinic's data.
 */
describe('published reads shared by concurrent requests', () => {
  let app: TestApp;
  let logger: TypeOrmLogger;

  beforeAll(async () => {
    // Every request renders: a cached answer would read nothing.
    app = await startTestApp({ responseCacheTtlSeconds: 0 });
    logger = app.dataSource.logger as TypeOrmLogger;
    await seedScale(app.dataSource, { brand: BRAND, clinics: 3 });
  });
  afterAll(() => app.close());

  const clinicPage = (n: number) =>
    app.graphql(CLINIC_PAGE_QUERY, {
      brand: BRAND,
      clinic: scaleClinicSlug(n),
      treatment: TREATMENT,
    });
  const faqPage = (n: number) =>
    app.graphql(FAQ_PAGE_QUERY, { brand: BRAND, clinic: scaleClinicSlug(n) });

  /** Statements `send` caused, with its answers. */
  const counted = async <T>(send: () => Promise<T>) => {
    const before = logger.statementCount;
    const answers = await send();
    return { answers, statements: logger.statementCount - before };
  };

  for (const [name, page, nameOf] of [
    ['clinic page', clinicPage, (data: any) => data.clinic.name],
    ['FAQ page', faqPage, (data: any) => data.faqs.edges.map((edge: any) => edge.node.id)],
  ] as const) {
    it(`two ${name}s for different clinics in flight together share statements, each with its own clinic`, async () => {
      await page(1); // the brand's content, kept from now on (PublishedBrandMemo)
      const one = await counted(() => page(1));
      const two = await counted(() => page(2));
      expect(one.answers.body.errors).toBeUndefined();
      expect(two.answers.body.errors).toBeUndefined();
      expect(nameOf(one.answers.body.data)).not.toEqual(nameOf(two.answers.body.data));
      expect(two.statements).toBe(one.statements);

      // Sent at once, they usually reach their first read in the same turn of
      // the event loop; the timing is the network's, so a few tries.
      let together = Infinity;
      for (let attempt = 0; attempt < 20 && together >= one.statements * 2; attempt++) {
        const both = await counted(() => Promise.all([page(1), page(2)]));
        // Each answer is the one it got alone, byte for byte: nothing of the other clinic.
        expect(JSON.stringify(both.answers[0].body)).toBe(JSON.stringify(one.answers.body));
        expect(JSON.stringify(both.answers[1].body)).toBe(JSON.stringify(two.answers.body));
        together = both.statements;
      }
      expect(together).toBeLessThan(one.statements * 2);
    });
  }

  it('a clinic page alone still sends its statements, and a missing clinic does not fail the other', async () => {
    const missing = () =>
      app.graphql(CLINIC_PAGE_QUERY, {
        brand: BRAND,
        clinic: 'no-such-clinic',
        treatment: TREATMENT,
      });
    const alone = await clinicPage(3);
    for (let attempt = 0; attempt < 5; attempt++) {
      const [found, none] = await Promise.all([clinicPage(3), missing()]);
      expect(JSON.stringify(found.body)).toBe(JSON.stringify(alone.body));
      expect(none.body).toEqual({ data: { clinic: null } });
    }
  });
});
