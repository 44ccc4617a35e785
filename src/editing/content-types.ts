import type { EntityManager } from 'typeorm';
import { assertQualifiedLinks } from '../compliance/credential-check';
import { validatePriceItem } from '../pricing/price-validity';

/**
 * The editable content types and how their rows are stored: which
 * properties an editor may change (and their columns), which lists live in
 * link tables, and where a row sits in the brand → region → clinic tree
 * (for access checks). One table of facts serves every write path.
 */
export const CONTENT_TYPES = [
  'BRAND',
  'REGION',
  'CLINIC',
  'TREATMENT',
  'FAQ',
  'PROVIDER',
  'CLINIC_TREATMENT',
  'PRICE_ITEM',
  'OVERRIDE',
  'FIELD_POLICY',
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/**
 * The draft key that marks a published item as deleted once published
 * (`draft = {"_delete": true, …}`); preview already leaves such items out.
 */
export const DELETE_MARK = '_delete';

export interface ColumnDef {
  column: string;
  /** SQL cast for the parameter; `jsonb` values are sent as JSON text. */
  cast?: 'jsonb' | 'text[]' | 'date' | 'uuid';
}

/** Tables whose rows belong to one brand (they have a brand_id column). */
export type BrandTable = 'regions' | 'clinics' | 'treatments' | 'faqs' | 'providers';

export interface LinkDef {
  table: string;
  ownColumn: string;
  otherColumn: string;
  /** The table `otherColumn` points into: linked rows must be of the item's brand. */
  otherTable: BrandTable;
}

/** A column that points at another brand-owned row (which must be of the item's brand). */
export interface ReferenceDef {
  column: string;
  table: BrandTable;
}

/**
 * Where a row sits: BRAND-level rows are the brand's canonical content,
 * REGION/CLINIC-level rows belong to one region or clinic. `ADMIN` rows
 * (the brand itself) only brand admins change.
 */
export type AccessLevel = 'ADMIN' | 'BRAND' | 'REGION' | 'CLINIC';

export interface ContentTypeDef {
  type: ContentType;
  table: string;
  columns: Record<string, ColumnDef>;
  links?: Record<string, LinkDef>;
  /**
   * Columns set when the row is created that place it (an override's target,
   * a clinic FAQ's clinic): shown in `values` and revisions so editors see
   * what an item is, but never changed by an update.
   */
  fixedColumns?: Record<string, ColumnDef>;
  /**
   * Columns (editable or set at creation) that point at other brand-owned
   * rows, by property name. A foreign key only says the row exists; these
   * must also be of the item's own brand.
   */
  references?: Record<string, ReferenceDef>;
  /**
   * SQL over the row aliased `x` returning brand_id, level, region_ids and
   * clinic_ids (uuid[]): the regions and clinics the row belongs to.
   */
  scopeSql: string;
  /** On BRAND-level rows: properties editors of a linked clinic may change. */
  localFields?: string[];
  /** On CLINIC-level rows: properties only brand-wide editors may change. */
  brandOnlyFields?: string[];
  /**
   * On CLINIC-level rows: whether the row is live is the brand's call (see
   * mayChangePublication): its local editors publish changes to it, but
   * only brand-wide editors put it live, unpublish or delete it.
   */
  statusByBrand?: boolean;
  /**
   * Rules across rows that constraints cannot express (overlapping price
   * validity). Called in the write's transaction, after access checks, with
   * the item's working copy (published values with the draft applied) when
   * it is created and before a draft is saved; throws to refuse. It may lock
   * rows to serialize concurrent writers: the locks hold until commit.
   */
  validate?: (tx: EntityManager, id: string, working: Record<string, unknown>) => Promise<void>;
  /**
   * Properties holding words patients read (Markdown, lists, sections): the
   * claims linter (src/compliance) reads these on save and before publish.
   */
  textFields?: string[];
  /**
   * The field a property's hits and approvals are named by, when it is not
   * the property itself (an override's `value` is the field it overrides).
   */
  fieldName?: (values: Record<string, unknown>, property: string) => string;
}

const col = (column: string, cast?: ColumnDef['cast']): ColumnDef => ({ column, cast });

const BRAND_LEVEL = (level: AccessLevel = 'BRAND') =>
  `SELECT x.brand_id, '${level}' AS level, '{}'::uuid[] AS region_ids, '{}'::uuid[] AS clinic_ids`;

export const CONTENT_TYPE_DEFS: Record<ContentType, ContentTypeDef> = {
  BRAND: {
    type: 'BRAND',
    table: 'brands',
    columns: {
      name: col('name'),
      locale: col('locale'),
      currency: col('currency'),
      websiteUrl: col('website_url'),
    },
    scopeSql: `SELECT x.id AS brand_id, 'ADMIN' AS level, '{}'::uuid[] AS region_ids, '{}'::uuid[] AS clinic_ids`,
  },
  REGION: {
    type: 'REGION',
    table: 'regions',
    columns: { slug: col('slug'), name: col('name') },
    scopeSql: BRAND_LEVEL(),
  },
  CLINIC: {
    type: 'CLINIC',
    table: 'clinics',
    columns: {
      slug: col('slug'),
      regionId: col('region_id', 'uuid'),
      name: col('name'),
      addressLine1: col('address_line1'),
      addressLine2: col('address_line2'),
      city: col('city'),
      addressRegion: col('address_region'),
      postalCode: col('postal_code'),
      country: col('country'),
      latitude: col('latitude'),
      longitude: col('longitude'),
      phone: col('phone'),
      email: col('email'),
      timezone: col('timezone'),
      locale: col('locale'),
      currency: col('currency'),
      openingHours: col('opening_hours', 'jsonb'),
      operatingStatus: col('operating_status'),
    },
    scopeSql: `SELECT x.brand_id, 'CLINIC' AS level,
                      array_remove(ARRAY[x.region_id], NULL) AS region_ids, ARRAY[x.id] AS clinic_ids`,
    references: { regionId: { column: 'region_id', table: 'regions' } },
    brandOnlyFields: ['slug', 'regionId', 'currency'],
    statusByBrand: true,
  },
  TREATMENT: {
    type: 'TREATMENT',
    table: 'treatments',
    columns: {
      slug: col('slug'),
      name: col('name'),
      aliases: col('aliases', 'text[]'),
      summary: col('summary'),
      sections: col('sections', 'jsonb'),
      facts: col('facts', 'jsonb'),
      aftercare: col('aftercare', 'text[]'),
      contraindications: col('contraindications', 'text[]'),
      combinesWith: col('combines_with', 'text[]'),
      disclaimer: col('disclaimer'),
    },
    scopeSql: BRAND_LEVEL(),
    textFields: [
      'name',
      'aliases',
      'summary',
      'sections',
      'aftercare',
      'contraindications',
      'combinesWith',
      'disclaimer',
    ],
  },
  FAQ: {
    type: 'FAQ',
    table: 'faqs',
    columns: { question: col('question'), answer: col('answer'), position: col('position') },
    links: {
      treatmentIds: {
        table: 'faq_treatments',
        ownColumn: 'faq_id',
        otherColumn: 'treatment_id',
        otherTable: 'treatments',
      },
    },
    fixedColumns: { clinicId: col('clinic_id') },
    references: { clinicId: { column: 'clinic_id', table: 'clinics' } },
    // Brand FAQs are canonical; a clinic FAQ belongs to its clinic.
    scopeSql: `SELECT x.brand_id,
                      CASE WHEN x.clinic_id IS NULL THEN 'BRAND' ELSE 'CLINIC' END AS level,
                      array_remove(ARRAY[(SELECT c.region_id FROM clinics c WHERE c.id = x.clinic_id)], NULL) AS region_ids,
                      array_remove(ARRAY[x.clinic_id], NULL) AS clinic_ids`,
    textFields: ['question', 'answer'],
  },
  PROVIDER: {
    type: 'PROVIDER',
    table: 'providers',
    columns: {
      slug: col('slug'),
      name: col('name'),
      credentials: col('credentials', 'text[]'),
      title: col('title'),
      bio: col('bio'),
      photoUrl: col('photo_url'),
    },
    links: {
      clinicIds: {
        table: 'provider_clinics',
        ownColumn: 'provider_id',
        otherColumn: 'clinic_id',
        otherTable: 'clinics',
      },
      treatmentIds: {
        table: 'provider_treatments',
        ownColumn: 'provider_id',
        otherColumn: 'treatment_id',
        otherTable: 'treatments',
      },
    },
    // Canonical, but the people at a provider's clinics keep the bio current.
    scopeSql: `SELECT x.brand_id, 'BRAND' AS level,
                      coalesce((SELECT array_agg(DISTINCT c.region_id) FILTER (WHERE c.region_id IS NOT NULL)
                                  FROM provider_clinics pc JOIN clinics c ON c.id = pc.clinic_id
                                 WHERE pc.provider_id = x.id), '{}') AS region_ids,
                      coalesce((SELECT array_agg(pc.clinic_id) FROM provider_clinics pc
                                 WHERE pc.provider_id = x.id), '{}') AS clinic_ids`,
    localFields: ['bio', 'title', 'photoUrl'],
    textFields: ['credentials', 'title', 'bio'],
    validate: assertQualifiedLinks,
  },
  CLINIC_TREATMENT: {
    type: 'CLINIC_TREATMENT',
    table: 'clinic_treatments',
    columns: { notes: col('notes') },
    references: { treatmentId: { column: 'treatment_id', table: 'treatments' } },
    scopeSql: `SELECT c.brand_id, 'CLINIC' AS level,
                      array_remove(ARRAY[c.region_id], NULL) AS region_ids, ARRAY[c.id] AS clinic_ids
                 FROM clinics c WHERE c.id = x.clinic_id`,
    textFields: ['notes'],
  },
  PRICE_ITEM: {
    type: 'PRICE_ITEM',
    table: 'price_items',
    columns: {
      label: col('label'),
      kind: col('kind'),
      amountMinor: col('amount_minor'),
      currency: col('currency'),
      isFromPrice: col('is_from_price'),
      sessions: col('sessions'),
      validFrom: col('valid_from', 'date'),
      validUntil: col('valid_until', 'date'),
      position: col('position'),
    },
    scopeSql: `SELECT c.brand_id, 'CLINIC' AS level,
                      array_remove(ARRAY[c.region_id], NULL) AS region_ids, ARRAY[c.id] AS clinic_ids
                 FROM clinic_treatments ct JOIN clinics c ON c.id = ct.clinic_id
                WHERE ct.id = x.clinic_treatment_id`,
    validate: validatePriceItem,
    textFields: ['label'],
  },
  OVERRIDE: {
    type: 'OVERRIDE',
    table: 'overrides',
    columns: { value: col('value', 'jsonb'), baseValue: col('base_value', 'jsonb') },
    fixedColumns: {
      scope: col('scope'),
      regionId: col('region_id'),
      clinicId: col('clinic_id'),
      entityType: col('entity_type'),
      entityId: col('entity_id'),
      field: col('field'),
    },
    references: {
      regionId: { column: 'region_id', table: 'regions' },
      clinicId: { column: 'clinic_id', table: 'clinics' },
    },
    scopeSql: `SELECT x.brand_id, x.scope AS level,
                      CASE WHEN x.scope = 'REGION' THEN ARRAY[x.region_id]
                           ELSE array_remove(ARRAY[(SELECT c.region_id FROM clinics c WHERE c.id = x.clinic_id)], NULL) END AS region_ids,
                      array_remove(ARRAY[x.clinic_id], NULL) AS clinic_ids`,
    textFields: ['value'],
    fieldName: (values, property) => (property === 'value' ? String(values.field) : property),
  },
  FIELD_POLICY: {
    type: 'FIELD_POLICY',
    table: 'field_policies',
    columns: { policy: col('policy') },
    fixedColumns: { entityType: col('entity_type'), field: col('field') },
    scopeSql: BRAND_LEVEL(),
  },
};
