import { storeMissingRenderingsOfContent } from '../src/editing/content-store';
import { markdownToSafeHtml } from '../src/markdown/markdown';
import { RENDERER } from '../src/markdown/stored-renderings';
import {
  BRAND,
  EditingFixture,
  SEEDED,
  startEditingFixture,
  uniqueSlug,
} from './helpers/content-editing';

/**
 * Provider bios are rendered when they are written and delivered from the
 * stored HTML (src/markdown/stored-renderings.ts); a bio without a stored
 * rendering is rendered when read.
 */
describe('stored renderings of provider bios', () => {
  let f: EditingFixture;
  beforeAll(async () => {
    f = await startEditingFixture();
  });
  afterAll(() => f?.close());

  let asked = 0;
  /** The provider's bioHtml as delivered; each query is new, so no cached answer is reused. */
  const deliveredBioHtml = async (slug: string): Promise<string> => {
    const { body } = await f.app.graphql(
      `{ p${++asked}: providers(brand: "${BRAND}", clinic: "austin-downtown", first: 100) {
           edges { node { slug bioHtml } } } }`,
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
    const created = await f.ok(
      'createProvider',
      {
        slug,
        name: 'Stored Bio',
        credentials: ['RN'],
        title: 'Aesthetic Nurse',
        bio,
        clinicIds: [SEEDED.austin],
        treatmentIds: [SEEDED.microNeedling],
      },
      f.as.editor,
    );
    await f.publish([created]);
    return { slug, id: created.id as string };
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
    const { slug, id } = await publishedProvider(`First ${uniqueSlug('bio')}.`);
    const changed = `Now *${uniqueSlug('teaches')}* too.`;
    const draft = await f.ok(
      'updateProvider',
      { id, version: (await f.item('PROVIDER', id)).version, bio: changed },
      f.as.editor,
    );
    await f.publish([draft]);
    expect(await storedHtml(changed)).toEqual([markdownToSafeHtml(changed)]);
    expect(await deliveredBioHtml(slug)).toBe(markdownToSafeHtml(changed));
  });

  it('renders a bio that has no stored HTML (written by SQL, or by another renderer) when read', async () => {
    const { slug, id } = await publishedProvider(`Before ${uniqueSlug('bio')}.`);
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
