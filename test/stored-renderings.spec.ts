import { storeMissingRenderingsOfContent } from '../src/editing/content-store';
import { markdownToSafeHtml } from '../src/markdown/markdown';
import { RENDERER } from '../src/markdown/stored-renderings';
import {
  type EditingFixture,
  type Headers,
  type Item,
  ITEM,
  signInNewEditor,
  startEditingFixture,
  uniqueSlug,
} from './helpers/content-editing';
import { type BrandFixture, newBrand } from './helpers/factories';

/**
 * Provider bios are rendered when they are written and delivered from the
 * stored HTML (src/markdown/stored-renderings.ts); a bio without a stored
 * rendering is rendered when read. In a brand of its own: its publishes move
 * no other spec's cached answers.
 */
describe('stored renderings of provider bios', () => {
  let f: EditingFixture;
  let brand: BrandFixture;
  let editor: Headers;
  beforeAll(async () => {
    f = await startEditingFixture();
    brand = await newBrand(f.app.dataSource);
    editor = await signInNewEditor(f.app, brand.brand, 'BRAND_EDITOR');
  });
  afterAll(() => f?.close());

  const mutate = async (name: string, input: Record<string, unknown>): Promise<Item> => {
    const { body } = await f.app.graphql(
      `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${ITEM} } }`,
      { input },
      editor,
    );
    expect(body.errors).toBeUndefined();
    return body.data[name];
  };
  const publish = async (item: Item): Promise<Item> => {
    const { body } = await f.app.graphql(
      `mutation($input: PublishInput!) { publish(input: $input) { ${ITEM} } }`,
      { input: { items: [{ type: item.type, id: item.id, version: item.version }] } },
      editor,
    );
    expect(body.errors).toBeUndefined();
    return body.data.publish[0];
  };

  let asked = 0;
  /** The provider's bioHtml as delivered; each query is new, so no cached answer is reused. */
  const deliveredBioHtml = async (slug: string): Promise<string> => {
    const { body } = await f.app.graphql(
      `query($brand: String!, $clinic: String!) { p${++asked}: providers(brand: $brand, clinic: $clinic, first: 100) {
           edges { node { slug bioHtml } } } }`,
      { brand: brand.slug, clinic: 'clinic-1' },
    );
    expect(body.errors).toBeUndefined();
    const edges: { node: { slug: string; bioHtml: string } }[] = body.data[`p${asked}`].edges;
    return edges.find((edge) => edge.node.slug === slug)!.node.bioHtml;
  };
  const storedHtml = async (text: string): Promise<string[]> =>
    (
      await f.app.dataSource.query(
        `SELECT html FROM markdown_renderings
          WHERE renderer = $1 AND source_sha256 = encode(sha256(convert_to($2::text, 'UTF8')), 'hex')`,
        [RENDERER, text],
      )
    ).map((row: { html: string }) => row.html);

  const publishedProvider = async (bio: string) => {
    const slug = uniqueSlug('stored-bio');
    const created = await mutate('createProvider', {
      slug,
      name: 'Stored Bio',
      credentials: ['RN'],
      title: 'Aesthetic Nurse',
      bio,
      clinicIds: [brand.clinic],
      treatmentIds: [brand.treatment],
    });
    return { slug, item: await publish(created) };
  };

  it('stores the bio’s HTML when it is written, and delivers that HTML', async () => {
    const bio = `Nurse ${uniqueSlug('n')} has **9 years** of experience.`;
    const { slug } = await publishedProvider(bio);
    expect(await storedHtml(bio)).toEqual([markdownToSafeHtml(bio)]);

    // Delivery reads the stored HTML rather than rendering the bio again.
    await f.app.dataSource.query(
      `UPDATE markdown_renderings SET html = '<p>as stored</p>'
        WHERE renderer = $1 AND source_sha256 = encode(sha256(convert_to($2::text, 'UTF8')), 'hex')`,
      [RENDERER, bio],
    );
    expect(await deliveredBioHtml(slug)).toBe('<p>as stored</p>');
  });

  it('stores the new bio’s HTML when an editor’s change is published', async () => {
    const { slug, item } = await publishedProvider(`First ${uniqueSlug('bio')}.`);
    const changed = `Now *${uniqueSlug('teaches')}* too.`;
    await publish(
      await mutate('updateProvider', { id: item.id, version: item.version, bio: changed }),
    );
    expect(await storedHtml(changed)).toEqual([markdownToSafeHtml(changed)]);
    expect(await deliveredBioHtml(slug)).toBe(markdownToSafeHtml(changed));
  });

  it('renders a bio that has no stored HTML (written by SQL, or by another renderer) when read', async () => {
    const {
      slug,
      item: { id },
    } = await publishedProvider(`Before ${uniqueSlug('bio')}.`);
    const bio = `Written by **SQL** ${uniqueSlug('x')} <script>alert(1)</script>`;
    await f.app.dataSource.query(`UPDATE providers SET bio = $2 WHERE id = $1`, [id, bio]);
    // Another renderer's HTML for the same text is not this one's.
    await f.app.dataSource.query(
      `INSERT INTO markdown_renderings (renderer, source_sha256, html)
       VALUES ('another', encode(sha256(convert_to($1::text, 'UTF8')), 'hex'), '<p>other</p>')`,
      [bio],
    );
    expect(await storedHtml(bio)).toEqual([]);
    const html = await deliveredBioHtml(slug);
    expect(html).toBe(markdownToSafeHtml(bio));
    expect(html).toContain('<strong>SQL</strong>');
    expect(html).not.toContain('script');

    // What the seeds run after writing rows by SQL stores it.
    await storeMissingRenderingsOfContent(f.app.dataSource.manager);
    expect(await storedHtml(bio)).toEqual([html]);
  });
});
