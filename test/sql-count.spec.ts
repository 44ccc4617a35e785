import { CLINIC_PAGE_QUERY, FAQ_PAGE_QUERY } from '../bench/workloads';
import { TypeOrmLogger } from '../src/database/typeorm-logger';
import { createSizedNetwork } from './fixtures/sized-network';
import { startTestApp, TestApp } from './helpers/test-app';

/** Everything a clinic treatment page can ask for, nested as deep as sites go. */
const CLINIC_PAGE = `query($brand: String!) {
  clinic(brand: $brand, slug: "clinic-1") {
    name brand { name } region { name } address { city } openingHours { day } jsonLd
    treatments { slug prices { label } }
    treatment(slug: "peel") {
      name summary disclaimer fieldSources { field scope stale missing } jsonLd
      sections { html }
      prices { label amount { formatted } }
      faqs { question answerHtml treatments { slug } }
      providers { name bioHtml jsonLd clinics { slug } treatments { slug } }
    }
    providers { name clinics { name } }
    faqs(treatment: "peel") { question answerHtml }
  }
}`;

/** A locator listing every clinic with its treatment summary, prices, FAQs and providers. */
const LOCATOR = `query($brand: String!) {
  clinics(brand: $brand, first: 100) {
    totalCount
    edges { node { slug jsonLd treatment(slug: "peel") { summary prices { label } faqs { question } providers { name } } } }
  }
}`;

const FAQ_WIDGET = `query($brand: String!) {
  faqs(brand: $brand, clinic: "clinic-1", first: 100) { totalCount jsonLd edges { node { question treatments { slug } } } }
}`;

const PROVIDER_LIST = `query($brand: String!) {
  providers(brand: $brand, first: 100) { totalCount edges { node { name jsonLd clinics { slug } treatments { slug } } } }
}`;

describe('SQL statements per request', () => {
  let app: TestApp;
  let logger: TypeOrmLogger;

  beforeAll(async () => {
    app = await startTestApp();
    logger = app.dataSource.logger as TypeOrmLogger;
    await createSizedNetwork(app.dataSource, 'sized-3', 3);
    await createSizedNetwork(app.dataSource, 'sized-30', 30);
  });
  afterAll(() => app.close());

  const statementsFor = async (query: string, brand: string) => {
    const before = logger.statementCount;
    const { body } = await app.graphql(query, { brand });
    expect(body.errors).toBeUndefined();
    return { statements: logger.statementCount - before, data: body.data };
  };

  it('a clinic page: the same count for 3 and 30 FAQs, providers and prices', async () => {
    const small = await statementsFor(CLINIC_PAGE, 'sized-3');
    const large = await statementsFor(CLINIC_PAGE, 'sized-30');
    // The fixtures really differ in size…
    expect(large.data.clinic.treatment.prices).toHaveLength(30);
    expect(large.data.clinic.treatment.faqs).toHaveLength(60);
    expect(large.data.clinic.treatment.providers).toHaveLength(30);
    expect(small.data.clinic.treatment.providers).toHaveLength(3);
    // …and the statement count does not.
    expect(large.statements).toBe(small.statements);
  });

  it('a locator: the same count for 3 and 30 clinics', async () => {
    const small = await statementsFor(LOCATOR, 'sized-3');
    const large = await statementsFor(LOCATOR, 'sized-30');
    expect(small.data.clinics.totalCount).toBe(3);
    expect(large.data.clinics.totalCount).toBe(30);
    for (const { node } of large.data.clinics.edges) {
      expect(node.treatment.summary).toBe(`Local Clinic ${node.slug.replace('clinic-', '')}`);
    }
    expect(large.statements).toBe(small.statements);
  });

  it('the benchmark’s clinic treatment page and partner FAQ page: few statements, whatever the size', async () => {
    const page = async (query: string, brand: string, variables: Record<string, string>) => {
      const before = logger.statementCount;
      const { body } = await app.graphql(query, { brand, ...variables });
      expect(body.errors).toBeUndefined();
      return { statements: logger.statementCount - before, data: body.data };
    };
    const clinicPage = { clinic: 'clinic-1', treatment: 'peel' };
    const small = await page(CLINIC_PAGE_QUERY, 'sized-3', clinicPage);
    const large = await page(CLINIC_PAGE_QUERY, 'sized-30', clinicPage);
    expect(large.data.clinic.treatment.faqs).toHaveLength(60);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(4);

    const faqsSmall = await page(FAQ_PAGE_QUERY, 'sized-3', { clinic: 'clinic-1' });
    const faqsLarge = await page(FAQ_PAGE_QUERY, 'sized-30', { clinic: 'clinic-1' });
    expect(faqsLarge.data.faqs.totalCount).toBe(60);
    expect(faqsLarge.statements).toBe(faqsSmall.statements);
    expect(faqsLarge.statements).toBeLessThanOrEqual(3);
  });

  it('an FAQ widget and a provider list: the same count for 3 and 30', async () => {
    for (const query of [FAQ_WIDGET, PROVIDER_LIST]) {
      const small = await statementsFor(query, 'sized-3');
      const large = await statementsFor(query, 'sized-30');
      expect(large.statements).toBe(small.statements);
    }
  });
});
