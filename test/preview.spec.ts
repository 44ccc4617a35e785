import { apiKeyHeaders } from './helpers/api-keys';
import { createSizedNetwork } from './fixtures/sized-network';
import { newApiKey, newBrand } from './helpers/factories';
import { loginAs } from './helpers/login';
import { startTestApp, TestApp } from './helpers/test-app';

const LUMEN = 'lumen-aesthetics';
/** A brand of its own (see beforeAll), so its drafts disturb no other spec. */
const SPA = 'preview-spa';

type Headers = Record<string, string>;

const CLINIC_PAGE = `query($brand: String!, $clinic: String!, $preview: Boolean) {
  clinic(brand: $brand, slug: $clinic, preview: $preview) {
    name brand { name } region { name } jsonLd
    providers { slug }
    treatment(slug: "peel") {
      name aliases summary facts { sessions { min max } }
      fieldSources { field scope missing }
      prices { label amount { amountMinor } }
      faqs { question }
      providers { slug }
      jsonLd
    }
  }
}`;

describe('preview: the working copy for editors and preview keys', () => {
  let app: TestApp;
  let editor: Headers;
  let admin: Headers;
  let spaKey: Headers;

  const sql = (query: string, params: unknown[] = []) => app.dataSource.query(query, params);
  const idOf = async (table: string, where: string): Promise<string> => {
    const rows: { id: string }[] = await sql(`SELECT id FROM ${table} WHERE ${where}`);
    if (rows.length !== 1) throw new Error(`expected one ${table} row where ${where}`);
    return rows[0].id;
  };
  const setDraft = (table: string, id: string, draft: Record<string, unknown>) =>
    sql(`UPDATE ${table} SET draft = $2::jsonb WHERE id = $1`, [id, JSON.stringify(draft)]);

  beforeAll(async () => {
    app = await startTestApp();
    [editor, admin] = await Promise.all([loginAs(app, 'editor'), loginAs(app, 'admin')]);

    // Brand, region, clinic-1 and clinic-2 offering "peel", prices at
    // clinic-1, provider-1 (everywhere) and provider-2 (clinic-1), FAQs 1 and
    // 3 (brand) and 2 and 4 (clinic-1), a summary override per clinic; all
    // published. Then drafts as editors would leave them (SQL, because not
    // every type has its mutations yet).
    const spa = await newBrand(app.dataSource, { slug: SPA, size: 2 });
    spaKey = (await newApiKey(app.dataSource, spa.brand, ['preview'])).headers;
    const { brand: brandId, treatment: peel, offering: offering1 } = spa;
    const inSpa = `brand_id = '${brandId}'`;
    const clinic1 = spa.clinics['clinic-1'];
    const clinic2 = spa.clinics['clinic-2'];

    await setDraft('brands', brandId, { name: 'Preview Spa' });
    await setDraft('regions', spa.region, { name: 'Central' });
    await setDraft('clinics', clinic2, { name: 'Clinic Two' });
    await setDraft('treatments', peel, {
      name: 'Peel Deluxe',
      aliases: ['Glow peel'],
      facts: { sessions: { min: 2, max: 4 } },
    });
    await setDraft('price_items', spa.price, { label: 'Price 1 (new)', amountMinor: 1500 });
    await setDraft(
      'overrides',
      await idOf('overrides', `clinic_id = '${clinic1}' AND field = 'summary'`),
      { value: 'Draft local {{clinic.name}}.' },
    );
    await setDraft('faqs', await idOf('faqs', `${inSpa} AND question = 'Question 1?'`), {
      _delete: true,
    });
    await setDraft('faqs', await idOf('faqs', `${inSpa} AND question = 'Question 3?'`), {
      answer: 'Draft answer',
      treatmentIds: [],
    });
    await setDraft('providers', await idOf('providers', `${inSpa} AND slug = 'provider-2'`), {
      bio: 'Draft bio',
      clinicIds: [clinic2],
    });
    // Never published: a clinic, a price and a field policy.
    await sql(
      `INSERT INTO clinics (brand_id, slug, name, address_line1, city, country, latitude, longitude, timezone)
       VALUES ($1, 'clinic-3', 'Clinic 3', '3 Main St', 'City 3', 'US', 30, -97, 'America/Chicago')`,
      [brandId],
    );
    await sql(
      `INSERT INTO price_items (clinic_treatment_id, label, kind, amount_minor, currency, position)
       VALUES ($1, 'Price 3', 'SINGLE_SESSION', 3000, 'USD', 3)`,
      [offering1],
    );
    await sql(
      `INSERT INTO field_policies (brand_id, entity_type, field, policy)
       VALUES ($1, 'TREATMENT', 'disclaimer', 'CLINIC_REQUIRED')`,
      [brandId],
    );
  });
  afterAll(() => app.close());

  const ask = async (query: string, variables: Record<string, unknown>, headers: Headers = {}) => {
    const { body } = await app.graphql(query, variables, headers);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const codeOf = async (query: string, variables: Record<string, unknown>, headers: Headers) => {
    const { body } = await app.graphql(query, variables, headers);
    return body.errors?.[0]?.extensions?.code;
  };

  describe('a clinic page', () => {
    it('shows drafts of every level in preview, and only published content without', async () => {
      const published = (await ask(CLINIC_PAGE, { brand: SPA, clinic: 'clinic-1' }, spaKey)).clinic;
      const preview = (
        await ask(CLINIC_PAGE, { brand: SPA, clinic: 'clinic-1', preview: true }, spaKey)
      ).clinic;

      expect(published).toMatchObject({
        brand: { name: `${SPA} brand` },
        region: { name: 'Region' },
        providers: [{ slug: 'provider-1' }, { slug: 'provider-2' }],
        treatment: {
          name: 'Peel',
          aliases: [],
          summary: 'Local Clinic 1',
          facts: { sessions: { min: 1, max: 2 } },
          prices: [
            { label: 'Price 1', amount: { amountMinor: 1000 } },
            { label: 'Price 2', amount: { amountMinor: 2000 } },
          ],
          faqs: ['Question 1?', 'Question 2?', 'Question 3?', 'Question 4?'].map((question) => ({
            question,
          })),
          providers: [{ slug: 'provider-1' }, { slug: 'provider-2' }],
        },
      });
      expect(published.treatment.fieldSources).toContainEqual({
        field: 'disclaimer',
        scope: 'BRAND',
        missing: false,
      });

      expect(preview).toMatchObject({
        brand: { name: 'Preview Spa' },
        region: { name: 'Central' },
        // provider-2's draft moves it to clinic-2.
        providers: [{ slug: 'provider-1' }],
        treatment: {
          name: 'Peel Deluxe',
          aliases: ['Glow peel'],
          // The draft override, with its token rendered for the clinic.
          summary: 'Draft local Clinic 1.',
          facts: { sessions: { min: 2, max: 4 } },
          prices: [
            { label: 'Price 1 (new)', amount: { amountMinor: 1500 } },
            { label: 'Price 2', amount: { amountMinor: 2000 } },
            { label: 'Price 3', amount: { amountMinor: 3000 } },
          ],
          // Question 1 waits for its delete; Question 3 is no longer about peel.
          faqs: [{ question: 'Question 2?' }, { question: 'Question 4?' }],
          providers: [{ slug: 'provider-1' }],
        },
      });
      expect(preview.treatment.fieldSources).toContainEqual({
        field: 'summary',
        scope: 'CLINIC',
        missing: false,
      });
      // The never-published CLINIC_REQUIRED policy applies in preview only.
      expect(preview.treatment.fieldSources).toContainEqual({
        field: 'disclaimer',
        scope: 'BRAND',
        missing: true,
      });
      const [therapy, offeredAt] = preview.treatment.jsonLd['@graph'];
      expect(therapy.name).toBe('Peel Deluxe');
      expect(offeredAt.makesOffer).toHaveLength(3);
      expect(preview.jsonLd.parentOrganization.name).toBe('Preview Spa');
    });

    it('answers a published and a preview root field of one request each in its own mode', async () => {
      const data = await ask(
        `{
          live: clinic(brand: "${SPA}", slug: "clinic-1") { treatment(slug: "peel") { summary prices { label } } }
          draft: clinic(brand: "${SPA}", slug: "clinic-1", preview: true) { treatment(slug: "peel") { summary prices { label } } }
        }`,
        {},
        spaKey,
      );
      expect(data.live.treatment).toEqual({
        summary: 'Local Clinic 1',
        prices: [{ label: 'Price 1' }, { label: 'Price 2' }],
      });
      expect(data.draft.treatment).toEqual({
        summary: 'Draft local Clinic 1.',
        prices: [{ label: 'Price 1 (new)' }, { label: 'Price 2' }, { label: 'Price 3' }],
      });
    });
  });

  it('applies a drafted change to a published field policy (LOCKED → INHERITABLE)', async () => {
    // A brand of its own: its LOCKED policy must not change SPA's pages.
    const brand = 'preview-policy';
    await createSizedNetwork(app.dataSource, brand, 1);
    const key = await apiKeyHeaders(app, brand, ['preview']);
    await sql(
      `INSERT INTO field_policies (brand_id, entity_type, field, policy, publication_status, draft)
       SELECT id, 'TREATMENT', 'summary', 'LOCKED', 'PUBLISHED', '{"policy": "INHERITABLE"}'
         FROM brands WHERE slug = $1`,
      [brand],
    );
    const query = `query($preview: Boolean) {
      clinic(brand: "${brand}", slug: "clinic-1", preview: $preview) {
        treatment(slug: "peel") { summary fieldSources { field scope } }
      }
    }`;
    const summaryOf = async (preview: boolean) => {
      const { treatment } = (await ask(query, { preview }, key)).clinic;
      const source = treatment.fieldSources.find((s: { field: string }) => s.field === 'summary');
      return { summary: treatment.summary, scope: source.scope };
    };
    // Published: LOCKED, so the clinic's override is ignored.
    expect(await summaryOf(false)).toEqual({ summary: 'At Clinic 1.', scope: 'BRAND' });
    // The working copy: INHERITABLE, so the clinic's override shows.
    expect(await summaryOf(true)).toEqual({ summary: 'Local Clinic 1', scope: 'CLINIC' });
  });

  describe('lists and lookups', () => {
    it('clinics: includes never-published clinics and draft names', async () => {
      const query = `query($preview: Boolean) {
        clinics(brand: "${SPA}", preview: $preview) { totalCount edges { node { name providers { slug } } } }
      }`;
      const published = (await ask(query, {}, spaKey)).clinics;
      const preview = (await ask(query, { preview: true }, spaKey)).clinics;
      expect(published.totalCount).toBe(2);
      expect(published.edges.map((e: any) => e.node)).toEqual([
        { name: 'Clinic 1', providers: [{ slug: 'provider-1' }, { slug: 'provider-2' }] },
        { name: 'Clinic 2', providers: [{ slug: 'provider-1' }] },
      ]);
      expect(preview.totalCount).toBe(3);
      expect(preview.edges.map((e: any) => e.node)).toEqual([
        { name: 'Clinic 1', providers: [{ slug: 'provider-1' }] },
        { name: 'Clinic 3', providers: [] },
        { name: 'Clinic Two', providers: [{ slug: 'provider-1' }, { slug: 'provider-2' }] },
      ]);
    });

    it('faqs and providers: draft text and links, pending deletes left out', async () => {
      const query = `query($preview: Boolean) {
        faqs(brand: "${SPA}", preview: $preview) { totalCount edges { node { question answer treatments { name } } } }
        about: faqs(brand: "${SPA}", treatment: "peel", preview: $preview) { totalCount }
        providers(brand: "${SPA}", preview: $preview) { edges { node { slug bio clinics { name } treatments { name } } } }
      }`;
      const published = await ask(query, {}, spaKey);
      const preview = await ask(query, { preview: true }, spaKey);

      expect(published.faqs.edges.map((e: any) => e.node)).toEqual([
        { question: 'Question 1?', answer: 'Answer *1*', treatments: [{ name: 'Peel' }] },
        { question: 'Question 3?', answer: 'Answer *3*', treatments: [{ name: 'Peel' }] },
      ]);
      expect(published.about.totalCount).toBe(2);
      expect(preview.faqs.edges.map((e: any) => e.node)).toEqual([
        { question: 'Question 3?', answer: 'Draft answer', treatments: [] },
      ]);
      expect(preview.about.totalCount).toBe(0);

      const provider2 = (data: any) =>
        data.providers.edges.find((e: any) => e.node.slug === 'provider-2').node;
      expect(provider2(published)).toEqual({
        slug: 'provider-2',
        bio: 'Bio',
        clinics: [{ name: 'Clinic 1' }],
        treatments: [{ name: 'Peel' }],
      });
      expect(provider2(preview)).toEqual({
        slug: 'provider-2',
        bio: 'Draft bio',
        clinics: [{ name: 'Clinic Two' }],
        treatments: [{ name: 'Peel Deluxe' }],
      });
    });

    it('brand and treatment: the brand versions of the working copy', async () => {
      const query = `query($preview: Boolean) {
        brand(slug: "${SPA}", preview: $preview) { name }
        treatment(brand: "${SPA}", slug: "peel", preview: $preview) { name prices { label } faqs { question } }
      }`;
      expect(await ask(query, {}, spaKey)).toEqual({
        brand: { name: `${SPA} brand` },
        treatment: {
          name: 'Peel',
          prices: [],
          faqs: [{ question: 'Question 1?' }, { question: 'Question 3?' }],
        },
      });
      expect(await ask(query, { preview: true }, spaKey)).toEqual({
        brand: { name: 'Preview Spa' },
        treatment: { name: 'Peel Deluxe', prices: [], faqs: [] },
      });
    });
  });

  describe('drafts written through the editing API', () => {
    let n = 0;
    const ITEM = 'type id version status';
    const slugOf = () => `preview-peel-${Date.now()}-${(n += 1)}`;
    const lumenTreatment = (slug: string, headers: Headers, preview: boolean) =>
      app.graphql(
        `query($slug: String!, $preview: Boolean) {
          treatment(brand: "${LUMEN}", slug: $slug, preview: $preview) { name summary aliases disclaimer }
        }`,
        { slug, preview },
        headers,
      );
    const mutate = async (name: string, input: Record<string, unknown>) => {
      const { body } = await app.graphql(
        `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${ITEM} } }`,
        { input },
        editor,
      );
      expect(body.errors).toBeUndefined();
      return body.data[name];
    };
    const refOf = (item: { type: string; id: string; version: number }) => ({
      type: item.type,
      id: item.id,
      version: item.version,
    });

    it('shows a created, an edited and a pending-delete treatment as the editor left them', async () => {
      const slug = slugOf();
      const created = await mutate('createTreatment', {
        slug,
        name: 'Glow Peel',
        summary: 'Before launch.',
        disclaimer: 'Local note.',
      });
      expect((await lumenTreatment(slug, {}, false)).body.data.treatment).toBeNull();
      expect((await lumenTreatment(slug, editor, true)).body.data.treatment).toEqual({
        name: 'Glow Peel',
        summary: 'Before launch.',
        aliases: [],
        disclaimer: 'Local note.',
      });

      const [live] = await mutate('publish', { items: [refOf(created)] });
      const edited = await mutate('updateTreatment', {
        id: live.id,
        version: live.version,
        summary: 'After launch.',
        aliases: ['Glow'],
        disclaimer: null,
      });
      expect((await lumenTreatment(slug, {}, false)).body.data.treatment).toEqual({
        name: 'Glow Peel',
        summary: 'Before launch.',
        aliases: [],
        disclaimer: 'Local note.',
      });
      expect((await lumenTreatment(slug, editor, true)).body.data.treatment).toEqual({
        name: 'Glow Peel',
        summary: 'After launch.',
        aliases: ['Glow'],
        disclaimer: null,
      });

      await mutate('deleteItem', { item: refOf(edited) });
      expect((await lumenTreatment(slug, {}, false)).body.data.treatment).toMatchObject({
        summary: 'Before launch.',
      });
      expect((await lumenTreatment(slug, editor, true)).body.data.treatment).toBeNull();
    });

    it('lets a preview key and a clinic editor of the brand see drafts too', async () => {
      const slug = slugOf();
      await mutate('createTreatment', { slug, name: 'Key Peel', summary: 'Draft.' });
      const { body } = await app.graphql(
        `mutation { createApiKey(input: { name: "Preview", scopes: [PREVIEW] }) { key } }`,
        {},
        admin,
      );
      const previewKey = { authorization: `Bearer ${body.data.createApiKey.key}` };
      for (const headers of [previewKey, await loginAs(app, 'austin')]) {
        const answer = await lumenTreatment(slug, headers, true);
        expect(answer.body.errors).toBeUndefined();
        expect(answer.body.data.treatment).toMatchObject({ name: 'Key Peel', summary: 'Draft.' });
      }
    });
  });

  describe('access', () => {
    const ROOT_FIELDS: [string, string][] = [
      ['brand', `brand(slug: $brand, preview: true) { name }`],
      ['clinic', `clinic(brand: $brand, slug: "clinic-1", preview: true) { name }`],
      ['clinics', `clinics(brand: $brand, preview: true) { totalCount }`],
      ['treatment', `treatment(brand: $brand, slug: "peel", preview: true) { name }`],
      ['faqs', `faqs(brand: $brand, preview: true) { totalCount }`],
      ['providers', `providers(brand: $brand, preview: true) { totalCount }`],
    ];
    const rootQuery = (field: string) => `query($brand: String!) { ${field} }`;
    let deliveryKey: Headers;
    let partnerKey: Headers;
    beforeAll(async () => {
      deliveryKey = await apiKeyHeaders(app, SPA, ['delivery']);
      partnerKey = await apiKeyHeaders(app, SPA, ['partner']);
    });

    it.each(ROOT_FIELDS)('%s: anonymous callers are asked to sign in', async (_, field) => {
      const { body } = await app.graphql(rootQuery(field), { brand: SPA });
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(body.data ?? null)).not.toContain('Preview Spa');
    });

    it.each(ROOT_FIELDS)(
      '%s: another brand’s editor and keys without the preview scope are refused',
      async (_, field) => {
        for (const headers of [editor, deliveryKey, partnerKey]) {
          expect(await codeOf(rootQuery(field), { brand: SPA }, headers)).toBe('FORBIDDEN');
        }
        // The same field answers for the brand's own preview key.
        expect(await codeOf(rootQuery(field), { brand: SPA }, spaKey)).toBeUndefined();
      },
    );

    it('refuses a delivery key made by the admin, and allows an admin key', async () => {
      const create = async (scope: string) => {
        const { body } = await app.graphql(
          `mutation { createApiKey(input: { name: "${scope}", scopes: [${scope}] }) { key } }`,
          {},
          admin,
        );
        return { authorization: `Bearer ${body.data.createApiKey.key}` };
      };
      const query = rootQuery(`brand(slug: $brand, preview: true) { slug }`);
      expect(await codeOf(query, { brand: LUMEN }, await create('DELIVERY'))).toBe('FORBIDDEN');
      const adminKey = await create('ADMIN');
      expect((await app.graphql(query, { brand: LUMEN }, adminKey)).body.data).toEqual({
        brand: { slug: LUMEN },
      });
      // A brand's key previews that brand only.
      expect(await codeOf(query, { brand: SPA }, adminKey)).toBe('FORBIDDEN');
    });

    it('says the same to another brand’s editor whether or not the brand exists', async () => {
      const query = rootQuery(`brand(slug: $brand, preview: true) { slug }`);
      const existing = await app.graphql(query, { brand: SPA }, editor);
      const unknown = await app.graphql(query, { brand: 'no-such-brand' }, editor);
      expect(existing.body.errors![0].extensions.code).toBe('FORBIDDEN');
      expect(unknown.body.errors).toEqual(existing.body.errors);
    });

    it('keeps published answers public, with or without a credential', async () => {
      const query = rootQuery(`brand(slug: $brand, preview: false) { name }`);
      for (const headers of [{}, editor, spaKey]) {
        expect((await app.graphql(query, { brand: SPA }, headers)).body.data).toEqual({
          brand: { name: `${SPA} brand` },
        });
      }
    });
  });
});
