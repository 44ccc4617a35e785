import { minorToDecimalString } from '../pricing/money';

export type JsonLd = Record<string, unknown>;

type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

export interface JsonLdClinicInput {
  name: string;
  url?: string | null;
  phone: string | null;
  email: string | null;
  address: {
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postalCode: string | null;
    country: string;
  };
  geo: { lat: number; lng: number };
  openingHours: { day: Weekday; opens: string; closes: string }[];
  brandName: string;
}

export interface JsonLdOfferInput {
  label: string;
  amountMinor: number;
  currency: string;
  validFrom: string | null;
  validUntil: string | null;
  isFromPrice: boolean;
}

export interface JsonLdTreatmentInput {
  name: string;
  aliases: string[];
  /** Plain text or Markdown. */
  summary: string;
  /** Ignored: schema.org has no duration property for a MedicalProcedure. */
  durationMinutes?: { min: number; max: number };
  /** Members of schema.org/MedicalProcedureType; omitted when unknown. */
  procedureType?: 'NONINVASIVE' | 'PERCUTANEOUS' | null;
  contraindications: string[];
  offers: JsonLdOfferInput[];
  clinic?: { name: string; url?: string | null } | null;
}

export interface JsonLdProviderInput {
  name: string;
  credentials: string[];
  title: string | null;
  bio: string;
  photoUrl: string | null;
  clinics: { name: string }[];
}

const CONTEXT = 'https://schema.org';

const PROCEDURE_TYPES = {
  NONINVASIVE: 'https://schema.org/NoninvasiveProcedure',
  PERCUTANEOUS: 'https://schema.org/PercutaneousProcedure',
} as const;

const PHYSICIAN_DEGREES = new Set(['MD', 'DO', 'MBBS', 'MBCHB']);

export function clinicJsonLd(clinic: JsonLdClinicInput): JsonLd {
  const { address, geo } = clinic;
  return compactNode({
    '@context': CONTEXT,
    '@type': 'MedicalClinic',
    name: clinic.name,
    url: clinic.url,
    telephone: clinic.phone,
    email: clinic.email,
    address: {
      '@type': 'PostalAddress',
      streetAddress: [address.line1, address.line2].filter((line) => line?.trim()).join(', '),
      addressLocality: address.city,
      addressRegion: address.region,
      postalCode: address.postalCode,
      addressCountry: address.country,
    },
    // A coordinate with only one usable half would point somewhere wrong.
    geo:
      Number.isFinite(geo.lat) && Number.isFinite(geo.lng)
        ? { '@type': 'GeoCoordinates', latitude: geo.lat, longitude: geo.lng }
        : undefined,
    // One spec per entry, so split shifts (09:00–12:00, 13:00–18:00) stay exact.
    openingHoursSpecification: clinic.openingHours.map((entry) => ({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: dayUrl(entry.day),
      opens: entry.opens,
      closes: entry.closes,
    })),
    parentOrganization: { '@type': 'Organization', name: clinic.brandName },
  });
}

/*
 * `offers` and `contraindication` lie outside MedicalProcedure's expected
 * properties (they belong to Service/Product and MedicalTherapy). schema.org
 * treats domains as advisory and explicitly allows `offers` on other types, so
 * the markup stays meaningful; a validator may only show a warning.
 */
export function treatmentJsonLd(t: JsonLdTreatmentInput): JsonLd {
  const clinic = t.clinic?.name.trim() ? t.clinic : null;
  return compactNode({
    '@context': CONTEXT,
    '@type': 'MedicalProcedure',
    name: t.name,
    alternateName: t.aliases,
    description: markdownToPlainText(t.summary),
    procedureType: t.procedureType ? PROCEDURE_TYPES[t.procedureType] : null,
    contraindication: t.contraindications,
    offers: t.offers.map((offer) => {
      const price = minorToDecimalString(offer.amountMinor, offer.currency);
      const priceCurrency = offer.currency.toUpperCase();
      return {
        '@type': 'Offer',
        name: offer.label,
        price,
        priceCurrency,
        validFrom: offer.validFrom,
        priceValidUntil: offer.validUntil,
        priceSpecification: offer.isFromPrice
          ? { '@type': 'PriceSpecification', minPrice: price, priceCurrency }
          : null,
        offeredBy: clinic ? { '@type': 'MedicalClinic', name: clinic.name, url: clinic.url } : null,
      };
    }),
  });
}

