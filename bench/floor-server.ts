import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { resolveFaqList } from '../src/content-resolution/resolve-faq-list';
import {
  type FieldPolicy,
  type OverrideLayer,
  resolveFields,
} from '../src/content-resolution/resolve-fields';
import { renderTokensDeep, type TokenContext } from '../src/content-resolution/tokens';
import { clinicJsonLd, treatmentJsonLd, type JsonLdClinicInput } from '../src/json-ld/json-ld';
import { encodeGlobalId, type NodeType } from '../src/graphql/global-id';
import { formatMoney } from '../src/pricing/money';
import { PUBLISHED } from '../src/read-mode/read-mode';
import { TREATMENT_OVERRIDABLE_FIELDS as TREATMENT_FIELDS } from '../src/treatments/treatment.content-type';
import { markdownToSafeHtml } from '../src/markdown/markdown';

/**
 * The floor: what Node + PostgreSQL alone cost for each workload. node:http,
 * one pg pool, one hand-written SQL statement per request (prepared once per
 * connection, so PostgreSQL plans it once), and the same pure
 * rules the API applies (layered resolution, tokens, Markdown, JSON-LD,
 * money), so the answer is the API's JSON. No framework, no GraphQL.
 *
 *   GET /clinic-page?brand=&clinic=&treatment=
 *   GET /locator?brand=&region=
 *   GET /faq-page?brand=&clinic=
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const CLINIC = `
  SELECT c.id, c.brand_id, c.region_id, c.slug, c.name, c.address_line1, c.address_line2, c.city,
         c.address_region, c.postal_code, c.country, c.latitude, c.longitude, c.phone, c.email,
         c.timezone, c.locale, c.opening_hours, b.name AS brand_name, b.website_url AS brand_url
    FROM clinics c JOIN brands b ON b.id = c.brand_id
   WHERE b.slug = $1 AND b.publication_status = 'PUBLISHED'
     AND c.slug = $2 AND c.publication_status = 'PUBLISHED'`;
const OVERRIDES = (entityType: string) => `
  SELECT coalesce(json_agg(json_build_object('entityId', o.entity_id, 'scope', o.scope, 'field', o.field,
                                             'value', o.value, 'baseValue', o.base_value)), '[]')
    FROM c JOIN overrides o ON o.clinic_id = c.id OR (o.region_id = c.region_id AND o.scope = 'REGION')
   WHERE o.publication_status = 'PUBLISHED' AND o.entity_type = '${entityType}'`;
const POLICIES = (entityType: string) => `
  SELECT coalesce(json_object_agg(fp.field, fp.policy), '{}')
    FROM c JOIN field_policies fp ON fp.brand_id = c.brand_id
   WHERE fp.publication_status = 'PUBLISHED' AND fp.entity_type = '${entityType}'`;

const CLINIC_PAGE_SQL = `
  WITH c AS (${CLINIC}),
       t AS (SELECT t.id, t.slug, t.name, t.aliases, t.summary, t.sections, t.facts, t.aftercare,
                    t.contraindications, t.combines_with AS "combinesWith", t.disclaimer, ct.id AS offering_id
               FROM c JOIN clinic_treatments ct ON ct.clinic_id = c.id AND ct.publication_status = 'PUBLISHED'
               JOIN treatments t ON t.id = ct.treatment_id AND t.publication_status = 'PUBLISHED'
              WHERE t.slug = $3)
  SELECT (SELECT row_to_json(c) FROM c) AS clinic,
         (SELECT row_to_json(t) FROM t) AS treatment,
         (SELECT coalesce(json_agg(o ORDER BY o.name, o.id), '[]') FROM (
            SELECT t.id, t.slug, t.name
              FROM c JOIN clinic_treatments ct ON ct.clinic_id = c.id AND ct.publication_status = 'PUBLISHED'
              JOIN treatments t ON t.id = ct.treatment_id AND t.publication_status = 'PUBLISHED') o) AS offered,
         (${OVERRIDES('TREATMENT')}) AS treatment_overrides,
         (${POLICIES('TREATMENT')}) AS treatment_policies,
         (${OVERRIDES('FAQ')}) AS faq_overrides,
         (${POLICIES('FAQ')}) AS faq_policies,
         (SELECT coalesce(json_agg(p ORDER BY p.position, p.id), '[]') FROM (
            SELECT p.id, p.label, p.kind, p.amount_minor, p.currency, p.is_from_price, p.sessions, p.position,
                   to_char(p.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(p.valid_until, 'YYYY-MM-DD') AS valid_until
              FROM t JOIN price_items p ON p.clinic_treatment_id = t.offering_id
             WHERE p.publication_status = 'PUBLISHED'
               AND (p.valid_from IS NULL OR p.valid_from <= CURRENT_DATE)
               AND (p.valid_until IS NULL OR p.valid_until >= CURRENT_DATE)) p) AS prices,
         (SELECT coalesce(json_agg(f ORDER BY f.position, f.id), '[]') FROM (
            SELECT f.id, f.clinic_id AS "clinicId", f.question, f.answer, f.position
              FROM c, t, faqs f
             WHERE f.brand_id = c.brand_id AND (f.clinic_id IS NULL OR f.clinic_id = c.id)
               AND f.publication_status = 'PUBLISHED'
               AND EXISTS (SELECT 1 FROM faq_treatments ft WHERE ft.faq_id = f.id AND ft.treatment_id = t.id)) f) AS faqs,
         (SELECT coalesce(json_agg(p ORDER BY p.name, p.id), '[]') FROM (
            SELECT p.id, p.slug, p.name, p.title, p.credentials, p.bio, p.photo_url
              FROM c, t, provider_clinics pc
              JOIN provider_treatments pt ON pt.provider_id = pc.provider_id
              JOIN providers p ON p.id = pc.provider_id
             WHERE pc.clinic_id = c.id AND pt.treatment_id = t.id AND p.publication_status = 'PUBLISHED') p) AS providers`;

const LOCATOR_SQL = `
  SELECT c.slug, c.name, c.phone, c.address_line1, c.city, c.postal_code, c.latitude, c.longitude,
         c.opening_hours, count(*) OVER () AS total
    FROM clinics c JOIN brands b ON b.id = c.brand_id
   WHERE b.slug = $1 AND b.publication_status = 'PUBLISHED' AND c.publication_status = 'PUBLISHED'
     AND c.region_id = (SELECT r.id FROM regions r JOIN brands rb ON rb.id = r.brand_id
                         WHERE rb.slug = $1 AND r.slug = $2 AND r.publication_status = 'PUBLISHED')
   ORDER BY c.name, c.id
   LIMIT 50`;

const FAQ_PAGE_SQL = `
  WITH c AS (${CLINIC})
  SELECT (SELECT row_to_json(c) FROM c) AS clinic,
         (${OVERRIDES('FAQ')}) AS faq_overrides,
         (${POLICIES('FAQ')}) AS faq_policies,
         (SELECT coalesce(json_agg(f ORDER BY f.position, f.id), '[]') FROM (
            SELECT f.id, f.clinic_id AS "clinicId", f.question, f.answer, f.position
              FROM c, faqs f
             WHERE f.brand_id = c.brand_id AND (f.clinic_id IS NULL OR f.clinic_id = c.id)
               AND f.publication_status = 'PUBLISHED') f) AS faqs`;

type Row = Record<string, any>;

/** The delivered id of an item shown at a clinic, as the API encodes it. */
function idAt(type: NodeType, itemId: string, clinicId: string): string {
  return encodeGlobalId({ type, itemId, clinicId, mode: PUBLISHED });
}
type OverrideRow = OverrideLayer & { entityId: string };

