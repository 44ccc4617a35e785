import { DataSource, EntityManager } from 'typeorm';
import { storeMissingRenderingsOfContent } from '../src/editing/content-store';
import { buildMicroNeedlingContent } from './content/micro-needling';

export interface ScaleSeedOptions {
  /** Brand slug of the generated franchise (default `scale`). */
  brand?: string;
  clinics: number;
  /** Called after each batch of clinics with how many are done. */
  onProgress?: (done: number, total: number) => void;
}

export interface ScaleSeedResult {
  brandSlug: string;
  clinics: number;
  regions: number;
  treatments: string[];
  /** False when the brand already existed (nothing was written). */
  created: boolean;
}

/** Clinics per region, so a region always fills a locator page of 50. */
export const CLINICS_PER_REGION = 250;
export const PROVIDERS_PER_CLINIC = 5;
export const FAQS_PER_TREATMENT = 20;
/** Every fifth clinic has local overrides. */
const OVERRIDE_EVERY = 5;
const BATCH = 1000;

/** Treatments of the generated brand; the first one is the real article. */
const TREATMENTS = [
  { slug: 'micro-needling', name: 'Micro-Needling' },
  { slug: 'chemical-peel', name: 'Chemical Peel' },
  { slug: 'laser-hair-removal', name: 'Laser Hair Removal' },
  { slug: 'hydrafacial', name: 'HydraFacial' },
  { slug: 'dermal-fillers', name: 'Dermal Fillers' },
];

/** `clinic-00042`: the slug of the i-th generated clinic (1-based). */
export function scaleClinicSlug(i: number): string {
  return `clinic-${String(i).padStart(5, '0')}`;
}

/** `region-003`: the slug of the j-th generated region (1-based). */
export function scaleRegionSlug(j: number): string {
  return `region-${String(j).padStart(3, '0')}`;
}

export function scaleRegionCount(clinics: number): number {
  return Math.max(1, Math.ceil(clinics / CLINICS_PER_REGION));
}

/**
 * Generates a large published franchise for load tests: N clinics across
 * regions, 5 providers per clinic, 5 treatments offered everywhere with 3
 * prices each, 20 brand FAQs per treatment plus 2 local FAQs per clinic,
 * region disclaimers, and overrides (summary, an FAQ answer, a hidden FAQ)
 * at every fifth clinic. Rows are made by set-based INSERT … SELECT over
 * generate_series, one batch of clinics at a time, in one transaction.
 * Ids are random: this is generated data, not content anyone edits, and a
 * brand that already exists is left alone (the run is then a no-op).
 */
export async function seedScale(
  dataSource: DataSource,
  options: ScaleSeedOptions,
): Promise<ScaleSeedResult> {
  const brandSlug = options.brand ?? 'scale';
  const total = options.clinics;
  if (!Number.isInteger(total) || total < 1 || total > 99_999) {
    throw new Error(`clinics is ${total}: give a whole number from 1 to 99999`);
  }
  const regions = scaleRegionCount(total);
  const result = {
    brandSlug,
    clinics: total,
    regions,
    treatments: TREATMENTS.map((t) => t.slug),
  };

  return dataSource.transaction(async (tx) => {
    const [existing] = await tx.query(`SELECT id FROM brands WHERE slug = $1`, [brandSlug]);
    if (existing) return { ...result, created: false };

    const [{ id: brandId }] = await tx.query(
      `INSERT INTO brands (slug, name, locale, currency, website_url, publication_status, published_at)
       VALUES ($1, $2, 'en-US', 'USD', $3, 'PUBLISHED', now()) RETURNING id`,
      [brandSlug, `Scale ${total}`, `https://${brandSlug}.example`],
    );
    await tx.query(
      `INSERT INTO regions (brand_id, slug, name, publication_status, published_at)
       SELECT $1, 'region-' || lpad(j::text, 3, '0'), 'Region ' || j, 'PUBLISHED', now()
         FROM generate_series(1, $2::int) AS j`,
      [brandId, regions],
    );
    await insertTreatments(tx, brandId);
    await tx.query(
      `INSERT INTO field_policies (brand_id, entity_type, field, policy, publication_status, published_at)
       VALUES ($1, 'TREATMENT', 'facts', 'LOCKED', 'PUBLISHED', now()),
              ($1, 'TREATMENT', 'contraindications', 'LOCKED', 'PUBLISHED', now()),
              ($1, 'TREATMENT', 'aftercare', 'LOCKED', 'PUBLISHED', now()),
              ($1, 'TREATMENT', 'disclaimer', 'CLINIC_REQUIRED', 'PUBLISHED', now())`,
      [brandId],
    );
    // A region-wide disclaimer for every treatment.
    await tx.query(
      `INSERT INTO overrides (brand_id, scope, region_id, entity_type, entity_id, field, value, publication_status, published_at)
       SELECT $1, 'REGION', r.id, 'TREATMENT', t.id, 'disclaimer',
              to_jsonb('At {{clinic.name}}, ' || lower(t.name) || ' is performed under medical supervision. Call {{clinic.phone}} to book.'),
              'PUBLISHED', now()
         FROM regions r JOIN treatments t ON t.brand_id = r.brand_id
        WHERE r.brand_id = $1`,
      [brandId],
    );

    for (let from = 1; from <= total; from += BATCH) {
      const to = Math.min(total, from + BATCH - 1);
      await insertClinicBatch(tx, brandId, from, to, regions);
      options.onProgress?.(to, total);
    }
    // The providers' bios as delivery reads them (rendered once, here).
    await storeMissingRenderingsOfContent(tx);
    // Fresh statistics, so the planner sees the real sizes at once.
    await tx.query(
      `ANALYZE clinics, providers, provider_clinics, provider_treatments, clinic_treatments,
               price_items, faqs, faq_treatments, overrides`,
    );
    return { ...result, created: true };
  });
}

