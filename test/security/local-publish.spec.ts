import {
  EditingFixture,
  Item,
  SEEDED,
  startEditingFixture,
  uniqueSlug,
} from '../helpers/content-editing';

/**
 * Issue 9.3: whether a brand-level item (a provider) or a clinic is on the
 * site is the brand's call. A clinic or region editor's publish applies its
 * local fields only; it never puts such an item live, and they may not
 * unpublish, republish or delete it.
 */
describe('security: local editors never change whether brand items and clinics are live', () => {
  let f: EditingFixture;

  beforeAll(async () => {
    f = await startEditingFixture();
  });
  afterAll(() => f?.close());

  const ref = ({ type, id, version }: Item) => ({ type, id, version });
  const publishAs = (items: Item[], who: 'austin' | 'texas' | 'editor') =>
    f.mutate('publish', { items: items.map(ref) }, f.as[who]);
  const providerLive = async (slug: string) => {
    const { body } = await f.app.graphql(
      `query($brand: String!) { providers(brand: $brand, first: 100) { edges { node { slug } } } }`,
      { brand: 'lumen-aesthetics' },
    );
    return (body.data.providers.edges as { node: { slug: string } }[]).some(
      (edge) => edge.node.slug === slug,
    );
  };

  it('a clinic editor publishing a local draft of a provider the brand unpublished applies the bio only', async () => {
    const id = SEEDED.provider('jordan-reyes'); // works at Austin
    const slug = (await f.item('PROVIDER', id)).values.slug as string;
    await f.ok('unpublish', { item: ref(await f.item('PROVIDER', id)) }, f.as.editor);
    expect(await providerLive(slug)).toBe(false);

    const draft = await f.ok(
      'updateProvider',
      { id, version: (await f.item('PROVIDER', id)).version, bio: 'A new local bio.' },
      f.as.austin,
    );
    const result = await publishAs([draft], 'austin');
    expect(result.errors).toBeUndefined();
    const after = await f.item('PROVIDER', id);
    expect(after.status).toBe('DRAFT');
    expect(after.hasDraft).toBe(false);
    expect(after.publishedValues.bio).toBe('A new local bio.');
    expect(await providerLive(slug)).toBe(false);

    // Without a draft, the publish would only put it live: refused.
    expect((await publishAs([after], 'austin')).code).toBe('FORBIDDEN');
    expect((await f.item('PROVIDER', id)).status).toBe('DRAFT');

    // The brand puts it back, with the clinic's bio.
    await f.publish([after], f.as.editor);
    expect(await providerLive(slug)).toBe(true);
  });

  it('a region editor cannot put a never-published provider of its clinics live', async () => {
    const slug = uniqueSlug('new-provider');
    const [{ id }] = await f.app.dataSource.query(
      `INSERT INTO providers (brand_id, slug, name, publication_status)
       VALUES ($1, $2, 'Not Yet Hired', 'DRAFT') RETURNING id`,
      [SEEDED.brand, slug],
    );
    await f.app.dataSource.query(
      `INSERT INTO provider_clinics (provider_id, clinic_id) VALUES ($1, $2)`,
      [id, SEEDED.austin],
    );
    const draft = await f.ok(
      'updateProvider',
      { id, version: (await f.item('PROVIDER', id)).version, title: 'Nurse injector' },
      f.as.texas,
    );
    expect((await publishAs([draft], 'texas')).errors).toBeUndefined();
    expect((await f.item('PROVIDER', id)).status).toBe('DRAFT');
    expect(await providerLive(slug)).toBe(false);
  });

  it('a clinic editor cannot carry out a deletion the brand staged on a provider', async () => {
    const id = SEEDED.provider('jordan-reyes');
    const staged = await f.ok(
      'deleteItem',
      { item: ref(await f.item('PROVIDER', id)) },
      f.as.editor,
    );
    expect(staged.pendingDelete).toBe(true);
    const withBio = await f.ok(
      'updateProvider',
      { id, version: staged.version, bio: 'Still here.' },
      f.as.austin,
    );
    expect((await publishAs([withBio], 'austin')).code).toBe('FORBIDDEN');
    expect((await f.item('PROVIDER', id)).pendingDelete).toBe(true);
    // Withdraw the deletion for the tests that follow.
    await f.ok(
      'restoreRevision',
      {
        revisionId: (
          await f.app.dataSource.query(
            `SELECT id::text FROM revisions WHERE entity_id = $1 AND action = 'PUBLISH' ORDER BY id DESC LIMIT 1`,
            [id],
          )
        )[0].id,
        version: withBio.version,
      },
      f.as.editor,
    );
  });

  it('a clinic editor may neither unpublish, delete nor republish its own clinic', async () => {
    const clinic = await f.item('CLINIC', SEEDED.austin);
    expect(clinic.status).toBe('PUBLISHED');
    expect((await f.mutate('unpublish', { item: ref(clinic) }, f.as.austin)).code).toBe(
      'FORBIDDEN',
    );
    expect((await f.mutate('deleteItem', { item: ref(clinic) }, f.as.austin)).code).toBe(
      'FORBIDDEN',
    );
    expect(await f.item('CLINIC', SEEDED.austin)).toEqual(clinic);

    const closed = await f.ok('unpublish', { item: ref(clinic) }, f.as.editor);
    expect((await publishAs([closed], 'austin')).code).toBe('FORBIDDEN');
    // Its details are still the clinic's to publish, but the clinic stays off the site.
    const phone = await f.ok(
      'updateClinic',
      { id: SEEDED.austin, version: closed.version, phone: '+1 512-555-0199' },
      f.as.austin,
    );
    expect((await publishAs([phone], 'austin')).errors).toBeUndefined();
    const after = await f.item('CLINIC', SEEDED.austin);
    expect(after.status).toBe('DRAFT');
    expect(after.publishedValues.phone).toBe('+1 512-555-0199');

    // A brand editor may.
    expect((await publishAs([after], 'editor')).errors).toBeUndefined();
    expect((await f.item('CLINIC', SEEDED.austin)).status).toBe('PUBLISHED');
  });

  it('a clinic editor still publishes, unpublishes and deletes its clinic’s own items', async () => {
    const faq = await f.ok(
      'createFaq',
      { clinicId: SEEDED.austin, question: `${uniqueSlug('Parking')}?`, answer: 'Free.' },
      f.as.austin,
    );
    const [live] = await f.publish([faq], f.as.austin);
    expect(live.status).toBe('PUBLISHED');
    const off = await f.ok('unpublish', { item: ref(live) }, f.as.austin);
    expect(off.status).toBe('DRAFT');
    expect((await f.mutate('deleteItem', { item: ref(off) }, f.as.austin)).errors).toBeUndefined();
  });
});