function byEntity(rows: OverrideRow[]): Map<string, OverrideLayer[]> {
  const map = new Map<string, OverrideLayer[]>();
  for (const { entityId, ...layer } of rows) {
    const list = map.get(entityId) ?? [];
    list.push(layer);
    map.set(entityId, list);
  }
  return map;
}

function options(policies: Record<string, FieldPolicy>) {
  return { forClinic: true, policies: new Map(Object.entries(policies)) };
}

function tokenContext(clinic: Row): TokenContext {
  return {
    brand: { name: clinic.brand_name },
    clinic: {
      name: clinic.name,
      city: clinic.city,
      phone: clinic.phone,
      email: clinic.email,
      addressLine1: clinic.address_line1,
      addressRegion: clinic.address_region,
      postalCode: clinic.postal_code,
    },
  };
}

function resolvedFaqs(row: Row, clinic: Row) {
  const faqs = row.faqs as Row[];
  const tokens = tokenContext(clinic);
  return resolveFaqList(
    faqs.filter((faq) => faq.clinicId === null) as any[],
    faqs.filter((faq) => faq.clinicId !== null) as any[],
    byEntity(row.faq_overrides),
    options(row.faq_policies),
  ).map((resolved) => ({
    id: idAt('Faq', resolved.faq.id as string, clinic.id),
    ...renderTokensDeep({ question: resolved.question, answer: resolved.answer }, tokens),
  }));
}

function clinicFields(c: Row) {
  const address = {
    line1: c.address_line1,
    line2: c.address_line2,
    city: c.city,
    region: c.address_region,
    postalCode: c.postal_code,
    country: c.country,
  };
  const geo = { lat: c.latitude, lng: c.longitude };
  return { address, geo };
}

