import { dataOf, LUMEN } from './helpers/editing';
import { loginAs } from './helpers/login';
import { createScratchBrand, type ScratchBrand } from './helpers/scratch-brand';
import { startTestApp, type TestApp } from './helpers/test-app';

/**
 * What the console's brand content screens read: the brand's treatments and
 * regions (delivery lists, published or the working copy), each treatment's
 * editable twin, and whether the caller may edit the brand's content.
 */
describe('brand content lists and rights', () => {
  let app: TestApp;
  let scratch: ScratchBrand;

  beforeAll(async () => {
    app = await startTestApp();
    // Drafts are written to a brand of its own, so other specs see none of them.
    scratch = await createScratchBrand(app);
  });
  afterAll(() => app.close());

  const TREATMENTS = `query($brand: String!, $preview: Boolean, $first: Int, $after: String) {
    treatments(brand: $brand, preview: $preview, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { itemId slug name summary editable { id version viewerCan { edit { allowed } } } } }
    }
  }`;

  it('lists the brand’s treatments by name, page by page', async () => {
    // A second treatment of the scratch brand (published), so there are two pages of one.
    await scratch.create(
      'TREATMENT',
      { brand_id: scratch.id },
      { slug: 'aa-facial', name: 'Aa facial', summary: 'A facial.' },
    );
    const all = dataOf(await app.graphql(TREATMENTS, { brand: scratch.slug })).treatments;
    const names = all.edges.map((edge: { node: { name: string } }) => edge.node.name);
    expect(names).toEqual(['Aa facial', expect.any(String)]);
    expect(all.totalCount).toBe(2);

    const first = dataOf(
      await app.graphql(TREATMENTS, { brand: scratch.slug, first: 1 }),
    ).treatments;
    expect(first.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual([
      'Aa facial',
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = dataOf(
      await app.graphql(TREATMENTS, {
        brand: scratch.slug,
        first: 1,
        after: first.pageInfo.endCursor,
      }),
    ).treatments;
    expect(second.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual([
      names[1],
    ]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const lumen = dataOf(await app.graphql(TREATMENTS, { brand: LUMEN.slug })).treatments;
    expect(lumen.edges.map((edge: { node: { slug: string } }) => edge.node.slug)).toContain(
      'micro-needling',
    );
  });

  it('refuses a page size over 100 as bad input', async () => {
    const { body } = await app.graphql(TREATMENTS, { brand: LUMEN.slug, first: 101 });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows a draft only in the working copy, with the treatment’s editable twin for its editors', async () => {
    const { version } = await scratch.reads.get(scratch.ctx, 'TREATMENT', scratch.treatmentId);
    const draft = await scratch.drafts.update(
      scratch.ctx,
      { type: 'TREATMENT', id: scratch.treatmentId, version },
      { summary: 'A drafted summary' },
    );

    const published = dataOf(await app.graphql(TREATMENTS, { brand: scratch.slug })).treatments;
    const publishedPeel = published.edges.find(
      (edge: { node: { itemId: string } }) => edge.node.itemId === scratch.treatmentId,
    ).node;
    expect(publishedPeel.summary).not.toBe('A drafted summary');
    // Anonymous callers read no drafts, and no editable twin.
    expect(publishedPeel.editable).toBeNull();

    const preview = dataOf(
      await app.graphql(TREATMENTS, { brand: scratch.slug, preview: true }, scratch.admin.headers),
    ).treatments;
    const draftedPeel = preview.edges.find(
      (edge: { node: { itemId: string } }) => edge.node.itemId === scratch.treatmentId,
    ).node;
    expect(draftedPeel).toMatchObject({
      itemId: scratch.treatmentId,
      summary: 'A drafted summary',
      editable: {
        id: scratch.treatmentId,
        version: draft.version,
        viewerCan: { edit: { allowed: true } },
      },
    });
  });

  it('refuses the working copy to anonymous callers', async () => {
    const { body } = await app.graphql(TREATMENTS, { brand: scratch.slug, preview: true });
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lists the brand’s regions by name', async () => {
    const { regions } = dataOf(
      await app.graphql(
        `{ regions(brand: "${LUMEN.slug}") { totalCount edges { node { itemId slug name } } } }`,
      ),
    );
    const slugs = regions.edges.map((edge: { node: { slug: string } }) => edge.node.slug);
    expect(slugs).toEqual(expect.arrayContaining(['texas', 'colorado']));
    expect(
      regions.edges.find((edge: { node: { slug: string } }) => edge.node.slug === 'texas'),
    ).toMatchObject({ node: { itemId: LUMEN.texas, name: 'Texas' } });
    expect(regions.totalCount).toBe(slugs.length);
  });

  it('says who may edit the brand’s content: brand-wide editors only', async () => {
    const rights = async (headers?: Record<string, string>) =>
      dataOf(
        await app.graphql(
          `{ brand(slug: "${LUMEN.slug}") { viewerCanEditContent { allowed reason } } }`,
          {},
          headers,
        ),
      ).brand.viewerCanEditContent;
    expect(await rights(await loginAs(app, 'editor'))).toEqual({ allowed: true, reason: null });
    expect(await rights(await loginAs(app, 'admin'))).toEqual({ allowed: true, reason: null });
    const refused = {
      allowed: false,
      reason: 'Only brand editors may change the brand’s own content',
    };
    expect(await rights(await loginAs(app, 'texas'))).toEqual(refused);
    expect(await rights(await loginAs(app, 'austin'))).toEqual(refused);
    expect(await rights()).toEqual(refused);
    // The rule it answers is the mutation's: a region editor's brand treatment change is refused.
    const texas = await loginAs(app, 'texas');
    const { treatment } = dataOf(
      await app.graphql(
        `{ treatment(brand: "${LUMEN.slug}", slug: "micro-needling", preview: true) { itemId editable { version viewerCan { edit { allowed } } } } }`,
        {},
        texas,
      ),
    );
    expect(treatment.editable.viewerCan.edit.allowed).toBe(false);
    const { body } = await app.graphql(
      `mutation($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { id } }`,
      { input: { id: treatment.itemId, version: treatment.editable.version, summary: 'x' } },
      texas,
    );
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
