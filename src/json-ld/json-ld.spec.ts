import {
  clinicJsonLd,
  faqPageJsonLd,
  markdownToPlainText,
  providerJsonLd,
  treatmentJsonLd,
  type JsonLdClinicInput,
  type JsonLdProviderInput,
  type JsonLdTreatmentInput,
} from './json-ld';

/** Paths of every null/undefined/non-finite value, which search engines must never see. */
function nullishPaths(value: unknown, path = '$'): string[] {
  if (value === null || value === undefined) return [path];
  if (typeof value === 'number' && !Number.isFinite(value)) return [path];
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => nullishPaths(item, `${path}[${i}]`));
  }
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => nullishPaths(v, `${path}.${key}`));
  }
  return [];
}

function expectCleanJsonLd(doc: Record<string, unknown>, type: unknown) {
  expect(doc['@context']).toBe('https://schema.org');
  expect(doc['@type']).toEqual(type);
  expect(nullishPaths(doc)).toEqual([]);
  expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
}

const clinic: JsonLdClinicInput = {
  name: 'Glow Med Spa Austin',
  url: 'https://glow.example/austin',
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
    { day: 'SATURDAY', opens: '10:00', closes: '14:00' },
    { day: 'SUNDAY', opens: '10:00', closes: '12:00' },
    { day: 'SUNDAY', opens: '13:00', closes: '16:00' },
  ],
  brandName: 'Glow Med Spa',
};

