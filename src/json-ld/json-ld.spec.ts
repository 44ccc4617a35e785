import jsonld from 'jsonld';
import type { MedicalProcedureLeaf, PhysicianLeaf } from 'schema-dts';
import {
  clinicJsonLd,
  faqPageJsonLd,
  providerJsonLd,
  treatmentJsonLd,
  type JsonLdClinicInput,
  type JsonLdTreatmentInput,
} from './json-ld';
import { serializeJsonLd } from './json-ld-script';

const brand = { slug: 'glow', name: 'Glow Med Spa', websiteUrl: 'https://glow.example' };

const clinic: JsonLdClinicInput = {
  slug: 'austin',
  name: 'Glow Med Spa Austin',
  url: 'https://glow.example/clinics/austin',
  phone: '+1-512-555-0100',
  email: 'austin@glow.example',
  address: {
    line1: '500 Congress Ave',
    line2: 'Suite 200',
    city: 'Austin',
    region: 'TX',
    postalCode: '78701',
    country: 'US',
  },
  geo: { lat: 30.2672, lng: -97.7431 },
  openingHours: [
    { day: 'MONDAY', opens: '09:00', closes: '18:00' },
    { day: 'SUNDAY', opens: '10:00', closes: '12:00' },
    { day: 'SUNDAY', opens: '13:00', closes: '16:00' },
  ],
  brand,
  treatments: [{ slug: 'micro-needling', name: 'Micro-needling' }],
};

const treatment: JsonLdTreatmentInput = {
  slug: 'micro-needling',
  name: 'Micro-needling',
  aliases: ['Collagen induction therapy'],
  summary: 'Tiny **controlled** micro-injuries. See [our guide](https://glow.example/guide).',
  procedureType: 'PERCUTANEOUS',
  contraindications: ['Active acne', 'Pregnancy'],
  brand,
};

const offers = [
  {
    id: 'p1',
    label: 'Single session',
    amountMinor: 34900,
    currency: 'USD',
    formatted: '$349.00',
    validFrom: '2026-01-01',
    validUntil: null,
    isFromPrice: false,
  },
  {
    id: 'p2',
    label: 'Package of 3',
    amountMinor: 89900,
    currency: 'usd',
    formatted: '$899.00',
    validFrom: null,
    validUntil: '2026-12-31',
    isFromPrice: true,
  },
];

const atClinic = { ...treatment, offeredAt: { clinic, offers } };

const provider = {
  slug: 'maya',
  name: 'Maya Ellison',
  credentials: ['MD', ' FAAD '],
  title: 'Medical Director',
  bio: '## About\n\nBoard-certified *dermatologist*.',
  photoUrl: 'https://glow.example/maya.jpg',
  licences: [
    { name: 'Doctor of Medicine (MD)', issuingState: 'TX', expiresAt: '2027-06-30T00:00:00.000Z' },
  ],
  clinics: [{ slug: 'austin', name: 'Glow Med Spa Austin' }],
  brand,
};

const faqs = {
  faqs: [
    {
      question: 'Does it hurt?',
      answer: '<p>Numbing cream keeps it <strong>comfortable</strong>.</p>',
    },
    { question: '  ', answer: 'skipped: blank question' },
  ],
  page: { brand, clinic: 'austin', treatment: 'micro-needling' },
};

/** Every document the builders emit, by name. */
const documents: [string, object][] = [
  ['clinic', clinicJsonLd(clinic)],
  ['brand treatment', treatmentJsonLd(treatment)],
  ['treatment at a clinic', treatmentJsonLd(atClinic)],
  ['provider', providerJsonLd(provider)],
  ['FAQ page', faqPageJsonLd(faqs)],
];

const SCHEMA = 'https://schema.org/';

/*
 * Offline expansion: the schema.org context is replaced by its essence,
 * `@vocab` (every term is a schema.org IRI), so no request leaves the test.
 */
const documentLoader = async (url: string) => {
  if (url.replace(/\/$/, '') !== 'https://schema.org') throw new Error(`no network: ${url}`);
  return {
    contextUrl: undefined,
    documentUrl: url,
    document: { '@context': { '@vocab': SCHEMA } },
  };
};

type Expanded = Record<string, unknown[]> & { '@id'?: string; '@type'?: string[] };

/** Every node of an expanded document, nested ones included. */
function nodes(value: unknown): Expanded[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (value === null || typeof value !== 'object') return [];
  const node = value as Expanded;
  const nested = Object.entries(node)
    .filter(([key]) => !key.startsWith('@') || key === '@graph')
    .flatMap(([, v]) => nodes(v));
  return node['@type'] || node['@id'] ? [node, ...nested] : nested;
}

const ofType = (all: Expanded[], type: string) =>
  all.filter((node) => node['@type']?.includes(SCHEMA + type));
const has = (node: Expanded, property: string) => (node[SCHEMA + property] ?? []).length > 0;
const first = (node: Expanded, property: string) =>
  (node[SCHEMA + property]?.[0] ?? {}) as Expanded & { '@value'?: unknown };