async function clinicPage(brand: string, clinicSlug: string, treatmentSlug: string) {
  const { rows } = await pool.query({
    name: 'clinic-page',
    text: CLINIC_PAGE_SQL,
    values: [brand, clinicSlug, treatmentSlug],
  });
  const row = rows[0];
  const c = row.clinic as Row | null;
  if (!c) return { data: { clinic: null } };
  const { address, geo } = clinicFields(c);
  const openingHours = (c.opening_hours as Row[]).map(({ day, opens, closes }) => ({
    day,
    opens,
    closes,
  }));
  const jsonLdClinic: JsonLdClinicInput = {
    slug: c.slug,
    name: c.name,
    phone: c.phone,
    email: c.email,
    address,
    geo,
    openingHours,
    brand: { slug: brand, name: c.brand_name, websiteUrl: c.brand_url },
    url: c.brand_url ? `${c.brand_url}/clinics/${c.slug}` : null,
  };
  const clinic: Row = {
    slug: c.slug,
    name: c.name,
    phone: c.phone,
    email: c.email,
    timezone: c.timezone,
    address,
    geo,
    openingHours,
    jsonLd: clinicJsonLd({
      ...jsonLdClinic,
      treatments: (row.offered as Row[]).map((o) => ({ slug: o.slug, name: o.name })),
    }),
    treatment: null,
  };
  const t = row.treatment as Row | null;
  if (t) {
    const brandValues: Record<string, unknown> = {};
    for (const field of TREATMENT_FIELDS) brandValues[field] = t[field];
    const { values } = resolveFields(
      brandValues,
      TREATMENT_FIELDS,
      byEntity(row.treatment_overrides).get(t.id) ?? [],
      options(row.treatment_policies),
    );
    const v = renderTokensDeep(values, tokenContext(c)) as Row;
    const prices = (row.prices as Row[]).map((p) => ({
      label: p.label,
      kind: p.kind,
      amount: {
        amountMinor: p.amount_minor,
        currency: p.currency,
        formatted: formatMoney(p.amount_minor, p.currency, c.locale),
      },
      isFromPrice: p.is_from_price,
      sessions: p.sessions,
      validFrom: p.valid_from,
      validUntil: p.valid_until,
    }));
    clinic.treatment = {
      slug: t.slug,
      name: v.name,
      aliases: v.aliases,
      summary: v.summary,
      disclaimer: v.disclaimer,
      sections: (v.sections as Row[]).map((s) => ({
        key: s.key,
        heading: s.heading,
        body: s.body,
        html: markdownToSafeHtml(s.body),
      })),
      aftercare: v.aftercare,
      contraindications: v.contraindications,
      prices,
      faqs: resolvedFaqs(row, c).map((faq) => ({
        ...faq,
        answerHtml: markdownToSafeHtml(faq.answer),
      })),
      providers: (row.providers as Row[]).map((p) => ({
        slug: p.slug,
        name: p.name,
        title: p.title,
        credentials: p.credentials,
        bioHtml: markdownToSafeHtml(p.bio),
        photoUrl: p.photo_url,
      })),
      jsonLd: treatmentJsonLd({
        slug: t.slug,
        name: v.name,
        aliases: v.aliases,
        summary: v.summary,
        contraindications: v.contraindications,
        brand: jsonLdClinic.brand,
        offeredAt: {
          clinic: jsonLdClinic,
          offers: prices.map((p, i) => ({
            id: idAt('PriceItem', (row.prices as Row[])[i].id, c.id),
            label: p.label,
            amountMinor: p.amount.amountMinor,
            currency: p.amount.currency,
            formatted: p.amount.formatted,
            validFrom: p.validFrom,
            validUntil: p.validUntil,
            isFromPrice: p.isFromPrice,
          })),
        },
      }),
    };
  }
  return { data: { clinic } };
}

async function locator(brand: string, region: string) {
  const { rows } = await pool.query({
    name: 'locator',
    text: LOCATOR_SQL,
    values: [brand, region],
  });
  return {
    data: {
      clinics: {
        totalCount: rows.length ? Number(rows[0].total) : 0,
        edges: rows.map((c) => ({
          node: {
            slug: c.slug,
            name: c.name,
            phone: c.phone,
            address: { line1: c.address_line1, city: c.city, postalCode: c.postal_code },
            geo: { lat: c.latitude, lng: c.longitude },
            openingHours: (c.opening_hours as Row[]).map(({ day, opens, closes }) => ({
              day,
              opens,
              closes,
            })),
          },
        })),
      },
    },
  };
}

async function faqPage(brand: string, clinicSlug: string) {
  const { rows } = await pool.query({
    name: 'faq-page',
    text: FAQ_PAGE_SQL,
    values: [brand, clinicSlug],
  });
  const row = rows[0];
  if (!row.clinic) return { data: { faqs: { totalCount: 0, edges: [] } } };
  const all = resolvedFaqs(row, row.clinic);
  return {
    data: {
      faqs: {
        totalCount: all.length,
        edges: all.slice(0, 100).map((faq) => ({
          node: { id: faq.id, question: faq.question, answerHtml: markdownToSafeHtml(faq.answer) },
        })),
      },
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://floor');
  const p = (name: string) => url.searchParams.get(name) ?? '';
  let answer: unknown;
  switch (url.pathname) {
    case '/clinic-page':
      answer = await clinicPage(p('brand'), p('clinic'), p('treatment'));
      break;
    case '/locator':
      answer = await locator(p('brand'), p('region'));
      break;
    case '/faq-page':
      answer = await faqPage(p('brand'), p('clinic'));
      break;
    default:
      res.writeHead(404).end();
      return;
  }
  const body = JSON.stringify(answer);
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    res.writeHead(500).end();
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(`Floor ready on ${process.env.PORT}`);
});