async function insertTreatments(tx: EntityManager, brandId: string): Promise<void> {
  const article = buildMicroNeedlingContent();
  const facts = {
    durationMinutes: article.facts.durationMinutes.value,
    recoveryDays: article.facts.recoveryDays.value,
    sessions: article.facts.sessions.value,
    sessionIntervalWeeks: article.facts.sessionIntervalWeeks.value,
    maintenancePerYear: article.facts.maintenancePerYear.value,
  };
  for (const [index, treatment] of TREATMENTS.entries()) {
    const [{ id }] = await tx.query(
      `INSERT INTO treatments (brand_id, slug, name, aliases, summary, sections, facts, aftercare,
                               contraindications, combines_with, publication_status, published_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, 'PUBLISHED', now()) RETURNING id`,
      [
        brandId,
        treatment.slug,
        treatment.name,
        index === 0 ? article.aliases : [],
        index === 0 ? article.summary : `${treatment.name} at {{clinic.name}}. ${article.summary}`,
        JSON.stringify(article.sections),
        JSON.stringify(facts),
        article.aftercare.value,
        article.contraindications.value,
        TREATMENTS.filter((other) => other.slug !== treatment.slug).map((other) => other.slug),
      ],
    );
    const faqs = Array.from({ length: FAQS_PER_TREATMENT }, (_, i) => {
      const source = article.faqs[i % article.faqs.length];
      return {
        question: `${treatment.name}: ${source.question}${i >= article.faqs.length ? ` (${i + 1})` : ''}`,
        answer: source.answer,
        position: index * 100 + i,
      };
    });
    await tx.query(
      `WITH f AS (
         INSERT INTO faqs (brand_id, question, answer, position, publication_status, published_at)
         SELECT $1, x.question, x.answer, x.position, 'PUBLISHED', now()
           FROM jsonb_to_recordset($2::jsonb) AS x(question text, answer text, position int)
         RETURNING id)
       INSERT INTO faq_treatments (faq_id, treatment_id) SELECT f.id, $3 FROM f`,
      [brandId, JSON.stringify(faqs), id],
    );
  }
}