describe('JSON-LD documents', () => {
  it.each(documents)(
    '%s expands offline as JSON-LD, with schema.org terms only',
    async (_, doc) => {
      const expanded = await jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader });
      const all = nodes(expanded);
      expect(all.length).toBeGreaterThan(0);
      for (const node of all) {
        for (const key of Object.keys(node).filter((k) => !k.startsWith('@'))) {
          expect(key.startsWith(SCHEMA)).toBe(true);
        }
      }
    },
  );

  it('meets Google’s required properties for LocalBusiness, Offer and FAQPage', async () => {
    const all = nodes(
      await jsonld.expand(documents.map(([, doc]) => doc) as jsonld.JsonLdDocument, {
        documentLoader,
      }),
    );
    const clinics = ofType(all, 'MedicalClinic').filter((node) => has(node, 'address'));
    expect(clinics.length).toBeGreaterThanOrEqual(2);
    for (const node of clinics) {
      expect(has(node, 'name')).toBe(true);
      expect(has(first(node, 'address'), 'streetAddress')).toBe(true);
    }
    const offerNodes = ofType(all, 'Offer');
    expect(offerNodes).toHaveLength(2);
    for (const offer of offerNodes) {
      expect(has(offer, 'price') || has(offer, 'priceSpecification')).toBe(true);
      expect(has(offer, 'priceCurrency')).toBe(true);
    }
    const [page] = ofType(all, 'FAQPage');
    const questions = page[SCHEMA + 'mainEntity'] as Expanded[];
    expect(questions).toHaveLength(1);
    for (const question of questions) {
      expect(has(question, 'name')).toBe(true);
      expect(has(first(question, 'acceptedAnswer'), 'text')).toBe(true);
    }
  });

  it('joins the documents by @id: clinic ↔ offers ↔ service ↔ providers ↔ FAQ page', async () => {
    const all = nodes(
      await jsonld.expand(documents.map(([, doc]) => doc) as jsonld.JsonLdDocument, {
        documentLoader,
      }),
    );
    const ids = (type: string) => new Set(ofType(all, type).map((node) => node['@id']));
    const clinicId = 'https://glow.example/clinics/austin#clinic';
    const procedureId = 'https://glow.example/treatments/micro-needling#procedure';
    const personId = 'https://glow.example/providers/maya#person';
    expect(ids('MedicalClinic')).toEqual(new Set([clinicId]));
    expect(ids('MedicalTherapy')).toEqual(new Set([procedureId]));
    expect(ids('Person')).toEqual(new Set([personId]));
    const [page] = ofType(all, 'FAQPage');
    expect(page['@id']).toBe('https://glow.example/clinics/austin/treatments/micro-needling#faq');
    expect((page[SCHEMA + 'about'] as Expanded[]).map((ref) => ref['@id'])).toEqual([
      clinicId,
      procedureId,
    ]);
    for (const offer of ofType(all, 'Offer')) {
      expect(first(offer, 'itemOffered')['@id']).toBe(
        'https://glow.example/clinics/austin/treatments/micro-needling#service',
      );
      expect(first(offer, 'offeredBy')['@id']).toBe(clinicId);
    }
  });
});

describe('clinicJsonLd', () => {
  it('describes a MedicalClinic with address, 6-decimal geo, hours, brand and services', () => {
    expect(clinicJsonLd(clinic)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'MedicalClinic',
      '@id': 'https://glow.example/clinics/austin#clinic',
      name: 'Glow Med Spa Austin',
      url: 'https://glow.example/clinics/austin',
      telephone: '+1-512-555-0100',
      email: 'austin@glow.example',
      address: {
        '@type': 'PostalAddress',
        streetAddress: '500 Congress Ave, Suite 200',
        addressLocality: 'Austin',
        addressRegion: 'TX',
        postalCode: '78701',
        addressCountry: 'US',
      },
      geo: { '@type': 'GeoCoordinates', latitude: '30.267200', longitude: '-97.743100' },
      openingHoursSpecification: [
        {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: 'https://schema.org/Monday',
          opens: '09:00',
          closes: '18:00',
        },
        {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: 'https://schema.org/Sunday',
          opens: '10:00',
          closes: '12:00',
        },
        {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: 'https://schema.org/Sunday',
          opens: '13:00',
          closes: '16:00',
        },
      ],
      parentOrganization: {
        '@type': 'Organization',
        '@id': 'https://glow.example/#organization',
        name: 'Glow Med Spa',
        url: 'https://glow.example',
      },
      availableService: [
        {
          '@type': 'MedicalTherapy',
          '@id': 'https://glow.example/treatments/micro-needling#procedure',
          name: 'Micro-needling',
        },
      ],
    });
  });

  it('omits missing data instead of emitting null, and ids fall back to a urn', () => {
    const doc = clinicJsonLd({
      ...clinic,
      url: null,
      phone: null,
      email: null,
      address: { ...clinic.address, line2: null, region: null, postalCode: null },
      geo: { lat: Number.NaN, lng: 1 },
      openingHours: [],
      treatments: [],
      brand: { slug: 'glow', name: '', websiteUrl: null },
    }) as unknown as Record<string, unknown>;
    expect(doc['@id']).toBe('urn:clinic-content:glow/clinics/austin#clinic');
    for (const key of [
      'url',
      'telephone',
      'email',
      'geo',
      'openingHoursSpecification',
      'availableService',
    ]) {
      expect(doc).not.toHaveProperty(key);
    }
    expect(JSON.stringify(doc)).not.toContain('null');
  });
});

