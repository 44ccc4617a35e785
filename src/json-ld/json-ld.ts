import type {
  DayOfWeek,
  FAQPageLeaf,
  Graph,
  MedicalClinicLeaf,
  MedicalProcedureType,
  MedicalTherapyLeaf,
  OfferLeaf,
  PersonLeaf,
} from 'schema-dts';
import { minorToDecimalString } from '../pricing/money';
import { markdownToPlainText } from '../markdown/markdown';
import { JsonLdIds, type JsonLdBrand } from './json-ld-ids';

/*
 * schema.org builders, typed with schema-dts so `tsc` refuses a property on a
 * type that does not have it. What each node is and where it hangs follows
 * schema.org's domains and Google's structured-data docs:
 * - a clinic is a MedicalClinic (a LocalBusiness: name and address);
 * - a treatment is a MedicalTherapy (a MedicalProcedure that may carry
 *   `contraindication`), linked from its clinics by `availableService`;
 * - prices are the clinic's `makesOffer` → Offer → `itemOffered` Service (the
 *   clinic's offering of the treatment); Offers are not allowed on a procedure;
 * - providers are Persons who `worksFor` their clinics (a Physician is an
 *   organization in schema.org);
 * - FAQ lists are an FAQPage `about` its clinic and treatment.
 * Every node has a stable `@id` (json-ld-ids.ts), so documents on one page join.
 */

type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

const CONTEXT = 'https://schema.org';

export interface JsonLdClinicInput {
  slug: string;
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
  brand: JsonLdBrand;
  /** Treatments offered here, linked by `@id`. */
  treatments?: { slug: string; name: string }[];
}

export interface JsonLdOfferInput {
  /** A stable id of the price, for the Offer's `@id`. */
  id: string;
  label: string;
  amountMinor: number;
  currency: string;
  /** Formatted for the clinic's locale, e.g. "$349.00" (for `priceRange`). */
  formatted: string;
  validFrom: string | null;
  validUntil: string | null;
  isFromPrice: boolean;
}

export interface JsonLdTreatmentInput {
  slug: string;
  name: string;
  aliases: string[];
  /** Markdown; sent as plain text. */
  summary: string;
  procedureType?: 'NONINVASIVE' | 'PERCUTANEOUS' | null;
  contraindications: string[];
  brand: JsonLdBrand;
  /** When resolved for a clinic: the clinic and its current prices. */
  offeredAt?: { clinic: JsonLdClinicInput; offers: JsonLdOfferInput[] } | null;
}

export interface JsonLdProviderInput {
  slug: string;
  name: string;
  /** Post-nominals as the provider writes them (`honorificSuffix`). */
  credentials: string[];
  /** Verified, unexpired licences only (`hasCredential`); the caller filters. */
  licences: { name: string; issuingState: string; expiresAt: string }[];
  title: string | null;
  /** Markdown; sent as plain text. */
  bio: string;
  photoUrl: string | null;
  clinics: { slug: string; name: string }[];
  brand: JsonLdBrand;
}

export interface JsonLdFaqPageInput {
  /** Answers as sanitized HTML (Google accepts a small HTML subset there). */
  faqs: { question: string; answer: string }[];
  /** Which page the list is: no `@id` without it. */
  page?: { brand: JsonLdBrand; clinic: string | null; treatment: string | null } | null;
}

const PROCEDURE_TYPES: Record<'NONINVASIVE' | 'PERCUTANEOUS', MedicalProcedureType> = {
  NONINVASIVE: 'https://schema.org/NoninvasiveProcedure',
  PERCUTANEOUS: 'https://schema.org/PercutaneousProcedure',
};

export function clinicJsonLd(clinic: JsonLdClinicInput): MedicalClinicLeaf & JsonLdContext {
  return compactNode<MedicalClinicLeaf & JsonLdContext>({
    '@context': CONTEXT,
    ...clinicNode(clinic),
  });
}

/**
 * The brand's treatment: one MedicalTherapy. Resolved for a clinic: a graph of
 * the therapy and the clinic, whose offers sell it.
 */
