import { namesInputField } from './helpers/editing';
import {
  BRAND,
  createOtherBrand,
  EditingFixture,
  Item,
  OtherBrand,
  SEEDED,
  startEditingFixture,
  uniqueSlug,
} from './helpers/content-editing';

/** Write-side mutations for the brand, its regions, clinics and providers. */
describe('editing the network: brand, regions, clinics, providers', () => {
  let f: EditingFixture;
  let other: OtherBrand;

  beforeAll(async () => {
    f = await startEditingFixture();
    other = await createOtherBrand(f.app);
  });
  afterAll(() => f?.close());

  const deliver = async (query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await f.app.graphql(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const rows = async (table: string, slug: string) =>
    (
      await f.app.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE slug = $1`, [
        slug,
      ])
    )[0].n as number;
  const ref = (item: Item, version = item.version) => ({ id: item.id, version });

  describe('updateBrand', () => {
    it('lets a brand admin change name, locale, currency and website; live after publish', async () => {
      const before = await f.item('BRAND', SEEDED.brand);
      const draft = await f.ok(
        'updateBrand',
        {
          ...ref(before),
          name: 'Lumen Aesthetics & Laser',
          locale: 'en-GB',
          currency: 'GBP',
          websiteUrl: null,
        },
        f.as.admin,
      );
      expect(draft).toMatchObject({
        type: 'BRAND',
        version: before.version + 1,
        hasDraft: true,
        values: { name: 'Lumen Aesthetics & Laser', locale: 'en-GB', currency: 'GBP' },
      });
      expect(draft.values.websiteUrl).toBeNull();
      const query = `{ brand(slug: "${BRAND}") { name locale currency websiteUrl } }`;
      expect((await deliver(query)).brand.name).toBe('Lumen Aesthetics');

      await f.publish([draft], f.as.admin);
      expect((await deliver(query)).brand).toEqual({
        name: 'Lumen Aesthetics & Laser',
        locale: 'en-GB',
        currency: 'GBP',
        websiteUrl: null,
      });
    });

    it.each(['editor', 'texas', 'austin'] as const)('refuses %s with FORBIDDEN', async (who) => {
      await f.refusedUpdate('updateBrand', 'BRAND', SEEDED.brand, { name: 'X' }, who, 'FORBIDDEN');
    });

    it('asks anonymous callers to sign in', async () => {
      await f.refusedUpdate(
        'updateBrand',
        'BRAND',
        SEEDED.brand,
        { name: 'X' },
        'anonymous',
        'UNAUTHENTICATED',
      );
    });

    it('answers NOT_FOUND for another brand, changing nothing', async () => {
      const result = await f.mutate(
        'updateBrand',
        { id: other.brand, version: 1, name: 'Mine now' },
        f.as.admin,
      );
      expect(result.code).toBe('NOT_FOUND');
      const [brand] = await f.app.dataSource.query(`SELECT name, draft FROM brands WHERE id = $1`, [
        other.brand,
      ]);
      expect(brand).toEqual({ name: other.name, draft: null });
    });

    it.each([
      ['currency', 'not a valid currency', { currency: 'XYZ' }],
      ['currency', 'ISO 4217', { currency: 'usd' }],
      ['locale', 'BCP-47', { locale: 'en_US' }],
      ['name', 'shorter than or equal to 200', { name: 'x'.repeat(201) }],
      ['name', 'cannot be null', { name: null }],
      ['websiteUrl', 'URL', { websiteUrl: 'javascript:alert(1)' }],
    ])('refuses a bad %s (%s)', async (field, rule, change) => {
      const result = await f.refusedUpdate(
        'updateBrand',
        'BRAND',
        SEEDED.brand,
        change,
        'admin',
        'BAD_USER_INPUT',
      );
      expect(result.message).toMatch(namesInputField(field));
      expect(result.message).toContain(rule);
    });

    it('refuses a stale version with CONFLICT', async () => {
      const current = await f.item('BRAND', SEEDED.brand);
      await f.refusedUpdate(
        'updateBrand',
        'BRAND',
        SEEDED.brand,
        { version: current.version - 1, name: 'Stale' },
        'admin',
        'CONFLICT',
      );
    });
  });

  describe('createRegion, updateRegion', () => {
    it('lets brand-wide editors create and rename regions; clinics are found by them once published', async () => {
      const slug = uniqueSlug('arizona');
      const region = await f.ok('createRegion', { slug, name: 'Arizona' }, f.as.editor);
      expect(region).toMatchObject({ type: 'REGION', status: 'DRAFT', version: 1 });
      const clinic = await f.ok(
        'createClinic',
        { ...clinicInput(uniqueSlug('phoenix')), regionId: region.id },
        f.as.editor,
      );
      const [liveRegion, liveClinic] = await f.publish([region, clinic]);
      const query = `query($region: String!) {
        clinics(brand: "${BRAND}", filter: { region: $region }) {
          totalCount edges { node { slug region { slug name } } }
        }
      }`;
      expect((await deliver(query, { region: slug })).clinics).toEqual({
        totalCount: 1,
        edges: [{ node: { slug: clinic.values.slug, region: { slug, name: 'Arizona' } } }],
      });

      const renamed = await f.ok(
        'updateRegion',
        { ...ref(liveRegion), name: 'Arizona & New Mexico' },
        f.as.admin,
      );
      await f.publish([renamed]);
      const after = await deliver(query, { region: slug });
      expect(after.clinics.edges[0].node.region.name).toBe('Arizona & New Mexico');
      expect(liveClinic.status).toBe('PUBLISHED');
    });

    it.each([
      ['texas', 'FORBIDDEN'],
      ['austin', 'FORBIDDEN'],
      ['anonymous', 'UNAUTHENTICATED'],
    ] as const)('refuses createRegion by %s (%s), storing nothing', async (who, code) => {
      const slug = uniqueSlug('nevada');
      const result = await f.mutate('createRegion', { slug, name: 'Nevada' }, f.as[who]);
      expect(result.code).toBe(code);
      expect(await rows('regions', slug)).toBe(0);
    });

    it.each(['texas', 'austin'] as const)('keeps %s off regions, even their own', async (who) => {
      await f.refusedUpdate(
        'updateRegion',
        'REGION',
        SEEDED.texas,
        { name: 'Tejas' },
        who,
        'FORBIDDEN',
      );
    });

    it('answers NOT_FOUND for another brand’s region', async () => {
      const result = await f.mutate(
        'updateRegion',
        { id: other.region, version: 1, name: 'Ours' },
        f.as.editor,
      );
      expect(result.code).toBe('NOT_FOUND');
    });

    it('refuses a bad slug, a taken slug and a stale version, storing nothing', async () => {
      const bad = await f.mutate('createRegion', { slug: 'Not A Slug', name: 'X' }, f.as.editor);
      expect(bad.code).toBe('BAD_USER_INPUT');
      expect(bad.message).toContain('slug: must be lower-case words joined by hyphens');
      const taken = await f.mutate('createRegion', { slug: 'texas', name: 'Texas 2' }, f.as.editor);
      expect(taken.code).toBe('CONFLICT');
      const [{ n }] = await f.app.dataSource.query(
        `SELECT count(*)::int AS n FROM regions WHERE brand_id = $1 AND slug = 'texas'`,
        [SEEDED.brand],
      );
      expect(n).toBe(1);
      const current = await f.item('REGION', SEEDED.colorado);
      await f.refusedUpdate(
        'updateRegion',
        'REGION',
        SEEDED.colorado,
        { version: current.version + 1, name: 'Future' },
        'editor',
        'CONFLICT',
      );
    });
  });

  describe('createClinic, updateClinic', () => {
    const clinicQuery = `query($slug: String!) { clinic(brand: "${BRAND}", slug: $slug) {
      name address { line1 line2 city region postalCode country } geo { lat lng }
      phone email timezone locale status openingHours { day opens closes } region { slug }
    } }`;

    it('creates a clinic as a draft that delivery shows once published', async () => {
      const slug = uniqueSlug('san-antonio');
      const created = await f.ok(
        'createClinic',
        {
          ...clinicInput(slug),
          regionId: SEEDED.texas,
          addressLine2: 'Suite 5',
          addressRegion: 'TX',
          postalCode: '78205',
          phone: '+1 210-555-0100',
          email: 'sa@lumen-aesthetics.example',
          locale: 'en-US',
          currency: 'USD',
          operatingStatus: 'COMING_SOON',
          openingHours: [
            { day: 'TUESDAY', opens: '09:00', closes: '17:00' },
            { day: 'MONDAY', opens: '13:00', closes: '18:00' },
            { day: 'MONDAY', opens: '08:00', closes: '12:00' },
          ],
        },
        f.as.editor,
      );
      expect(created).toMatchObject({ type: 'CLINIC', status: 'DRAFT', version: 1 });
      expect((await deliver(clinicQuery, { slug })).clinic).toBeNull();

      await f.publish([created]);
      expect((await deliver(clinicQuery, { slug })).clinic).toEqual({
        name: 'Lumen Aesthetics Test Clinic',
        address: {
          line1: '100 Alamo Plaza',
          line2: 'Suite 5',
          city: 'San Antonio',
          region: 'TX',
          postalCode: '78205',
          country: 'US',
        },
        geo: { lat: 29.4246, lng: -98.4861 },
        phone: '+1 210-555-0100',
        email: 'sa@lumen-aesthetics.example',
        timezone: 'America/Chicago',
        locale: 'en-US',
        status: 'COMING_SOON',
        // Stored in week order, whatever order they were sent in.
        openingHours: [
          { day: 'MONDAY', opens: '08:00', closes: '12:00' },
          { day: 'MONDAY', opens: '13:00', closes: '18:00' },
          { day: 'TUESDAY', opens: '09:00', closes: '17:00' },
        ],
        region: { slug: 'texas' },
      });
    });

    it('lets a clinic editor change their clinic’s details and hours, and publish them', async () => {
      const before = await f.item('CLINIC', SEEDED.austin);
      const draft = await f.ok(
        'updateClinic',
        {
          ...ref(before),
          phone: '+1 512-555-0199',
          addressLine2: null,
          openingHours: [{ day: 'SATURDAY', opens: '10:00', closes: '14:00' }],
        },
        f.as.austin,
      );
      expect(draft.values).toMatchObject({ phone: '+1 512-555-0199', addressLine2: null });
      const slug = 'austin-downtown';
      expect((await deliver(clinicQuery, { slug })).clinic.phone).toBe('+1 512-555-0142');

      await f.publish([draft], f.as.austin);
      const live = (await deliver(clinicQuery, { slug })).clinic;
      expect(live).toMatchObject({
        phone: '+1 512-555-0199',
        address: { line1: '401 Congress Ave', line2: null },
        openingHours: [{ day: 'SATURDAY', opens: '10:00', closes: '14:00' }],
      });
      const list = await deliver(
        `{ clinics(brand: "${BRAND}", filter: { city: "Austin" }) { edges { node { slug phone } } } }`,
      );
      expect(list.clinics.edges).toEqual([{ node: { slug, phone: '+1 512-555-0199' } }]);
    });

    it('lets a region editor change the clinics of their region only', async () => {
      const dallas = await f.item('CLINIC', SEEDED.dallas);
      const draft = await f.ok(
        'updateClinic',
        { ...ref(dallas), operatingStatus: 'TEMPORARILY_CLOSED' },
        f.as.texas,
      );
      expect(draft.values.operatingStatus).toBe('TEMPORARILY_CLOSED');
      await f.refusedUpdate(
        'updateClinic',
        'CLINIC',
        SEEDED.denver,
        { phone: '+1 303-555-0100' },
        'texas',
        'FORBIDDEN',
      );
    });

    it('keeps clinic editors to their own clinic', async () => {
      await f.refusedUpdate(
        'updateClinic',
        'CLINIC',
        SEEDED.dallas,
        { phone: '+1 214-555-0100' },
        'austin',
        'FORBIDDEN',
      );
    });

    it.each([
      ['austin', { slug: 'austin-central' }],
      ['austin', { regionId: SEEDED.colorado }],
      ['austin', { currency: 'EUR' }],
      ['texas', { slug: 'austin-central' }],
      ['texas', { regionId: null }],
    ] as const)(
      'keeps slug, region and currency for brand-wide editors (%s, %j)',
      async (who, change) => {
        await f.refusedUpdate('updateClinic', 'CLINIC', SEEDED.austin, change, who, 'FORBIDDEN');
      },
    );

    it('lets brand-wide editors move a clinic and change its slug and currency', async () => {
      const created = await f.ok('createClinic', clinicInput(uniqueSlug('plano')), f.as.editor);
      const slug = uniqueSlug('plano-west');
      const moved = await f.ok(
        'updateClinic',
        { ...ref(created), slug, regionId: SEEDED.texas, currency: 'EUR' },
        f.as.editor,
      );
      expect(moved.values).toMatchObject({ slug, regionId: SEEDED.texas, currency: 'EUR' });
    });

    it.each([
      ['texas', 'FORBIDDEN'],
      ['austin', 'FORBIDDEN'],
      ['anonymous', 'UNAUTHENTICATED'],
    ] as const)('refuses createClinic by %s (%s), even in their region', async (who, code) => {
      const slug = uniqueSlug('waco');
      const result = await f.mutate(
        'createClinic',
        { ...clinicInput(slug), regionId: SEEDED.texas },
        f.as[who],
      );
      expect(result.code).toBe(code);
      expect(await rows('clinics', slug)).toBe(0);
    });

    it('refuses another brand’s region and clinic', async () => {
      const slug = uniqueSlug('elsewhere');
      const foreignRegion = await f.mutate(
        'createClinic',
        { ...clinicInput(slug), regionId: other.region },
        f.as.editor,
      );
      expect(foreignRegion.code).toBe('BAD_USER_INPUT');
      expect(foreignRegion.message).toBe('regionId: no such item in this brand');
      expect(await rows('clinics', slug)).toBe(0);

      // A region that exists nowhere is answered alike: ids elsewhere stay unknowable.
      const missingRegion = await f.mutate(
        'createClinic',
        { ...clinicInput(slug), regionId: '00000000-0000-4000-8000-000000000000' },
        f.as.editor,
      );
      expect(missingRegion.message).toBe(foreignRegion.message);
      expect(await rows('clinics', slug)).toBe(0);

      await f.refusedUpdate(
        'updateClinic',
        'CLINIC',
        SEEDED.dallas,
        { regionId: other.region },
        'editor',
        'BAD_USER_INPUT',
      );
      for (const [who, code] of [
        ['editor', 'NOT_FOUND'],
        ['texas', 'FORBIDDEN'],
        ['austin', 'FORBIDDEN'],
      ] as const) {
        const result = await f.mutate(
          'updateClinic',
          { id: other.clinic, version: 1, name: 'Ours' },
          f.as[who],
        );
        expect(result.code).toBe(code);
      }
      const [clinic] = await f.app.dataSource.query(`SELECT draft FROM clinics WHERE id = $1`, [
        other.clinic,
      ]);
      expect(clinic.draft).toBeNull();
    });

    it.each([
      ['timezone', 'IANA time zone', { timezone: 'Mars/Olympus_Mons' }],
      ['timezone', 'IANA time zone', { timezone: '+01:00' }],
      ['currency', 'not a valid currency', { currency: 'XYZ' }],
      ['locale', 'BCP 47', { locale: 'english' }],
      ['latitude', 'must not be greater than 90', { latitude: 91 }],
      ['longitude', 'must not be less than -180', { longitude: -180.5 }],
      ['email', 'email', { email: 'not-an-email' }],
      ['phone', 'phone number', { phone: 'call us' }],
      ['country', 'not a valid country code', { country: 'usa' }],
      ['country', 'not a valid country code', { country: 'XX' }],
      ['name', 'shorter than or equal to 200', { name: 'x'.repeat(201) }],
      ['city', 'cannot be null', { city: null }],
      [
        'openingHours.0.closes',
        'must be later than opens',
        { openingHours: [{ day: 'MONDAY', opens: '18:00', closes: '09:00' }] },
      ],
      [
        'openingHours.0.opens',
        'HH:MM',
        { openingHours: [{ day: 'MONDAY', opens: '9am', closes: '17:00' }] },
      ],
      [
        'openingHours.1',
        'overlaps openingHours.0',
        {
          openingHours: [
            { day: 'MONDAY', opens: '09:00', closes: '13:00' },
            { day: 'MONDAY', opens: '12:00', closes: '18:00' },
          ],
        },
      ],
    ])('refuses a bad %s (%s), storing nothing', async (field, rule, change) => {
      const result = await f.refusedUpdate(
        'updateClinic',
        'CLINIC',
        SEEDED.denver,
        change,
        'editor',
        'BAD_USER_INPUT',
      );
      expect(result.message).toMatch(namesInputField(field));
      expect(result.message).toContain(rule);
    });

    it('refuses unknown fields and a stale version', async () => {
      const current = await f.item('CLINIC', SEEDED.denver);
      const unknown = await f.mutate(
        'updateClinic',
        { ...ref(current), colour: 'teal' },
        f.as.editor,
      );
      expect(unknown.status).toBe(400);
      expect(unknown.code).toBe('BAD_USER_INPUT');
      expect(unknown.message).toContain('colour');
      const stale = await f.refusedUpdate(
        'updateClinic',
        'CLINIC',
        SEEDED.denver,
        { version: current.version - 1 || 99, name: 'Stale' },
        'editor',
        'CONFLICT',
      );
      expect(stale.errors![0].extensions.currentVersion).toBe(current.version);
    });
  });

  describe('createProvider, updateProvider', () => {
    const providersAt = async (clinic: string) =>
      (
        await deliver(
          `query($clinic: String!) { providers(brand: "${BRAND}", clinic: $clinic) { edges { node {
            slug name credentials title bio bioHtml photoUrl clinics { slug } treatments { slug }
          } } } }`,
          { clinic },
        )
      ).providers.edges.map((edge: { node: unknown }) => edge.node);

    it('creates a provider with clinics and treatments; delivery lists them once published', async () => {
      const slug = uniqueSlug('rosa-diaz');
      const created = await f.ok(
        'createProvider',
        {
          slug,
          name: 'Rosa Diaz',
          credentials: ['RN'],
          title: 'Aesthetic Nurse',
          bio: 'Rosa treats patients at **{{clinic.name}}**.',
          photoUrl: 'https://lumen-aesthetics.example/team/rosa.jpg',
          clinicIds: [SEEDED.dallas, SEEDED.austin, SEEDED.austin],
          treatmentIds: [SEEDED.microNeedling],
        },
        f.as.editor,
      );
      expect(created.values.clinicIds).toEqual([SEEDED.austin, SEEDED.dallas].sort());
      expect((await providersAt('dallas-uptown')).map((p: any) => p.slug)).not.toContain(slug);

      await f.publish([created]);
      const rosa = (await providersAt('dallas-uptown')).find((p: any) => p.slug === slug);
      expect(rosa).toMatchObject({
        name: 'Rosa Diaz',
        credentials: ['RN'],
        title: 'Aesthetic Nurse',
        photoUrl: 'https://lumen-aesthetics.example/team/rosa.jpg',
        treatments: [{ slug: 'micro-needling' }],
      });
      expect(rosa.bioHtml).toContain('<strong>');
      expect(rosa.clinics.map((c: any) => c.slug).sort()).toEqual([
        'austin-downtown',
        'dallas-uptown',
      ]);
    });

    it('lets the editors of a provider’s clinics change bio, title and photo only', async () => {
      const maya = SEEDED.provider('maya-ellison');
      const before = await f.item('PROVIDER', maya);
      const draft = await f.ok(
        'updateProvider',
        { ...ref(before), bio: 'Dr. Ellison now also teaches.', title: 'Medical Director' },
        f.as.austin,
      );
      await f.publish([draft], f.as.austin);
      const live = (await providersAt('austin-downtown')).find(
        (p: any) => p.slug === 'maya-ellison',
      );
      expect(live).toMatchObject({
        bio: 'Dr. Ellison now also teaches.',
        title: 'Medical Director',
      });

      const priya = SEEDED.provider('priya-nair'); // Houston and Dallas: Texas
      const texasDraft = await f.ok(
        'updateProvider',
        { ...ref(await f.item('PROVIDER', priya)), photoUrl: null },
        f.as.texas,
      );
      expect(texasDraft.values.photoUrl).toBeNull();
    });

    it.each([
      ['austin', 'maya-ellison', { name: 'Maya E.' }],
      ['austin', 'maya-ellison', { bio: 'Fine', credentials: ['MD'] }],
      ['austin', 'maya-ellison', { clinicIds: [SEEDED.austin] }],
      ['austin', 'priya-nair', { bio: 'Not at my clinic' }],
      ['texas', 'elena-petrova', { bio: 'Colorado is not mine' }],
      ['texas', 'maya-ellison', { slug: 'maya' }],
    ] as const)('refuses %s changing %s with %j', async (who, provider, change) => {
      await f.refusedUpdate(
        'updateProvider',
        'PROVIDER',
        SEEDED.provider(provider),
        change,
        who,
        'FORBIDDEN',
      );
    });

    it.each([
      ['texas', 'FORBIDDEN'],
      ['austin', 'FORBIDDEN'],
      ['anonymous', 'UNAUTHENTICATED'],
    ] as const)('refuses createProvider by %s (%s)', async (who, code) => {
      const slug = uniqueSlug('new-face');
      const result = await f.mutate(
        'createProvider',
        { slug, name: 'New Face', clinicIds: [SEEDED.austin] },
        f.as[who],
      );
      expect(result.code).toBe(code);
      expect(await rows('providers', slug)).toBe(0);
    });

    it('refuses links to another brand’s clinics and treatments, and its providers', async () => {
      const slug = uniqueSlug('double-agent');
      const created = await f.mutate(
        'createProvider',
        { slug, name: 'Double Agent', clinicIds: [SEEDED.austin, other.clinic] },
        f.as.editor,
      );
      expect(created.code).toBe('BAD_USER_INPUT');
      expect(created.message).toBe('clinicIds: no such item in this brand');
      expect(await rows('providers', slug)).toBe(0);

      await f.refusedUpdate(
        'updateProvider',
        'PROVIDER',
        SEEDED.provider('sam-carter'),
        { treatmentIds: [other.treatment] },
        'editor',
        'BAD_USER_INPUT',
      );
      const foreign = await f.mutate(
        'updateProvider',
        { id: other.provider, version: 1, bio: 'x' },
        f.as.austin,
      );
      expect(foreign.code).toBe('FORBIDDEN');
    });

    it.each([
      ['bio', 'unknown or malformed token "clinic.fax"', { bio: 'Book at {{clinic.fax}}' }],
      ['bio', 'malformed token', { bio: 'Broken {{clinic.name' }],
      ['bio', 'shorter than or equal to 20000', { bio: 'x'.repeat(20_001) }],
      ['photoUrl', 'URL', { photoUrl: 'http://lumen-aesthetics.example/a.jpg' }],
      ['credentials', 'no more than 10', { credentials: Array(11).fill('MD') }],
      ['credentials', '1 to 30 characters', { credentials: [' MD'] }],
      ['clinicIds', 'UUID', { clinicIds: ['austin'] }],
    ])('refuses a bad %s (%s), storing nothing', async (field, rule, change) => {
      const result = await f.refusedUpdate(
        'updateProvider',
        'PROVIDER',
        SEEDED.provider('jordan-reyes'),
        change,
        'editor',
        'BAD_USER_INPUT',
      );
      expect(result.message).toMatch(namesInputField(field));
      expect(result.message).toContain(rule);
    });

    it('refuses a stale version and a taken slug', async () => {
      const id = SEEDED.provider('sam-carter');
      const current = await f.item('PROVIDER', id);
      await f.refusedUpdate(
        'updateProvider',
        'PROVIDER',
        id,
        { version: current.version + 5, title: 'Stale' },
        'editor',
        'CONFLICT',
      );
      const taken = await f.mutate(
        'createProvider',
        { slug: 'maya-ellison', name: 'Another Maya' },
        f.as.editor,
      );
      expect(taken.code).toBe('CONFLICT');
    });
  });
});

function clinicInput(slug: string) {
  return {
    slug,
    name: 'Lumen Aesthetics Test Clinic',
    addressLine1: '100 Alamo Plaza',
    city: 'San Antonio',
    country: 'US',
    latitude: 29.4246,
    longitude: -98.4861,
    timezone: 'America/Chicago',
  };
}