describe('clinicJsonLd', () => {
  it('describes a MedicalClinic with address, geo, hours and brand', () => {
    const doc = clinicJsonLd(clinic);
    expectCleanJsonLd(doc, 'MedicalClinic');
    expect(doc).toEqual({
      '@context': 'https://schema.org',
      '@type': 'MedicalClinic',
      name: 'Glow Med Spa Austin',
      url: 'https://glow.example/austin',
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
      geo: {
        '@type': 'GeoCoordinates',
        latitude: 30.2672,
        longitude: -97.7431,
      },
      openingHoursSpecification: [
        {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: 'https://schema.org/Monday',
          opens: '09:00',
          closes: '18:00',
        },
        {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: 'https://schema.org/Saturday',
          opens: '10:00',
          closes: '14:00',
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
      parentOrganization: { '@type': 'Organization', name: 'Glow Med Spa' },
    });
  });

  it('maps every weekday to its schema.org URL', () => {
    const days = [
      'MONDAY',
      'TUESDAY',
      'WEDNESDAY',
      'THURSDAY',
      'FRIDAY',
      'SATURDAY',
      'SUNDAY',
    ] as const;
    const doc = clinicJsonLd({
      ...clinic,
      openingHours: days.map((day) => ({
        day,
        opens: '09:00',
        closes: '17:00',
      })),
    });
    const specs = doc.openingHoursSpecification as { dayOfWeek: string }[];
    expect(specs.map((s) => s.dayOfWeek)).toEqual([
      'https://schema.org/Monday',
      'https://schema.org/Tuesday',
      'https://schema.org/Wednesday',
      'https://schema.org/Thursday',
      'https://schema.org/Friday',
      'https://schema.org/Saturday',
      'https://schema.org/Sunday',
    ]);
  });

  it('omits missing optional data instead of emitting null', () => {
    const doc = clinicJsonLd({
      ...clinic,
      url: undefined,
      phone: null,
      email: '  ',
      address: {
        ...clinic.address,
        line2: null,
        region: null,
        postalCode: null,
      },
      geo: { lat: Number.NaN, lng: -97.7431 },
      openingHours: [],
    });
    expectCleanJsonLd(doc, 'MedicalClinic');
    expect(Object.keys(doc)).toEqual([
      '@context',
      '@type',
      'name',
      'address',
      'parentOrganization',
    ]);
    expect(doc.address).toEqual({
      '@type': 'PostalAddress',
      streetAddress: '500 Congress Ave',
      addressLocality: 'Austin',
      addressCountry: 'US',
    });
  });
});

const treatment: JsonLdTreatmentInput = {
  name: 'Microneedling',
  aliases: ['Collagen induction therapy'],
  summary: 'Stimulates **collagen** with [fine needles](https://example.com).',
  durationMinutes: { min: 45, max: 60 },
  procedureType: 'PERCUTANEOUS',
  contraindications: ['Active acne', 'Pregnancy'],
  offers: [
    {
      label: 'Single session',
      amountMinor: 34900,
      currency: 'USD',
      validFrom: '2025-01-01',
      validUntil: '2025-12-31',
      isFromPrice: false,
    },
    {
      label: 'Package of 3',
      amountMinor: 89900,
      currency: 'USD',
      validFrom: null,
      validUntil: null,
      isFromPrice: true,
    },
  ],
  clinic: { name: 'Glow Med Spa Austin', url: 'https://glow.example/austin' },
};

describe('treatmentJsonLd', () => {
  it('describes a MedicalProcedure with priced offers', () => {
    const doc = treatmentJsonLd(treatment);
    expectCleanJsonLd(doc, 'MedicalProcedure');
    expect(doc).toEqual({
      '@context': 'https://schema.org',
      '@type': 'MedicalProcedure',
      name: 'Microneedling',
      alternateName: ['Collagen induction therapy'],
      description: 'Stimulates collagen with fine needles.',
      procedureType: 'https://schema.org/PercutaneousProcedure',
      contraindication: ['Active acne', 'Pregnancy'],
      offers: [
        {
          '@type': 'Offer',
          name: 'Single session',
          price: '349.00',
          priceCurrency: 'USD',
          validFrom: '2025-01-01',
          priceValidUntil: '2025-12-31',
          offeredBy: {
            '@type': 'MedicalClinic',
            name: 'Glow Med Spa Austin',
            url: 'https://glow.example/austin',
          },
        },
        {
          '@type': 'Offer',
          name: 'Package of 3',
          price: '899.00',
          priceCurrency: 'USD',
          priceSpecification: {
            '@type': 'PriceSpecification',
            minPrice: '899.00',
            priceCurrency: 'USD',
          },
          offeredBy: {
            '@type': 'MedicalClinic',
            name: 'Glow Med Spa Austin',
            url: 'https://glow.example/austin',
          },
        },
      ],
    });
  });

  it('uses the currency exponent for the price string', () => {
    const doc = treatmentJsonLd({
      ...treatment,
      offers: [
        { ...treatment.offers[0], amountMinor: 45000, currency: 'jpy' },
        { ...treatment.offers[0], amountMinor: 1005, currency: 'KWD' },
      ],
    });
    const offers = doc.offers as { price: string; priceCurrency: string }[];
    expect(offers.map((o) => [o.price, o.priceCurrency])).toEqual([
      ['45000', 'JPY'],
      ['1.005', 'KWD'],
    ]);
  });

  it('omits empty lists, unknown procedure type and a missing clinic', () => {
    const doc = treatmentJsonLd({
      ...treatment,
      aliases: [],
      contraindications: [],
      procedureType: null,
      clinic: null,
      offers: [{ ...treatment.offers[0], validFrom: null, validUntil: null }],
    });
    expectCleanJsonLd(doc, 'MedicalProcedure');
    expect(doc).not.toHaveProperty('alternateName');
    expect(doc).not.toHaveProperty('contraindication');
    expect(doc).not.toHaveProperty('procedureType');
    expect(doc.offers).toEqual([
      {
        '@type': 'Offer',
        name: 'Single session',
        price: '349.00',
        priceCurrency: 'USD',
      },
    ]);
  });

  it('omits offers entirely when there are none', () => {
    const doc = treatmentJsonLd({ ...treatment, offers: [] });
    expectCleanJsonLd(doc, 'MedicalProcedure');
    expect(doc).not.toHaveProperty('offers');
  });

  it('refuses a non-integer amount rather than publishing a wrong price', () => {
    expect(() =>
      treatmentJsonLd({
        ...treatment,
        offers: [{ ...treatment.offers[0], amountMinor: 349.5 }],
      }),
    ).toThrow(/integer/);
  });
});

describe('faqPageJsonLd', () => {
  it('describes a FAQPage of questions with accepted answers', () => {
    const doc = faqPageJsonLd([
      {
        question: 'Does it hurt?',
        answer: 'A numbing cream is applied first.',
      },
      {
        question: 'How long?',
        answer: '<p>About <strong>1 hour</strong>.</p>',
      },
    ]);
    expectCleanJsonLd(doc, 'FAQPage');
    expect(doc.mainEntity).toEqual([
      {
        '@type': 'Question',
        name: 'Does it hurt?',
        acceptedAnswer: {
          '@type': 'Answer',
          text: 'A numbing cream is applied first.',
        },
      },
      {
        '@type': 'Question',
        name: 'How long?',
        acceptedAnswer: {
          '@type': 'Answer',
          text: '<p>About <strong>1 hour</strong>.</p>',
        },
      },
    ]);
  });

  it('skips entries without a question or an answer', () => {
    const doc = faqPageJsonLd([
      { question: ' ', answer: 'Orphan answer' },
      { question: 'Unanswered?', answer: '' },
      { question: 'Downtime?', answer: 'None.' },
    ]);
    expectCleanJsonLd(doc, 'FAQPage');
    expect(doc.mainEntity).toHaveLength(1);
  });
});

const provider: JsonLdProviderInput = {
  name: 'Dana Lee',
  credentials: ['RN', 'BSN'],
  title: 'Lead Aesthetic Nurse',
  bio: 'Dana has **10 years** of experience.',
  photoUrl: 'https://cdn.example/dana.jpg',
  clinics: [{ name: 'Glow Med Spa Austin' }, { name: 'Glow Med Spa Dallas' }],
};

describe('providerJsonLd', () => {
  it('describes a non-physician as a Person', () => {
    const doc = providerJsonLd(provider);
    expectCleanJsonLd(doc, 'Person');
    expect(doc).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'Dana Lee',
      honorificSuffix: 'RN, BSN',
      jobTitle: 'Lead Aesthetic Nurse',
      description: 'Dana has 10 years of experience.',
      image: 'https://cdn.example/dana.jpg',
      worksFor: [
        { '@type': 'MedicalClinic', name: 'Glow Med Spa Austin' },
        { '@type': 'MedicalClinic', name: 'Glow Med Spa Dallas' },
      ],
    });
  });

  it.each([
    [['MD']],
    [['M.D.']],
    [['md', 'FAAD']],
    [['D.O.']],
    [['MBBS']],
    [['MBChB']],
    [['M.B.Ch.B.']],
    [['MD, FAAD']],
  ])('describes %p as a Physician', (credentials) => {
    const doc = providerJsonLd({ ...provider, credentials });
    expectCleanJsonLd(doc, 'Physician');
  });

  it.each([[['RN']], [['NP', 'PA-C']], [['DDS']], [['MDiv']], [[]]])(
    'keeps %p a Person',
    (credentials) => {
      expectCleanJsonLd(providerJsonLd({ ...provider, credentials }), 'Person');
    },
  );

  it('uses only Organization-valid properties on a Physician', () => {
    const doc = providerJsonLd({
      ...provider,
      name: 'Sam Ortiz',
      credentials: ['MD', 'FAAD'],
      title: 'Medical Director',
    });
    expect(doc).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Physician',
      name: 'Sam Ortiz',
      description: 'Dana has 10 years of experience.',
      image: 'https://cdn.example/dana.jpg',
      hasCredential: [
        { '@type': 'EducationalOccupationalCredential', name: 'MD' },
        { '@type': 'EducationalOccupationalCredential', name: 'FAAD' },
      ],
      memberOf: [
        { '@type': 'MedicalClinic', name: 'Glow Med Spa Austin' },
        { '@type': 'MedicalClinic', name: 'Glow Med Spa Dallas' },
      ],
    });
    for (const personOnly of ['honorificSuffix', 'jobTitle', 'worksFor']) {
      expect(doc).not.toHaveProperty(personOnly);
    }
  });

  it('omits a missing photo, title, bio and clinics', () => {
    const doc = providerJsonLd({
      ...provider,
      title: null,
      bio: '',
      photoUrl: null,
      clinics: [],
    });
    expectCleanJsonLd(doc, 'Person');
    expect(Object.keys(doc)).toEqual(['@context', 'name', '@type', 'honorificSuffix']);
  });
});