export function treatmentJsonLd(
  t: JsonLdTreatmentInput,
): (MedicalTherapyLeaf & JsonLdContext) | Graph {
  const ids = new JsonLdIds(t.brand);
  const therapy: MedicalTherapyLeaf = {
    '@type': 'MedicalTherapy',
    '@id': ids.procedure(t.slug),
    name: t.name,
    alternateName: t.aliases,
    description: markdownToPlainText(t.summary),
    procedureType: t.procedureType ? PROCEDURE_TYPES[t.procedureType] : undefined,
    contraindication: t.contraindications,
  };
  if (!t.offeredAt) {
    return compactNode<MedicalTherapyLeaf & JsonLdContext>({ '@context': CONTEXT, ...therapy });
  }
  const { clinic, offers } = t.offeredAt;
  const clinicWithOffers: MedicalClinicLeaf = {
    ...clinicNode({ ...clinic, treatments: [{ slug: t.slug, name: t.name }] }),
    priceRange: priceRange(offers),
    makesOffer: offers.map((offer) => offerNode(ids, clinic.slug, t, offer)),
  };
  return compactNode<Graph>({ '@context': CONTEXT, '@graph': [therapy, clinicWithOffers] });
}

/** Entries with a blank question or answer are skipped; Google rejects them. */
export function faqPageJsonLd({ faqs, page }: JsonLdFaqPageInput): FAQPageLeaf & JsonLdContext {
  const ids = page ? new JsonLdIds(page.brand) : null;
  const about = [
    page?.clinic && ids ? { '@id': ids.clinic(page.clinic) } : null,
    page?.treatment && ids ? { '@id': ids.procedure(page.treatment) } : null,
  ].filter((ref) => ref !== null);
  return compactNode<FAQPageLeaf & JsonLdContext>({
    '@context': CONTEXT,
    '@type': 'FAQPage',
    '@id': page && ids ? ids.faqPage(page.clinic, page.treatment) : undefined,
    about,
    mainEntity: faqs
      .filter((faq) => faq.question.trim() && faq.answer.trim())
      .map((faq) => ({
        '@type': 'Question' as const,
        name: faq.question,
        acceptedAnswer: { '@type': 'Answer' as const, text: faq.answer },
      })),
  });
}

/**
 * Every provider is a Person: schema.org's Physician is a MedicalOrganization
 * (a practice), and IndividualPhysician is still pending. Post-nominals are
 * honorific suffixes; licences someone verified (and not expired) are
 * credentials, valid in their issuing state until their expiry date;
 * clinics are employers.
 */
export function providerJsonLd(p: JsonLdProviderInput): PersonLeaf & JsonLdContext {
  const ids = new JsonLdIds(p.brand);
  const credentials = p.credentials.map((c) => c.trim()).filter(Boolean);
  return compactNode<PersonLeaf & JsonLdContext>({
    '@context': CONTEXT,
    '@type': 'Person',
    '@id': ids.provider(p.slug),
    name: p.name,
    description: markdownToPlainText(p.bio),
    image: p.photoUrl ?? undefined,
    honorificSuffix: credentials.join(', '),
    hasCredential: p.licences.map((licence) => ({
      '@type': 'EducationalOccupationalCredential',
      credentialCategory: 'license',
      name: licence.name,
      validIn: { '@type': 'State', name: licence.issuingState },
      expires: licence.expiresAt.slice(0, 10),
    })),
    jobTitle: p.title ?? undefined,
    worksFor: p.clinics.map((clinic) => ({
      '@type': 'MedicalClinic',
      '@id': ids.clinic(clinic.slug),
      name: clinic.name,
    })),
  });
}

interface JsonLdContext {
  '@context': typeof CONTEXT;
}

