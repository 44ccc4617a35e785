import { LOCATOR_QUERY } from '../bench/workloads';
import { TypeOrmLogger } from '../src/database/typeorm-logger';
import { STALENESS_BOUND_MS } from '../src/response-cache/generation-watcher';
import { dataOf, ITEM, type Item, LUMEN, publish, publishedTreatment } from './helpers/editing';
import { startIsolatedCluster } from './helpers/isolated-app';
import { loginAs } from './helpers/login';
import type { TestApp } from './helpers/test-app';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/*
 * A brand's published treatments, brand-wide FAQs and locator clinics are kept between requests, per brand
 * and content generation (src/read-mode/published-brand-memo.ts), with the
 * response cache off. They must be exactly as current as a read per request:
 * a publish shows at once on the instance that made it and within the
 * generations' bound on the others; drafts never show outside a preview.
 */
describe('published brand content kept between requests', () => {
  let cluster: Awaited<ReturnType<typeof startIsolatedCluster>>;
  let a: TestApp;
  let b: TestApp;
  let editor: Record<string, string>;
  let topic: Item;
  let faq: Item;

  beforeAll(async () => {
    cluster = await startIsolatedCluster([
      { responseCacheTtlSeconds: 0 },
      { responseCacheTtlSeconds: 0 },
    ]);
    [a, b] = cluster.apps;
    editor = await loginAs(a, 'editor');
    topic = await publishedTreatment(a, editor);
    const created = dataOf(
      await a.graphql(
        `mutation($input: CreateFaqInput!) { createFaq(input: $input) { ${ITEM} } }`,
        { input: { question: 'Kept?', answer: 'First.', treatmentIds: [topic.id] } },
        editor,
      ),
    ).createFaq as Item;
    [faq] = await publish(a, editor, [created]);
  });
  afterAll(() => cluster?.close());

  /** The answer to "Kept?" on a clinic's FAQ page and on its treatment page. */
  const answers = async (app: TestApp, clinic = 'austin-downtown', preview = false) => {
    const { body } = await app.graphql(
      `query($brand: String!, $clinic: String!, $treatment: String!, $preview: Boolean) {
        faqs(brand: $brand, clinic: $clinic, first: 100, preview: $preview) {
          edges { node { question answerHtml } }
        }
        clinic(brand: $brand, slug: $clinic, preview: $preview) {
          treatment(slug: $treatment) { faqs { question answerHtml } }
        }
      }`,
      { brand: LUMEN.slug, clinic, treatment: topic.values.slug, preview },
      preview ? editor : {},
    );
    expect(body.errors).toBeUndefined();
    const kept = (faqs: { question: string; answerHtml: string }[]) =>
      faqs.find((one) => one.question === 'Kept?')?.answerHtml;
    return [
      kept(body.data.faqs.edges.map(({ node }: { node: never }) => node)),
      kept(body.data.clinic.treatment.faqs),
    ];
  };

  const update = async (answer: string) => {
    const updated = dataOf(
      await a.graphql(
        `mutation($input: UpdateFaqInput!) { updateFaq(input: $input) { ${ITEM} } }`,
        { input: { id: faq.id, version: faq.version, answer } },
        editor,
      ),
    ).updateFaq as Item;
    faq = updated;
    return updated;
  };

  it('serves a publish at once where it was made, and within the bound on another instance', async () => {
    // Both instances have read (and kept) the brand's FAQs.
    expect(await answers(a)).toEqual(['<p>First.</p>', '<p>First.</p>']);
    expect(await answers(b, 'dallas-uptown')).toEqual(['<p>First.</p>', '<p>First.</p>']);

    [faq] = await publish(a, editor, [await update('Second.')]);
    expect(await answers(a)).toEqual(['<p>Second.</p>', '<p>Second.</p>']);
    expect(await answers(a, 'dallas-uptown')).toEqual(['<p>Second.</p>', '<p>Second.</p>']);
    await sleep(STALENESS_BOUND_MS);
    expect(await answers(b, 'dallas-uptown')).toEqual(['<p>Second.</p>', '<p>Second.</p>']);
  });

  it('a draft shows in a preview only, and never in what is kept for published reads', async () => {
    await update('Draft.');
    expect(await answers(a, 'austin-downtown', true)).toEqual(['<p>Draft.</p>', '<p>Draft.</p>']);
    expect(await answers(a)).toEqual(['<p>Second.</p>', '<p>Second.</p>']);
    expect(await answers(b)).toEqual(['<p>Second.</p>', '<p>Second.</p>']);
  });

  it('reads the brand’s FAQs and treatments once per content generation, not on every page', async () => {
    const logger = a.dataSource.logger as TypeOrmLogger;
    const statements = async (clinic: string) => {
      const before = logger.statementCount;
      await answers(a, clinic);
      return logger.statementCount - before;
    };
    [faq] = await publish(a, editor, [faq]);
    // The first page after a publish reads them again (its brand's FAQs and treatments):
    // two statements more than the next pages, whichever clinic they are of.
    const first = await statements('austin-downtown');
    expect(await statements('dallas-uptown')).toBe(first - 2);
    expect(await statements('denver-cherry-creek')).toBe(first - 2);
    await sleep(STALENESS_BOUND_MS);
    expect(await answers(b, 'denver-cherry-creek')).toEqual(['<p>Draft.</p>', '<p>Draft.</p>']);
  });

  /** The locator's page of a region (the bench's query, with id and region), by clinic slug. */
  const locator = async (app: TestApp, region: string) => {
    const { body } = await app.graphql(
      `query($brand: String!, $region: String!) {
        clinics(brand: $brand, filter: { region: $region }, first: 50) {
          totalCount
          edges { node { slug region { slug } address { line1 } } }
        }
      }`,
      { brand: LUMEN.slug, region },
    );
    expect(body.errors).toBeUndefined();
    const { totalCount, edges } = body.data.clinics;
    return {
      totalCount,
      clinics: Object.fromEntries(
        edges.map(
          ({
            node,
          }: {
            node: { slug: string; region: { slug: string }; address: { line1: string } };
          }) => [node.slug, `${node.region.slug}: ${node.address.line1}`],
        ),
      ),
    };
  };

  it('a publish of a clinic’s address or region shows in the locator at once where it was made', async () => {
    const before = await locator(a, 'texas');
    expect(before.clinics['austin-downtown']).toMatch(/^texas: /);
    await locator(b, 'texas');
    const edit = async (input: Record<string, unknown>) => {
      const current = dataOf(
        await a.graphql(
          `query($id: ID!) { item(type: CLINIC, id: $id) { ${ITEM} } }`,
          { id: LUMEN.austin },
          editor,
        ),
      ).item as Item;
      const updated = dataOf(
        await a.graphql(
          `mutation($input: UpdateClinicInput!) { updateClinic(input: $input) { ${ITEM} } }`,
          { input: { id: LUMEN.austin, version: current.version, ...input } },
          editor,
        ),
      ).updateClinic as Item;
      return publish(a, editor, [updated]);
    };

    await edit({ addressLine1: '1 Kept Street' });
    expect((await locator(a, 'texas')).clinics['austin-downtown']).toBe('texas: 1 Kept Street');
    await sleep(STALENESS_BOUND_MS);
    expect((await locator(b, 'texas')).clinics['austin-downtown']).toBe('texas: 1 Kept Street');

    // Moved to another region: gone from the first region's page and count, in the other's.
    await edit({ regionId: LUMEN.colorado });
    const texas = await locator(a, 'texas');
    expect(texas.clinics['austin-downtown']).toBeUndefined();
    expect(texas.totalCount).toBe(before.totalCount - 1);
    expect((await locator(a, 'colorado')).clinics['austin-downtown']).toBe(
      'colorado: 1 Kept Street',
    );
    await edit({ regionId: LUMEN.texas });
  });

  it('the bench’s locator page reads no statement while its brand’s clinics are kept', async () => {
    const logger = a.dataSource.logger as TypeOrmLogger;
    const page = async (region: string) => {
      const { body } = await a.graphql(LOCATOR_QUERY, { brand: LUMEN.slug, region });
      expect(body.errors).toBeUndefined();
      return body.data.clinics.totalCount as number;
    };
    await page('texas');
    const before = logger.statementCount;
    expect(await page('colorado')).toBeGreaterThan(0);
    expect(await page('texas')).toBeGreaterThan(0);
    expect(logger.statementCount - before).toBe(0);
  });

  it('keeps nothing for a brand slug that names no brand, so made-up slugs cannot crowd out real ones', async () => {
    const logger = a.dataSource.logger as TypeOrmLogger;
    const statements = async () => {
      const before = logger.statementCount;
      const { body } = await a.graphql(LOCATOR_QUERY, { brand: 'no-such-brand', region: 'texas' });
      expect(body.data.clinics).toMatchObject({ totalCount: 0, edges: [] });
      return logger.statementCount - before;
    };
    await statements();
    // Read again, not served from a kept empty list.
    expect(await statements()).toBeGreaterThan(0);
  });
});
