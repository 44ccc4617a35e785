import { startTestApp, TestApp } from './helpers/test-app';

const BRAND = 'lumen-aesthetics';

const CLINIC_TREATMENT_PAGE = `
  query ClinicTreatmentPage($brand: String!, $clinic: String!, $treatment: String!) {
    clinic(brand: $brand, slug: $clinic) {
      id slug name
      brand { slug name }
      address { line1 line2 city region postalCode country }
      geo { lat lng }
      phone email timezone
      openingHours { day opens closes }
      treatment(slug: $treatment) {
        slug name summary disclaimer
        facts { durationMinutes { min max } sessions { min max } }
        contraindications
        fieldSources { field scope stale missing }
        prices { label kind isFromPrice sessions amount { amountMinor currency formatted } }
        faqs { question answer answerHtml scope }
        providers { slug name credentials }
        jsonLd
      }
      providers { slug name title bioHtml }
      jsonLd
    }
  }`;

const sourceOf = (treatment: { fieldSources: { field: string }[] }, field: string) =>
  treatment.fieldSources.find((source) => source.field === field);

describe('delivery API', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const page = async (clinic: string) => {
    const { body } = await app.graphql(CLINIC_TREATMENT_PAGE, {
      brand: BRAND,
      clinic,
      treatment: 'micro-needling',
    });
    expect(body.errors).toBeUndefined();
    return body.data.clinic;
  };

  describe('clinic(brand, slug)', () => {
    it('answers a whole clinic treatment page in one query', async () => {
      const clinic = await page('austin-downtown');
      expect(clinic).toMatchObject({
        slug: 'austin-downtown',
        brand: { slug: BRAND },
        address: { city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
        geo: { lat: 30.2672, lng: -97.7431 },
        timezone: 'America/Chicago',
      });
      expect(clinic.openingHours[0]).toEqual({ day: 'MONDAY', opens: '09:00', closes: '18:00' });
      expect(clinic.treatment.prices).toEqual([
        {
          label: 'Micro-needling session',
          kind: 'SINGLE_SESSION',
          isFromPrice: false,
          sessions: null,
          amount: { amountMinor: 34900, currency: 'USD', formatted: '$349.00' },
        },
        {
          label: 'Package of 3 sessions',
          kind: 'PACKAGE',
          isFromPrice: false,
          sessions: 3,
          amount: { amountMinor: 89900, currency: 'USD', formatted: '$899.00' },
        },
        {
          label: 'PRP add-on',
          kind: 'ADD_ON',
          isFromPrice: false,
          sessions: null,
          amount: { amountMinor: 25000, currency: 'USD', formatted: '$250.00' },
        },
      ]);
      expect(clinic.treatment.providers.map((p: { slug: string }) => p.slug)).toEqual([
        'jordan-reyes',
        'maya-ellison',
      ]);
      expect(clinic.providers.map((p: { slug: string }) => p.slug)).toEqual([
        'jordan-reyes',
        'maya-ellison',
      ]);
    });

    it('answers null for an unknown clinic or brand', async () => {
      const { body } = await app.graphql(`{
        a: clinic(brand: "${BRAND}", slug: "nowhere") { id }
        b: clinic(brand: "nobody", slug: "austin-downtown") { id }
        c: treatment(brand: "${BRAND}", slug: "micro-needling", clinic: "nowhere") { id }
      }`);
      expect(body).toEqual({ data: { a: null, b: null, c: null } });
    });
  });

  describe('layered resolution', () => {
    it('takes the clinic override, renders its tokens and reports the source', async () => {
      const treatment = (await page('austin-downtown')).treatment;
      expect(treatment.disclaimer).toBe(
        'At Lumen Aesthetics Austin Downtown, micro-needling is performed by licensed providers under medical supervision. Call +1 512-555-0142 to book your consultation.',
      );
      expect(sourceOf(treatment, 'disclaimer')).toEqual({
        field: 'disclaimer',
        scope: 'CLINIC',
        stale: false,
        missing: false,
      });
      expect(sourceOf(treatment, 'summary')).toMatchObject({ scope: 'BRAND' });
    });

    it('falls back to the region, then reports a missing CLINIC_REQUIRED field', async () => {
      const dallas = (await page('dallas-uptown')).treatment;
      expect(dallas.disclaimer).toBe(
        'Treatments in our Texas clinics are performed under the supervision of our medical director.',
      );
      expect(sourceOf(dallas, 'disclaimer')).toMatchObject({ scope: 'REGION', missing: false });

      const boulder = (await page('boulder-pearl-street')).treatment;
      expect(boulder.disclaimer).toBeNull();
      expect(sourceOf(boulder, 'disclaimer')).toMatchObject({ scope: 'BRAND', missing: true });
    });

    it('ignores overrides of LOCKED fields', async () => {
      const austin = await app.dataSource.query(
        `SELECT c.id, c.region_id FROM clinics c JOIN brands b ON b.id = c.brand_id
          WHERE b.slug = 'lumen-aesthetics' AND c.slug = 'austin-downtown'`,
      );
      const [treatment] = await app.dataSource.query(
        `SELECT t.id, t.brand_id FROM treatments t JOIN brands b ON b.id = t.brand_id
          WHERE b.slug = 'lumen-aesthetics' AND t.slug = 'micro-needling'`,
      );
      const [override] = await app.dataSource.query(
        `INSERT INTO overrides (brand_id, scope, clinic_id, entity_type, entity_id, field, value, base_value, publication_status)
         VALUES ($1, 'CLINIC', $2, 'TREATMENT', $3, 'contraindications', '["Nothing at all"]', NULL, 'PUBLISHED') RETURNING id`,
        [treatment.brand_id, austin[0].id, treatment.id],
      );
      try {
        const resolved = (await page('austin-downtown')).treatment;
        expect(resolved.contraindications).toEqual([
          'Active infections',
          'Severe acne flare-ups',
          'Certain skin conditions',
          'Pregnancy',
        ]);
        expect(sourceOf(resolved, 'contraindications')).toMatchObject({
          scope: 'BRAND',
          stale: false,
        });
      } finally {
        await app.dataSource.query(`DELETE FROM overrides WHERE id = $1`, [override.id]);
      }
    });

    it('marks an override stale when the brand value changed after it was written', async () => {
      const [{ id: overrideId }] = await app.dataSource.query(
        `UPDATE overrides SET base_value = '"An older brand disclaimer."'
          WHERE clinic_id = (SELECT c.id FROM clinics c JOIN brands b ON b.id = c.brand_id
                              WHERE b.slug = 'lumen-aesthetics' AND c.slug = 'denver-cherry-creek')
            AND field = 'disclaimer'
          RETURNING id`,
      );
      try {
        const denver = (await page('denver-cherry-creek')).treatment;
        expect(sourceOf(denver, 'disclaimer')).toMatchObject({ scope: 'CLINIC', stale: true });
      } finally {
        await app.dataSource.query(`UPDATE overrides SET base_value = NULL WHERE id = $1`, [
          overrideId,
        ]);
      }
    });

    it('never delivers a raw {{ token', async () => {
      for (const clinic of [
        'austin-downtown',
        'dallas-uptown',
        'houston-galleria',
        'denver-cherry-creek',
        'boulder-pearl-street',
      ]) {
        expect(JSON.stringify(await page(clinic))).not.toContain('{{');
      }
    });

    it('never stores an inherited value as an override', async () => {
      // The overrides of what the pages show (specs in parallel may write others).
      const ofThePages = `SELECT count(*)::int AS n, max(updated_at) AS at FROM overrides o
        WHERE o.entity_id IN (SELECT t.id FROM treatments t JOIN brands b ON b.id = t.brand_id
                               WHERE b.slug = 'lumen-aesthetics' AND t.slug = 'micro-needling'
                              UNION
                              SELECT f.id FROM faqs f JOIN brands b ON b.id = f.brand_id
                               WHERE b.slug = 'lumen-aesthetics')`;
      const [before] = await app.dataSource.query(ofThePages);
      await page('dallas-uptown');
      await page('boulder-pearl-street');
      const [after] = await app.dataSource.query(ofThePages);
      expect(after).toEqual(before);
    });
  });

  describe('FAQ lists', () => {
    const questions = (faqs: { question: string }[]) => faqs.map((faq) => faq.question);

    it('hides a brand FAQ at one clinic only', async () => {
      const compare = 'How does micro-needling compare to other treatments?';
      expect(questions((await page('dallas-uptown')).treatment.faqs)).not.toContain(compare);
      expect(questions((await page('houston-galleria')).treatment.faqs)).toContain(compare);
    });

    it('reorders per clinic', async () => {
      expect(questions((await page('houston-galleria')).treatment.faqs)[0]).toBe(
        'How many sessions are needed?',
      );
      expect(questions((await page('austin-downtown')).treatment.faqs)[0]).not.toBe(
        'How many sessions are needed?',
      );
    });

    it('adds clinic-only FAQs, rendered for the clinic', async () => {
      const faqs = (await page('austin-downtown')).treatment.faqs;
      const local = faqs.filter((faq: { scope: string }) => faq.scope === 'CLINIC');
      expect(local).toEqual([
        expect.objectContaining({
          question: 'Is there parking at Lumen Aesthetics Austin Downtown?',
          answer: expect.stringContaining('Call +1 512-555-0142'),
        }),
      ]);
      expect(questions((await page('dallas-uptown')).treatment.faqs)).not.toContain(
        local[0].question,
      );
    });

    it('pages the root faqs query with cursors and the clinic’s list', async () => {
      const query = `query($after: String) {
        faqs(brand: "${BRAND}", clinic: "austin-downtown", treatment: "micro-needling", first: 3, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { question scope } }
        }
      }`;
      const first = (await app.graphql(query)).body.data.faqs;
      expect(first.edges).toHaveLength(3);
      expect(first.totalCount).toBe(8);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const seen = [...first.edges];
      let cursor = first.pageInfo.endCursor;
      while (cursor) {
        const next = (await app.graphql(query, { after: cursor })).body.data.faqs;
        seen.push(...next.edges);
        cursor = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
      }
      const clinicFaqs = (await page('austin-downtown')).treatment.faqs;
      expect(seen.map((edge) => edge.node.question)).toEqual(questions(clinicFaqs));
    });

    it('answers an empty connection for unknown slugs', async () => {
      for (const args of [
        'brand: "nobody"',
        `brand: "${BRAND}", clinic: "nowhere"`,
        `brand: "${BRAND}", treatment: "botox"`,
      ]) {
        const { body } = await app.graphql(
          `{ faqs(${args}) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
        );
        expect(body.data.faqs).toEqual({
          totalCount: 0,
          edges: [],
          pageInfo: { hasNextPage: false, endCursor: null },
        });
      }
    });
  });

  describe('clinic locator', () => {
    const locate = (filter: string, first = 10) =>
      app.graphql(`{ clinics(brand: "${BRAND}", first: ${first}, filter: { ${filter} }) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { slug distanceKm address { city } } }
      } }`);
    const slugs = (body: { data?: { clinics: { edges: { node: { slug: string } }[] } } }) =>
      body.data!.clinics.edges.map((edge) => edge.node.slug);

    it('filters by region, city and treatment', async () => {
      expect(slugs((await locate('region: "colorado"')).body)).toEqual([
        'boulder-pearl-street',
        'denver-cherry-creek',
      ]);
      expect(slugs((await locate('city: "dallas"')).body)).toEqual(['dallas-uptown']);
      expect((await locate('offersTreatment: "micro-needling"')).body.data.clinics.totalCount).toBe(
        5,
      );
      expect((await locate('offersTreatment: "botox"')).body.data.clinics.totalCount).toBe(0);
    });

    it('sorts by great-circle distance from a point, within a radius', async () => {
      // Round Rock, TX: about 30 km north of downtown Austin.
      const { body } = await locate('near: { lat: 30.5083, lng: -97.6789 }, radiusKm: 250');
      const nodes = body.data.clinics.edges.map((edge: { node: unknown }) => edge.node);
      expect(nodes.map((node: { slug: string }) => node.slug)).toEqual([
        'austin-downtown',
        'houston-galleria',
      ]);
      expect(nodes[0].distanceKm).toBeGreaterThan(25);
      expect(nodes[0].distanceKm).toBeLessThan(30);
      const all = await locate('near: { lat: 30.5083, lng: -97.6789 }');
      expect(slugs(all.body)[4]).toBe('boulder-pearl-street');
    });

    it('pages with opaque cursors in a stable order', async () => {
      const first = (await locate('', 2)).body.data.clinics;
      expect(first.totalCount).toBe(5);
      const next =
        await app.graphql(`{ clinics(brand: "${BRAND}", first: 10, after: "${first.pageInfo.endCursor}") {
        edges { node { slug } } pageInfo { hasNextPage } } }`);
      expect(next.body.data.clinics.edges).toHaveLength(3);
      expect(next.body.data.clinics.pageInfo.hasNextPage).toBe(false);
    });

    it.each([
      ['first: 0', 'first'],
      ['first: -1', 'first'],
      ['first: 101', 'first'],
      ['after: "bm9wZQ"', 'after'],
      ['after: "%%%"', 'after'],
      ['filter: { near: { lat: 91, lng: 0 } }', 'lat'],
      ['filter: { near: { lat: 0, lng: -181 } }', 'lng'],
      ['filter: { near: { lat: 30, lng: -97 }, radiusKm: 0 }', 'radiusKm'],
      ['filter: { near: { lat: 30, lng: -97 }, radiusKm: -5 }', 'radiusKm'],
      ['filter: { radiusKm: 10 }', 'near'],
    ])('refuses %s with BAD_USER_INPUT naming the argument', async (args, argument) => {
      const { status, body } = await app.graphql(
        `{ clinics(brand: "${BRAND}", ${args}) { totalCount } }`,
      );
      expect(status).toBeLessThan(500);
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors![0].message).toContain(argument);
    });

    it('refuses a huge first without crashing', async () => {
      const { status, body } = await app.graphql(
        `query($n: Int) { clinics(brand: "${BRAND}", first: $n) { totalCount } }`,
        { n: 1e12 },
      );
      expect(status).toBeLessThan(500);
      expect(body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('providers', () => {
    it('lists a brand’s providers filtered by clinic and treatment', async () => {
      const { body } = await app.graphql(`{
        all: providers(brand: "${BRAND}") { totalCount edges { node { slug } } }
        boulder: providers(brand: "${BRAND}", clinic: "boulder-pearl-street", treatment: "micro-needling") {
          totalCount edges { node { slug credentials clinics { slug } treatments { slug } } }
        }
        none: providers(brand: "${BRAND}", clinic: "nowhere") { totalCount }
      }`);
      expect(body.errors).toBeUndefined();
      expect(body.data.all.totalCount).toBe(5);
      expect(body.data.boulder.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual([
        'elena-petrova',
        'sam-carter',
      ]);
      expect(body.data.boulder.edges[0].node.clinics.map((c: { slug: string }) => c.slug)).toEqual([
        'boulder-pearl-street',
        'denver-cherry-creek',
      ]);
      expect(body.data.boulder.edges[0].node.treatments).toEqual([{ slug: 'micro-needling' }]);
      expect(body.data.none.totalCount).toBe(0);
    });
  });

  describe('JSON-LD', () => {
    it('describes the clinic as a MedicalClinic with address, geo, phone and hours', async () => {
      const { jsonLd } = await page('austin-downtown');
      expect(jsonLd).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'MedicalClinic',
        name: 'Lumen Aesthetics Austin Downtown',
        telephone: '+1 512-555-0142',
        address: {
          '@type': 'PostalAddress',
          addressLocality: 'Austin',
          addressRegion: 'TX',
          postalCode: '78701',
          addressCountry: 'US',
        },
        geo: { '@type': 'GeoCoordinates', latitude: '30.267200', longitude: '-97.743100' },
      });
      expect(jsonLd['@id']).toMatch(/\/clinics\/austin-downtown#clinic$/);
      expect(jsonLd.openingHoursSpecification[0]).toEqual({
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: 'https://schema.org/Monday',
        opens: '09:00',
        closes: '18:00',
      });
    });

    it('describes the treatment as a MedicalTherapy, its clinic offering it at the clinic’s prices', async () => {
      const { jsonLd } = (await page('austin-downtown')).treatment;
      const [therapy, clinic] = jsonLd['@graph'];
      expect(jsonLd['@context']).toBe('https://schema.org');
      expect(therapy).toMatchObject({ '@type': 'MedicalTherapy', name: 'Micro-Needling' });
      expect(clinic).toMatchObject({
        '@type': 'MedicalClinic',
        '@id': expect.stringMatching(/\/clinics\/austin-downtown#clinic$/),
        availableService: [{ '@id': therapy['@id'] }],
      });
      expect(clinic.makesOffer[0]).toMatchObject({
        '@type': 'Offer',
        price: '349.00',
        priceCurrency: 'USD',
        itemOffered: { '@type': 'Service', name: 'Micro-Needling' },
      });
      const brand = await app.graphql(
        `{ treatment(brand: "${BRAND}", slug: "micro-needling") { jsonLd } }`,
      );
      expect(brand.body.data.treatment.jsonLd).toMatchObject({
        '@type': 'MedicalTherapy',
        '@id': therapy['@id'],
      });
      expect(JSON.stringify(brand.body.data.treatment.jsonLd)).not.toContain('Offer');
    });

    it('describes FAQ lists as an FAQPage and every provider as a Person', async () => {
      const { body } = await app.graphql(`{
        faqs(brand: "${BRAND}", clinic: "dallas-uptown") { jsonLd edges { node { question } } }
        providers(brand: "${BRAND}") { edges { node { slug jsonLd } } }
      }`);
      const faqPage = body.data.faqs.jsonLd;
      expect(faqPage['@type']).toBe('FAQPage');
      expect(faqPage.mainEntity).toHaveLength(body.data.faqs.edges.length);
      expect(faqPage.mainEntity[0]).toMatchObject({
        '@type': 'Question',
        acceptedAnswer: { '@type': 'Answer' },
      });
      const types = Object.fromEntries(
        body.data.providers.edges.map(
          (e: { node: { slug: string; jsonLd: { '@type': string } } }) => [
            e.node.slug,
            e.node.jsonLd['@type'],
          ],
        ),
      );
      expect(types['maya-ellison']).toBe('Person');
      expect(types['jordan-reyes']).toBe('Person');
    });
  });
});