/** Entries with a blank question or answer are skipped; Google rejects them. */
export function faqPageJsonLd(faqs: { question: string; answer: string }[]): JsonLd {
  return compactNode({
    '@context': CONTEXT,
    '@type': 'FAQPage',
    mainEntity: faqs
      .filter((faq) => faq.question.trim() && faq.answer.trim())
      .map((faq) => ({
        '@type': 'Question',
        name: faq.question,
        // Google accepts a small HTML subset here, so sanitized HTML passes as-is.
        acceptedAnswer: { '@type': 'Answer', text: faq.answer },
      })),
  });
}

/*
 * Since schema.org v24 "Physician" means "an individual physician or a
 * physician's office considered as a MedicalOrganization", so it is the right
 * type for an MD/DO, but it is an Organization: Person-only properties
 * (honorificSuffix, jobTitle, worksFor) would not validate on it. Physicians
 * therefore carry their degrees as `hasCredential` and their clinics as
 * `memberOf` (both defined for Organization); the job title has no valid home
 * and is left out. (`IndividualPhysician`/`practicesAt` would fit better but
 * are still in schema.org's pending area.) Everyone else is a Person.
 */
export function providerJsonLd(p: JsonLdProviderInput): JsonLd {
  const clinics = p.clinics.map((clinic) => ({
    '@type': 'MedicalClinic',
    name: clinic.name,
  }));
  const common = {
    '@context': CONTEXT,
    name: p.name,
    description: markdownToPlainText(p.bio),
    image: p.photoUrl,
  };
  if (isPhysician(p.credentials)) {
    return compactNode({
      ...common,
      '@type': 'Physician',
      hasCredential: p.credentials.map((credential) => ({
        '@type': 'EducationalOccupationalCredential',
        name: credential,
      })),
      memberOf: clinics,
    });
  }
  return compactNode({
    ...common,
    '@type': 'Person',
    honorificSuffix: p.credentials
      .map((c) => c.trim())
      .filter(Boolean)
      .join(', '),
    jobTitle: p.title,
    worksFor: clinics,
  });
}

// Tolerates "M.D." and entries like "MD, FAAD" typed into one field.
function isPhysician(credentials: string[]): boolean {
  return credentials
    .flatMap((credential) => credential.split(/[,;/]/))
    .some((part) => PHYSICIAN_DEGREES.has(part.replace(/[.\s]/g, '').toUpperCase()));
}

/** Strips Markdown syntax so editors' summaries read as plain text. */
export function markdownToPlainText(markdown: string): string {
  // Escaped characters are parked in the Private Use Area so no rule below
  // mistakes them for syntax, then restored at the end.
  const parked = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, (_, ch: string) =>
      String.fromCharCode(0xe000 + ch.charCodeAt(0)),
    );
  const plain = parked
    .replace(/^ {0,3}(```|~~~).*$\n?/gm, '') // code fences (content is kept)
    .replace(/^ {0,3}\[[^\]]+\]:[ \t]+\S.*$\n?/gm, '') // link reference definitions
    .replace(/^ {0,3}([-*_])( *\1){2,} *$\n?/gm, '') // horizontal rules
    .replace(/^ {0,3}(=+|-+) *$\n?/gm, '') // setext heading underlines
    .replace(/^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm, '$1') // headings
    .replace(/^ {0,3}(> ?)+/gm, '') // blockquotes
    .replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, '') // list markers
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images → alt text
    .replace(/\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1') // links → text
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1') // autolinks
    .replace(/<\/?[a-zA-Z][^>]*>/g, '') // inline HTML tags
    .replace(/(`+)([\s\S]*?)\1/g, '$2') // inline code
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1') // bold **
    .replace(/(^|\W)__(?=\S)([\s\S]*?\S)__(?!\w)/g, '$1$2') // bold __ (not inside words)
    .replace(/\*(?=\S)([^*\n]*?\S)\*/g, '$1') // italic *
    .replace(/(^|\W)_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2') // italic _ (not snake_case)
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1'); // strikethrough
  return plain
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replace(/[\ue000-\ue07f]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xe000));
}

function dayUrl(day: Weekday): string {
  return `https://schema.org/${day[0]}${day.slice(1).toLowerCase()}`;
}

/**
 * Drops what must never reach a search engine: null/undefined, blank strings,
 * non-finite numbers (JSON.stringify turns them into null), empty arrays and
 * nodes left with nothing but their "@type".
 */
function compactNode(node: JsonLd): JsonLd {
  return (compact(node) as JsonLd | undefined) ?? {};
}

function compact(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() ? value : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items = value.map(compact).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, v]) => [key, compact(v)] as const)
      .filter(([, v]) => v !== undefined);
    if (entries.every(([key]) => key === '@type')) return undefined;
    return Object.fromEntries(entries);
  }
  return value;
}
