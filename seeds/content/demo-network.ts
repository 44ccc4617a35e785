/**
 * SAMPLE DATA. A fictional franchise ("Lumen Aesthetics") used to demonstrate
 * and test the API: the brand row is flagged `is_sample`, and every name,
 * address, phone number, price and biography below is made up. Phone numbers
 * use the 555-01xx range reserved for fiction; e-mail domains use `.example`.
 *
 * Clinical content does not live here: it comes from the article
 * (see micro-needling.ts).
 */
import type { OpeningHoursEntry } from '../../src/clinics/clinic.entity';
import type { PriceKind } from '../../src/pricing/price-item.entity';

export const DEMO_BRAND = {
  slug: 'lumen-aesthetics',
  name: 'Lumen Aesthetics',
  locale: 'en-US',
  currency: 'USD',
  websiteUrl: 'https://lumen-aesthetics.example',
};

export const DEMO_REGIONS = [
  { slug: 'texas', name: 'Texas' },
  { slug: 'colorado', name: 'Colorado' },
];

const WEEKDAY_HOURS: OpeningHoursEntry[] = [
  { day: 'MONDAY', opens: '09:00', closes: '18:00' },
  { day: 'TUESDAY', opens: '09:00', closes: '18:00' },
  { day: 'WEDNESDAY', opens: '09:00', closes: '18:00' },
  { day: 'THURSDAY', opens: '10:00', closes: '20:00' },
  { day: 'FRIDAY', opens: '09:00', closes: '17:00' },
];
const WITH_SATURDAY: OpeningHoursEntry[] = [
  ...WEEKDAY_HOURS,
  { day: 'SATURDAY', opens: '10:00', closes: '15:00' },
];

export interface DemoPrice {
  label: string;
  kind: PriceKind;
  amountMinor: number;
  isFromPrice?: boolean;
  sessions?: number;
}

export interface DemoClinic {
  slug: string;
  name: string;
  region: string;
  addressLine1: string;
  addressLine2?: string;
  city: string;
  addressRegion: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  phone: string;
  email: string;
  timezone: string;
  openingHours: OpeningHoursEntry[];
  microNeedlingPrices: DemoPrice[];
}

function microNeedlingPrices(
  single: number,
  packageOfThree: number,
  prpAddOn: number,
): DemoPrice[] {
  return [
    {
      label: 'Micro-needling session',
      kind: 'SINGLE_SESSION',
      amountMinor: single,
    },
    {
      label: 'Package of 3 sessions',
      kind: 'PACKAGE',
      amountMinor: packageOfThree,
      sessions: 3,
    },
    { label: 'PRP add-on', kind: 'ADD_ON', amountMinor: prpAddOn },
  ];
}