describe('markdownToPlainText', () => {
  it.each([
    ['# Heading', 'Heading'],
    ['### Closed heading ###', 'Closed heading'],
    ['**bold** and __strong__', 'bold and strong'],
    ['*italic* and _emphasis_', 'italic and emphasis'],
    ['~~gone~~ `code`', 'gone code'],
    ['[a link](https://example.com "Title") here', 'a link here'],
    ['![alt text](img.png)', 'alt text'],
    ['see <https://example.com>', 'see https://example.com'],
    ['- one\n- two\n* three\n+ four', 'one\ntwo\nthree\nfour'],
    ['1. first\n2) second', 'first\nsecond'],
    ['- [x] done', 'done'],
    ['> quoted\n> text', 'quoted\ntext'],
    ['above\n\n---\n\nbelow', 'above\n\nbelow'],
    ['Title\n=====\nBody', 'Title\nBody'],
    ['Hello <em>there</em>', 'Hello there'],
    ['snake_case_name and 5 * 3 * 2', 'snake_case_name and 5 * 3 * 2'],
    ['\\*not italic\\* \\# not heading', '*not italic* # not heading'],
    ['```js\nconst x = 1;\n```\nafter', 'const x = 1;\nafter'],
    ['[text][ref] end\n\n[ref]: https://example.com', 'text end'],
    ['Plain text stays.', 'Plain text stays.'],
    ['a\n\n\n\nb', 'a\n\nb'],
    ['', ''],
  ])('%p → %p', (markdown, expected) => {
    expect(markdownToPlainText(markdown)).toBe(expected);
  });
});
