import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The content model: brand, regions, clinics, treatments, FAQs, providers,
 * clinic offerings with price items, per-field overrides and field policies.
 *
 * Every editable row carries the same editorial columns:
 * - the row's own columns hold the published (or, before the first publish,
 *   the initial) content, so delivery reads plain indexed columns;
 * - `draft` holds pending changes not yet published (NULL when none);
 * - `publication_status` says whether delivery may show the row;
 * - `version` increments on every write (optimistic concurrency).
 */
const EDITORIAL_COLUMNS = `
  publication_status text NOT NULL DEFAULT 'DRAFT'
    CHECK (publication_status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
  draft jsonb,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

const SLUG_CHECK = `CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')`;

export class ContentModel1764057600000 implements MigrationInterface {
  name = 'ContentModel1764057600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE brands (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE ${SLUG_CHECK},
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        locale text NOT NULL DEFAULT 'en-US',
        currency char(3) NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
        website_url text,
        is_sample boolean NOT NULL DEFAULT false,
        ${EDITORIAL_COLUMNS}
      )`);

    await queryRunner.query(`
      CREATE TABLE regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        slug text NOT NULL ${SLUG_CHECK},
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        ${EDITORIAL_COLUMNS},
        UNIQUE (brand_id, slug)
      )`);

    await queryRunner.query(`
      CREATE TABLE clinics (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        region_id uuid REFERENCES regions (id),
        slug text NOT NULL ${SLUG_CHECK},
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        address_line1 text NOT NULL,
        address_line2 text,
        city text NOT NULL,
        address_region text,
        postal_code text,
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        phone text,
        email text,
        timezone text NOT NULL,
        locale text NOT NULL DEFAULT 'en-US',
        currency char(3) NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
        opening_hours jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(opening_hours) = 'array'),
        operating_status text NOT NULL DEFAULT 'OPEN'
          CHECK (operating_status IN ('OPEN', 'COMING_SOON', 'TEMPORARILY_CLOSED', 'PERMANENTLY_CLOSED')),
        ${EDITORIAL_COLUMNS},
        UNIQUE (brand_id, slug)
      )`);
    await queryRunner.query(`CREATE INDEX clinics_region_idx ON clinics (region_id)`);
    await queryRunner.query(
      `CREATE INDEX clinics_brand_city_idx ON clinics (brand_id, lower(city))`,
    );
    await queryRunner.query(
      `CREATE INDEX clinics_brand_geo_idx ON clinics (brand_id, latitude, longitude)`,
    );

    await queryRunner.query(`
      CREATE TABLE treatments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        slug text NOT NULL ${SLUG_CHECK},
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        aliases text[] NOT NULL DEFAULT '{}',
        summary text NOT NULL DEFAULT '',
        sections jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(sections) = 'array'),
        facts jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(facts) = 'object'),
        aftercare text[] NOT NULL DEFAULT '{}',
        contraindications text[] NOT NULL DEFAULT '{}',
        combines_with text[] NOT NULL DEFAULT '{}',
        disclaimer text,
        ${EDITORIAL_COLUMNS},
        UNIQUE (brand_id, slug)
      )`);

    await queryRunner.query(`
      CREATE TABLE faqs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        clinic_id uuid REFERENCES clinics (id),
        question text NOT NULL CHECK (length(question) BETWEEN 1 AND 500),
        answer text NOT NULL,
        position integer NOT NULL DEFAULT 0,
        ${EDITORIAL_COLUMNS}
      )`);
    await queryRunner.query(
      `CREATE INDEX faqs_brand_position_idx ON faqs (brand_id, position, id) WHERE clinic_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX faqs_clinic_position_idx ON faqs (clinic_id, position, id) WHERE clinic_id IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE faq_treatments (
        faq_id uuid NOT NULL REFERENCES faqs (id) ON DELETE CASCADE,
        treatment_id uuid NOT NULL REFERENCES treatments (id) ON DELETE CASCADE,
        PRIMARY KEY (faq_id, treatment_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX faq_treatments_treatment_idx ON faq_treatments (treatment_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE providers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        slug text NOT NULL ${SLUG_CHECK},
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        credentials text[] NOT NULL DEFAULT '{}',
        title text,
        bio text NOT NULL DEFAULT '',
        photo_url text,
        ${EDITORIAL_COLUMNS},
        UNIQUE (brand_id, slug)
      )`);

    await queryRunner.query(`
      CREATE TABLE provider_clinics (
        provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
        clinic_id uuid NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
        PRIMARY KEY (provider_id, clinic_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX provider_clinics_clinic_idx ON provider_clinics (clinic_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE provider_treatments (
        provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
        treatment_id uuid NOT NULL REFERENCES treatments (id) ON DELETE CASCADE,
        PRIMARY KEY (provider_id, treatment_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX provider_treatments_treatment_idx ON provider_treatments (treatment_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE clinic_treatments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinics (id),
        treatment_id uuid NOT NULL REFERENCES treatments (id),
        notes text,
        ${EDITORIAL_COLUMNS},
        UNIQUE (clinic_id, treatment_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX clinic_treatments_treatment_idx ON clinic_treatments (treatment_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE price_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_treatment_id uuid NOT NULL REFERENCES clinic_treatments (id) ON DELETE CASCADE,
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('SINGLE_SESSION', 'PACKAGE', 'ADD_ON', 'CONSULTATION')),
        amount_minor integer NOT NULL CHECK (amount_minor >= 0),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        is_from_price boolean NOT NULL DEFAULT false,
        sessions integer CHECK (sessions > 0),
        valid_from date,
        valid_until date,
        position integer NOT NULL DEFAULT 0,
        ${EDITORIAL_COLUMNS},
        CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from),
        CHECK (kind <> 'PACKAGE' OR sessions IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX price_items_offering_idx ON price_items (clinic_treatment_id, position, id)`,
    );

    // One general mechanism for local customisation: a value for one field of
    // one item, set at region or clinic scope. `base_value` is the brand value
    // the override was written against; when the brand value moves on, the
    // override is stale.
    await queryRunner.query(`
      CREATE TABLE overrides (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        scope text NOT NULL CHECK (scope IN ('REGION', 'CLINIC')),
        region_id uuid REFERENCES regions (id) ON DELETE CASCADE,
        clinic_id uuid REFERENCES clinics (id) ON DELETE CASCADE,
        entity_type text NOT NULL CHECK (entity_type IN ('TREATMENT', 'FAQ', 'PROVIDER')),
        entity_id uuid NOT NULL,
        field text NOT NULL CHECK (field ~ '^[a-zA-Z][a-zA-Z0-9]*(\\.[a-z0-9-]+)*$'),
        value jsonb NOT NULL,
        base_value jsonb,
        ${EDITORIAL_COLUMNS},
        CHECK ((scope = 'REGION' AND region_id IS NOT NULL AND clinic_id IS NULL)
            OR (scope = 'CLINIC' AND clinic_id IS NOT NULL AND region_id IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX overrides_target_uq ON overrides (entity_type, entity_id, field, scope, coalesce(clinic_id, region_id))`,
    );
    await queryRunner.query(
      `CREATE INDEX overrides_clinic_idx ON overrides (clinic_id, entity_type) WHERE clinic_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX overrides_region_idx ON overrides (region_id, entity_type) WHERE region_id IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE field_policies (
        brand_id uuid NOT NULL REFERENCES brands (id),
        entity_type text NOT NULL CHECK (entity_type IN ('TREATMENT', 'FAQ', 'PROVIDER')),
        field text NOT NULL,
        policy text NOT NULL CHECK (policy IN ('LOCKED', 'INHERITABLE', 'CLINIC_REQUIRED')),
        ${EDITORIAL_COLUMNS},
        PRIMARY KEY (brand_id, entity_type, field)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'field_policies',
      'overrides',
      'price_items',
      'clinic_treatments',
      'provider_treatments',
      'provider_clinics',
      'providers',
      'faq_treatments',
      'faqs',
      'treatments',
      'clinics',
      'regions',
      'brands',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