export const DEMO_CLINICS: DemoClinic[] = [
  {
    slug: 'austin-downtown',
    name: 'Lumen Aesthetics Austin Downtown',
    region: 'texas',
    addressLine1: '401 Congress Ave',
    addressLine2: 'Suite 120',
    city: 'Austin',
    addressRegion: 'TX',
    postalCode: '78701',
    latitude: 30.2672,
    longitude: -97.7431,
    phone: '+1 512-555-0142',
    email: 'austin@lumen-aesthetics.example',
    timezone: 'America/Chicago',
    openingHours: WITH_SATURDAY,
    microNeedlingPrices: microNeedlingPrices(34900, 89900, 25000),
  },
  {
    slug: 'dallas-uptown',
    name: 'Lumen Aesthetics Dallas Uptown',
    region: 'texas',
    addressLine1: '2500 McKinney Ave',
    city: 'Dallas',
    addressRegion: 'TX',
    postalCode: '75201',
    latitude: 32.7999,
    longitude: -96.8017,
    phone: '+1 214-555-0178',
    email: 'dallas@lumen-aesthetics.example',
    timezone: 'America/Chicago',
    openingHours: WEEKDAY_HOURS,
    microNeedlingPrices: microNeedlingPrices(32900, 84900, 22500),
  },
  {
    slug: 'houston-galleria',
    name: 'Lumen Aesthetics Houston Galleria',
    region: 'texas',
    addressLine1: '5085 Westheimer Rd',
    city: 'Houston',
    addressRegion: 'TX',
    postalCode: '77056',
    latitude: 29.7388,
    longitude: -95.4613,
    phone: '+1 713-555-0116',
    email: 'houston@lumen-aesthetics.example',
    timezone: 'America/Chicago',
    openingHours: WITH_SATURDAY,
    microNeedlingPrices: [
      ...microNeedlingPrices(29900, 79900, 20000),
      { label: 'Skin consultation', kind: 'CONSULTATION', amountMinor: 0 },
    ],
  },
  {
    slug: 'denver-cherry-creek',
    name: 'Lumen Aesthetics Denver Cherry Creek',
    region: 'colorado',
    addressLine1: '250 Columbine St',
    city: 'Denver',
    addressRegion: 'CO',
    postalCode: '80206',
    latitude: 39.7186,
    longitude: -104.9544,
    phone: '+1 303-555-0190',
    email: 'denver@lumen-aesthetics.example',
    timezone: 'America/Denver',
    openingHours: WEEKDAY_HOURS,
    microNeedlingPrices: microNeedlingPrices(37500, 99900, 27500),
  },
  {
    slug: 'boulder-pearl-street',
    name: 'Lumen Aesthetics Boulder Pearl Street',
    region: 'colorado',
    addressLine1: '1600 Pearl St',
    city: 'Boulder',
    addressRegion: 'CO',
    postalCode: '80302',
    latitude: 40.0185,
    longitude: -105.2755,
    phone: '+1 303-555-0133',
    email: 'boulder@lumen-aesthetics.example',
    timezone: 'America/Denver',
    openingHours: WITH_SATURDAY,
    microNeedlingPrices: [
      {
        label: 'Micro-needling session',
        kind: 'SINGLE_SESSION',
        amountMinor: 35000,
        isFromPrice: true,
      },
      {
        label: 'Package of 3 sessions',
        kind: 'PACKAGE',
        amountMinor: 94500,
        sessions: 3,
      },
      { label: 'PRP add-on', kind: 'ADD_ON', amountMinor: 26000 },
    ],
  },
];

export interface DemoProvider {
  slug: string;
  name: string;
  credentials: string[];
  title: string;
  bio: string;
  clinics: string[];
  /** Sample licences (numbers invented), issued by the states of the provider's clinics. */
  licences: { credentialType: string; issuingState: string; licenceNumber: string }[];
}

/** When the sample licences expire: far enough ahead that the demo providers stay listed. */
export const DEMO_LICENCE_EXPIRY = '2035-12-31T23:59:59Z';