function clinicNode(clinic: JsonLdClinicInput): MedicalClinicLeaf {
  const ids = new JsonLdIds(clinic.brand);
  const { address, geo } = clinic;
  return {
    '@type': 'MedicalClinic',
    '@id': ids.clinic(clinic.slug),
    name: clinic.name,
    url: clinic.url ?? undefined,
    telephone: clinic.phone ?? undefined,
    email: clinic.email ?? undefined,
    address: {
      '@type': 'PostalAddress',
      streetAddress: [address.line1, address.line2].filter((line) => line?.trim()).join(', '),
      addressLocality: address.city,
      addressRegion: address.region ?? undefined,
      postalCode: address.postalCode ?? undefined,
      addressCountry: address.country,
    },
    // A coordinate with only one usable half would point somewhere wrong.
    // Strings, so the 5+ decimals Google asks for survive JSON (30.2672 → "30.267200").
    geo:
      Number.isFinite(geo.lat) && Number.isFinite(geo.lng)
        ? { '@type': 'GeoCoordinates', latitude: geo.lat.toFixed(6), longitude: geo.lng.toFixed(6) }
        : undefined,
    // One spec per entry, so split shifts (09:00–12:00, 13:00–18:00) stay exact.
    openingHoursSpecification: clinic.openingHours.map((entry) => ({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: dayUrl(entry.day),
      opens: entry.opens,
      closes: entry.closes,
    })),
    parentOrganization: {
      '@type': 'Organization',
      '@id': ids.organization(),
      name: clinic.brand.name,
      url: clinic.brand.websiteUrl ?? undefined,
    },
    availableService: (clinic.treatments ?? []).map((treatment) => ({
      '@type': 'MedicalTherapy',
      '@id': ids.procedure(treatment.slug),
      name: treatment.name,
    })),
  };
}

function offerNode(
  ids: JsonLdIds,
  clinic: string,
  treatment: JsonLdTreatmentInput,
  offer: JsonLdOfferInput,
): OfferLeaf {
  const price = minorToDecimalString(offer.amountMinor, offer.currency);
  const priceCurrency = offer.currency.toUpperCase();
  return {
    '@type': 'Offer',
    '@id': ids.offer(clinic, treatment.slug, offer.id),
    name: offer.label,
    price,
    priceCurrency,
    validFrom: offer.validFrom ?? undefined,
    priceValidUntil: offer.validUntil ?? undefined,
    priceSpecification: offer.isFromPrice
      ? { '@type': 'PriceSpecification', minPrice: Number(price), priceCurrency }
      : undefined,
    itemOffered: {
      '@type': 'Service',
      '@id': ids.service(clinic, treatment.slug),
      name: treatment.name,
      provider: { '@id': ids.clinic(clinic) },
    },
    offeredBy: { '@id': ids.clinic(clinic) },
  };
}

/** "$349.00–$900.00" from the cheapest to the dearest price, when they share a currency. */
function priceRange(offers: JsonLdOfferInput[]): string | undefined {
  if (!offers.length || new Set(offers.map((o) => o.currency.toUpperCase())).size > 1) {
    return undefined;
  }
  const sorted = [...offers].sort((a, b) => a.amountMinor - b.amountMinor);
  const [low, high] = [sorted[0], sorted[sorted.length - 1]];
  return low.amountMinor === high.amountMinor
    ? low.formatted
    : `${low.formatted}–${high.formatted}`;
}

function dayUrl(day: Weekday): DayOfWeek {
  return `https://schema.org/${day[0]}${day.slice(1).toLowerCase()}` as DayOfWeek;
}

/**
 * Drops what must never reach a search engine: null/undefined, blank strings,
 * non-finite numbers (JSON.stringify turns them into null), empty arrays and
 * nodes left with nothing but their "@type".
 */
function compactNode<T extends object>(node: T): T {
  return (compact(node) as T | undefined) ?? ({} as T);
}

/** What String.prototype.trim keeps something of (`\s` is trim's whitespace), without a copy. */
const NOT_BLANK = /\S/;

// Loops rather than entries/map/filter: every JSON-LD answer passes here whole.
function compact(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return NOT_BLANK.test(value) ? value : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const kept = compact(item);
      if (kept !== undefined) items.push(kept);
    }
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    // Keys are the builders' own (schema.org terms), never input.
    const node: Record<string, unknown> = {};
    let onlyType = true;
    for (const key of Object.keys(value)) {
      const kept = compact((value as Record<string, unknown>)[key]);
      if (kept === undefined) continue;
      node[key] = kept;
      if (key !== '@type') onlyType = false;
    }
    return onlyType ? undefined : node;
  }
  return value;
}