/** Clinics `from`..`to` with everything that hangs off them. */
async function insertClinicBatch(
  tx: EntityManager,
  brandId: string,
  from: number,
  to: number,
  regions: number,
): Promise<void> {
  const params = [brandId, from, to];
  // Clinic i sits in region ((i - 1) % regions) + 1, spread over the US.
  await tx.query(
    `INSERT INTO clinics (brand_id, region_id, slug, name, address_line1, city, address_region, postal_code,
                          country, latitude, longitude, phone, email, timezone, opening_hours,
                          publication_status, published_at)
     SELECT $1, r.id, 'clinic-' || lpad(i::text, 5, '0'), 'Clinic ' || lpad(i::text, 5, '0'),
            i || ' Main Street', 'City ' || (i % 500), 'TX', lpad((i % 100000)::text, 5, '0'), 'US',
            25 + (i % 2300) / 100.0, -70 - (i % 5000) / 100.0,
            '+1 512-555-01' || lpad((i % 100)::text, 2, '0'), 'clinic' || i || '@scale.example',
            'America/Chicago',
            '[{"day":"MONDAY","opens":"09:00","closes":"18:00"},{"day":"TUESDAY","opens":"09:00","closes":"18:00"},
              {"day":"WEDNESDAY","opens":"09:00","closes":"18:00"},{"day":"THURSDAY","opens":"09:00","closes":"20:00"},
              {"day":"FRIDAY","opens":"09:00","closes":"17:00"},{"day":"SATURDAY","opens":"10:00","closes":"14:00"}]',
            'PUBLISHED', now()
       FROM generate_series($2::int, $3::int) AS i
       JOIN regions r ON r.brand_id = $1 AND r.slug = 'region-' || lpad((((i - 1) % ${regions}) + 1)::text, 3, '0')`,
    params,
  );
  const batchClinics = `SELECT c.id, substring(c.slug from 8)::int AS i, c.name
      FROM clinics c WHERE c.brand_id = $1 AND c.slug BETWEEN 'clinic-' || lpad($2::text, 5, '0')
                                                        AND 'clinic-' || lpad($3::text, 5, '0')`;
  await tx.query(
    `INSERT INTO clinic_treatments (clinic_id, treatment_id, publication_status, published_at)
     SELECT c.id, t.id, 'PUBLISHED', now() FROM (${batchClinics}) c CROSS JOIN treatments t WHERE t.brand_id = $1`,
    params,
  );
  await tx.query(
    `INSERT INTO price_items (clinic_treatment_id, label, kind, amount_minor, currency, is_from_price, sessions,
                              position, publication_status, published_at)
     SELECT ct.id, p.label || ' — ' || t.name, p.kind, p.base + (c.i % 7) * 1000, 'USD', p.is_from, p.sessions,
            p.position, 'PUBLISHED', now()
       FROM (${batchClinics}) c
       JOIN clinic_treatments ct ON ct.clinic_id = c.id
       JOIN treatments t ON t.id = ct.treatment_id
      CROSS JOIN (VALUES ('Single session', 'SINGLE_SESSION', 29900, true, NULL::int, 0),
                         ('Package of 3 sessions', 'PACKAGE', 79900, false, 3, 1),
                         ('Consultation', 'CONSULTATION', 0, false, NULL::int, 2))
            AS p(label, kind, base, is_from, sessions, position)`,
    params,
  );
  await tx.query(
    `WITH c AS (${batchClinics}),
          p AS (
            INSERT INTO providers (brand_id, slug, name, credentials, title, bio, photo_url, publication_status, published_at)
            SELECT $1, 'provider-' || lpad(c.i::text, 5, '0') || '-' || k, 'Provider ' || c.i || '-' || k,
                   CASE WHEN k = 1 THEN '{MD}'::text[] ELSE '{RN,CANS}'::text[] END,
                   CASE WHEN k = 1 THEN 'Medical Director' ELSE 'Aesthetic Nurse' END,
                   'Provider ' || c.i || '-' || k || ' has **' || (5 + k) || ' years** of experience in aesthetic medicine.',
                   'https://scale.example/team/' || c.i || '-' || k || '.jpg', 'PUBLISHED', now()
              FROM c CROSS JOIN generate_series(1, ${PROVIDERS_PER_CLINIC}) AS k
            RETURNING id, slug),
          pc AS (
            INSERT INTO provider_clinics (provider_id, clinic_id)
            SELECT p.id, c.id FROM p JOIN c ON substring(p.slug from 10 for 5)::int = c.i)
     INSERT INTO provider_treatments (provider_id, treatment_id)
     SELECT p.id, t.id FROM p CROSS JOIN treatments t WHERE t.brand_id = $1`,
    params,
  );
  await tx.query(
    `WITH c AS (${batchClinics}),
          f AS (
            INSERT INTO faqs (brand_id, clinic_id, question, answer, position, publication_status, published_at)
            SELECT $1, c.id, 'Is there parking at ' || c.name || '?',
                   'Yes: free parking behind the building. Call {{clinic.phone}} if you need help.',
                   1000 + k, 'PUBLISHED', now()
              FROM c CROSS JOIN generate_series(1, 2) AS k
            RETURNING id)
     INSERT INTO faq_treatments (faq_id, treatment_id)
     SELECT f.id, t.id FROM f CROSS JOIN treatments t WHERE t.brand_id = $1 AND t.slug = 'micro-needling'`,
    params,
  );
  // Every fifth clinic: a local summary, a local answer and a hidden FAQ.
  await tx.query(
    `WITH c AS (SELECT * FROM (${batchClinics}) c WHERE c.i % ${OVERRIDE_EVERY} = 0),
          t AS (SELECT id, summary FROM treatments WHERE brand_id = $1),
          f AS (SELECT id, answer, row_number() OVER (ORDER BY position, id) AS n
                  FROM faqs WHERE brand_id = $1 AND clinic_id IS NULL)
     INSERT INTO overrides (brand_id, scope, clinic_id, entity_type, entity_id, field, value, base_value,
                            publication_status, published_at)
     SELECT $1, 'CLINIC', c.id, 'TREATMENT', t.id, 'summary',
            to_jsonb('At ' || c.name || ': ' || t.summary), to_jsonb(t.summary), 'PUBLISHED', now()
       FROM c CROSS JOIN t
     UNION ALL
     SELECT $1, 'CLINIC', c.id, 'FAQ', f.id, 'answer',
            to_jsonb(f.answer || ' Ask the team at {{clinic.name}} for details.'), to_jsonb(f.answer),
            'PUBLISHED', now()
       FROM c JOIN f ON f.n = 1
     UNION ALL
     SELECT $1, 'CLINIC', c.id, 'FAQ', f.id, 'hidden', 'true'::jsonb, 'false'::jsonb, 'PUBLISHED', now()
       FROM c JOIN f ON f.n = 2`,
    params,
  );
}