export const DEMO_PROVIDERS: DemoProvider[] = [
  {
    slug: 'maya-ellison',
    name: 'Maya Ellison',
    credentials: ['MD', 'FAAD'],
    title: 'Medical Director, Board-Certified Dermatologist',
    bio: '*Sample provider.* Dr. Ellison oversees treatment protocols for the Texas clinics and sees patients in **Austin** and **Dallas**.',
    clinics: ['austin-downtown', 'dallas-uptown'],
    licences: [{ credentialType: 'MD', issuingState: 'TX', licenceNumber: 'SAMPLE-TX-MD-1001' }],
  },
  {
    slug: 'jordan-reyes',
    name: 'Jordan Reyes',
    credentials: ['RN', 'BSN'],
    title: 'Aesthetic Nurse',
    bio: '*Sample provider.* Jordan has performed collagen induction treatments for eight years and leads new-patient consultations in Austin.',
    clinics: ['austin-downtown'],
    licences: [{ credentialType: 'RN', issuingState: 'TX', licenceNumber: 'SAMPLE-TX-RN-2002' }],
  },
  {
    slug: 'priya-nair',
    name: 'Priya Nair',
    credentials: ['PA-C'],
    title: 'Physician Assistant',
    bio: '*Sample provider.* Priya splits her week between our **Houston** and **Dallas** clinics.',
    clinics: ['houston-galleria', 'dallas-uptown'],
    licences: [{ credentialType: 'PA', issuingState: 'TX', licenceNumber: 'SAMPLE-TX-PA-3003' }],
  },
  {
    slug: 'elena-petrova',
    name: 'Elena Petrova',
    credentials: ['NP-C'],
    title: 'Nurse Practitioner',
    bio: '*Sample provider.* Elena leads the Colorado team and sees patients in Denver and Boulder.',
    clinics: ['denver-cherry-creek', 'boulder-pearl-street'],
    licences: [{ credentialType: 'NP', issuingState: 'CO', licenceNumber: 'SAMPLE-CO-NP-4004' }],
  },
  {
    slug: 'sam-carter',
    name: 'Sam Carter',
    credentials: ['LE'],
    title: 'Licensed Esthetician',
    bio: '*Sample provider.* Sam focuses on skin preparation and aftercare coaching at our Boulder clinic.',
    clinics: ['boulder-pearl-street'],
    licences: [
      {
        credentialType: 'LICENSED_ESTHETICIAN',
        issuingState: 'CO',
        licenceNumber: 'SAMPLE-CO-LE-5005',
      },
    ],
  },
];

/**
 * Field policies of the brand. Fields not listed are INHERITABLE.
 * Clinical facts never change per clinic; every clinic needs its own
 * disclaimer.
 */
export const DEMO_FIELD_POLICIES = [
  { entityType: 'TREATMENT', field: 'facts', policy: 'LOCKED' },
  { entityType: 'TREATMENT', field: 'contraindications', policy: 'LOCKED' },
  { entityType: 'TREATMENT', field: 'aftercare', policy: 'LOCKED' },
  { entityType: 'TREATMENT', field: 'disclaimer', policy: 'CLINIC_REQUIRED' },
] as const;

/** Local text (sample): a region default and clinic overrides of it. */
export const DEMO_TREATMENT_OVERRIDES = [
  {
    key: 'texas-disclaimer',
    scope: 'REGION' as const,
    target: 'texas',
    field: 'disclaimer',
    value:
      'Treatments in our Texas clinics are performed under the supervision of our medical director.',
  },
  {
    key: 'austin-disclaimer',
    scope: 'CLINIC' as const,
    target: 'austin-downtown',
    field: 'disclaimer',
    value:
      'At {{clinic.name}}, micro-needling is performed by licensed providers under medical supervision. Call {{clinic.phone}} to book your consultation.',
  },
  {
    key: 'denver-disclaimer',
    scope: 'CLINIC' as const,
    target: 'denver-cherry-creek',
    field: 'disclaimer',
    value:
      'Micro-needling at {{clinic.name}} is performed by a nurse practitioner licensed in Colorado.',
  },
];

/** A FAQ that only one clinic shows (sample). */
export const DEMO_CLINIC_FAQS = [
  {
    key: 'austin-parking',
    clinic: 'austin-downtown',
    question: 'Is there parking at {{clinic.name}}?',
    answer:
      'Yes. Validated parking is available in the garage behind the building. Call {{clinic.phone}} if you need directions.',
    position: 100,
  },
];

/** Per-clinic changes to brand FAQs (sample): hide one, move one to the top. */
export const DEMO_FAQ_OVERRIDES = [
  {
    clinic: 'dallas-uptown',
    faqKey: 'how-does-micro-needling-compare-to-other-treatments',
    field: 'hidden',
    value: true,
  },
  {
    clinic: 'houston-galleria',
    faqKey: 'how-many-sessions-are-needed',
    field: 'position',
    value: -1,
  },
];