describe('treatmentJsonLd', () => {
  it('describes the brand treatment as a MedicalTherapy with contraindications and plain text', () => {
    expect(treatmentJsonLd(treatment)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'MedicalTherapy',
      '@id': 'https://glow.example/treatments/micro-needling#procedure',
      name: 'Micro-needling',
      alternateName: ['Collagen induction therapy'],
      description: 'Tiny controlled micro-injuries. See our guide.',
      procedureType: 'https://schema.org/PercutaneousProcedure',
      contraindication: ['Active acne', 'Pregnancy'],
    });
  });

  it('at a clinic, hangs the prices on the clinic: makesOffer → Offer → itemOffered Service', () => {
    const doc = treatmentJsonLd(atClinic) as unknown as { '@graph': Record<string, unknown>[] };
    const [therapy, clinicNode] = doc['@graph'];
    expect(therapy['@type']).toBe('MedicalTherapy');
    expect(therapy).not.toHaveProperty('offers');
    expect(clinicNode).toMatchObject({
      '@type': 'MedicalClinic',
      '@id': 'https://glow.example/clinics/austin#clinic',
      priceRange: '$349.00–$899.00',
      availableService: [{ '@id': 'https://glow.example/treatments/micro-needling#procedure' }],
    });
    expect(clinicNode.makesOffer).toEqual([
      {
        '@type': 'Offer',
        '@id': 'https://glow.example/clinics/austin/treatments/micro-needling#offer-p1',
        name: 'Single session',
        price: '349.00',
        priceCurrency: 'USD',
        validFrom: '2026-01-01',
        itemOffered: {
          '@type': 'Service',
          '@id': 'https://glow.example/clinics/austin/treatments/micro-needling#service',
          name: 'Micro-needling',
          provider: { '@id': 'https://glow.example/clinics/austin#clinic' },
        },
        offeredBy: { '@id': 'https://glow.example/clinics/austin#clinic' },
      },
      expect.objectContaining({
        price: '899.00',
        priceCurrency: 'USD',
        priceValidUntil: '2026-12-31',
        priceSpecification: { '@type': 'PriceSpecification', minPrice: 899, priceCurrency: 'USD' },
      }),
    ]);
  });
});

describe('providerJsonLd', () => {
  it('describes every provider as a Person who works for their clinics, with verified licences as credentials', () => {
    expect(providerJsonLd(provider)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      '@id': 'https://glow.example/providers/maya#person',
      name: 'Maya Ellison',
      description: 'About\n\nBoard-certified dermatologist.',
      image: 'https://glow.example/maya.jpg',
      honorificSuffix: 'MD, FAAD',
      hasCredential: [
        {
          '@type': 'EducationalOccupationalCredential',
          credentialCategory: 'license',
          name: 'Doctor of Medicine (MD)',
          validIn: { '@type': 'State', name: 'TX' },
          expires: '2027-06-30',
        },
      ],
      jobTitle: 'Medical Director',
      worksFor: [
        {
          '@type': 'MedicalClinic',
          '@id': 'https://glow.example/clinics/austin#clinic',
          name: 'Glow Med Spa Austin',
        },
      ],
    });
  });
});

describe('serializeJsonLd', () => {
  const attack = '</script><script>alert(document.domain)</script>&\u2028\u2029';

  it('leaves no byte sequence that could end a script element', () => {
    const text = serializeJsonLd({ name: attack, nested: [{ [attack]: attack }] });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual({ name: attack, nested: [{ [attack]: attack }] });
  });
});

describe('schema-dts typing', () => {
  it('makes tsc refuse properties schema.org does not allow on a type', () => {
    // This compiles only because tsc reports each error expected here.
    const wrong: [MedicalProcedureLeaf, MedicalProcedureLeaf, PhysicianLeaf] = [
      {
        '@type': 'MedicalProcedure',
        // @ts-expect-error offers do not hang on a procedure
        offers: [],
      },
      {
        '@type': 'MedicalProcedure',
        // @ts-expect-error contraindication belongs to MedicalTherapy
        contraindication: 'Pregnancy',
      },
      {
        '@type': 'Physician',
        // @ts-expect-error jobTitle is a Person's; a Physician is an organization
        jobTitle: 'Doctor',
      },
    ];
    expect(wrong).toHaveLength(3);
  });
});
