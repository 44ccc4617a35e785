import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { OverrideLevel } from '../overrides/dtos/override.inputs';
import { EditorReadsService } from '../editing/editor-reads.service';
import { toEditableItem } from '../editing/dtos/editable-item.object';
import type { Connection } from '../graphql/connection';
import { ContentSources } from '../read-mode/content-sources';
import { previewOf } from '../read-mode/read-mode';
import { decodeDriftCursor, DriftKey, encodeDriftCursor } from './drift-cursor';
import {
  lacksLocalValueSql,
  localValuesSql,
  sameJsonSql,
  treatmentBrandValuesSql,
} from './drift-sql';
import type { DriftReportArgs } from './dtos/drift-report.args';
import type { DriftFilters, DriftKindName, DriftPlace, DriftRow } from './dtos/drift-row.object';
import { overridableFields } from '../overrides/override-values';
import { requireBrandPermission } from '../access/brand-access';
import { Permission } from '../access/permission';

/** Regions and treatments offered as filters (LIST_BOUNDS of DriftFilters). */
export const MAX_FILTER_PLACES = 500;

interface DriftSqlRow {
  kind: DriftKindName;
  scope: OverrideLevel;
  overrideId: string | null;
  clinicId: string | null;
  clinicSlug: string | null;
  clinicName: string | null;
  regionId: string | null;
  regionSlug: string | null;
  regionName: string | null;
  treatmentId: string;
  treatmentSlug: string;
  treatmentName: string;
  field: string;
  brandValue: unknown;
  value: unknown;
  placeName: string;
  placeId: string;
  total: string;
}

/**
 * The drift report: every treatment field at a clinic or region whose
 * override is stale (written against a brand value that changed since) or
 * that is CLINIC_REQUIRED and set neither at the clinic nor its region. It
 * reads the brand's working copy (drafts applied), as the console's counts
 * do, and judges each field as delivery's resolve-fields does. LOCKED
 * fields are left out: their overrides are not delivered.
 *
 * One statement per page: every matching row is computed (set-based, so
 * the cost grows with the brand's overrides and offered treatments, not
 * with a query per clinic), counted, and the page taken after the cursor's
 * key in a stable order.
 */
@Injectable()
export class DriftReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ContentSources,
    private readonly reads: EditorReadsService,
  ) {}

  async page(actor: Actor, args: DriftReportArgs): Promise<Connection<DriftRow>> {
    const caller = requireBrandPermission(actor, Permission.BrandWideEdit);
    const after = args.after ? decodeDriftCursor(args.after) : null;
    const rows: DriftSqlRow[] = await this.db.query(this.sql(caller.brandId), [
      caller.brandId,
      args.regionId ?? null,
      args.treatmentId ?? null,
      args.field ?? null,
      args.kind ?? null,
      after ? JSON.stringify(after) : null,
      args.first + 1,
    ]);
    const page = rows.slice(0, args.first);
    const overrides = await this.reads.list(
      { actor, source: 'API' },
      'OVERRIDE',
      page.flatMap((row) => (row.overrideId ? [row.overrideId] : [])),
    );
    const byId = new Map(overrides.map((item) => [item.id, toEditableItem(item)]));
    const edges = page.map((row) => ({
      cursor: encodeDriftCursor(keyOf(row)),
      node: toDriftRow(row, row.overrideId ? (byId.get(row.overrideId) ?? null) : null),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: rows.length ? Number(rows[0].total) : await this.count(caller.brandId, args),
    };
  }

  /** The brand's regions and treatments (working copy) and the overridable fields. */
  async filters(actor: Actor): Promise<DriftFilters> {
    const { brandId } = requireBrandPermission(actor, Permission.BrandWideEdit);
    const from = this.sources.of(previewOf(brandId));
    const places = (table: 'regions' | 'treatments') =>
      this.db.query(
        `SELECT x.id AS "itemId", x.slug, x.name FROM ${from(table)} x
          WHERE x.brand_id = $1 ORDER BY x.name, x.id LIMIT ${MAX_FILTER_PLACES}`,
        [brandId],
      ) as Promise<DriftPlace[]>;
    const [regions, treatments] = await Promise.all([places('regions'), places('treatments')]);
    return { regions, treatments, fields: overridableFields('TREATMENT') };
  }

  /** The count when the page is empty (past the end): the same rows, none taken. */
  private async count(brandId: string, args: DriftReportArgs): Promise<number> {
    const [row]: { total: string }[] = await this.db.query(
      `WITH ${this.matchingCtes(brandId)} SELECT count(*) AS total FROM matching`,
      [
        brandId,
        args.regionId ?? null,
        args.treatmentId ?? null,
        args.field ?? null,
        args.kind ?? null,
      ],
    );
    return Number(row.total);
  }

  /** The page after the cursor's key ($6) of at most $7 rows, with the values to compare. */
  private sql(brandId: string): string {
    const from = this.sources.of(previewOf(brandId));
    const key = `"placeName", "placeId"::text, "treatmentName", "treatmentId"::text, field, kind`;
    return `WITH ${this.matchingCtes(brandId)}
      SELECT m.*, b.brand_value AS "brandValue", o.value,
             (SELECT count(*) FROM matching) AS total
        FROM (SELECT * FROM matching
               WHERE $6::jsonb IS NULL
                  OR (${key}) > ($6::jsonb ->> 0, $6::jsonb ->> 1, $6::jsonb ->> 2,
                                 $6::jsonb ->> 3, $6::jsonb ->> 4, $6::jsonb ->> 5)
               ORDER BY ${key} LIMIT $7) m
        JOIN brand_values b ON b.treatment_id = m."treatmentId" AND b.field = m.field
        LEFT JOIN ${from('overrides')} o ON o.id = m."overrideId"
       ORDER BY ${key}`;
  }

  /**
   * The CTEs ending in `matching`: every row of the report that the filters
   * keep ($1 brand, $2 region, $3 treatment, $4 field, $5 kind), unordered,
   * narrow (ids, names and the sort key; values are read for the page only).
   */
  private matchingCtes(brandId: string): string {
    const from = this.sources.of(previewOf(brandId));
    return `brand_values AS MATERIALIZED (${treatmentBrandValuesSql(from)}),
      policies AS MATERIALIZED (
        SELECT fp.field, fp.policy FROM ${from('field_policies')} fp
         WHERE fp.brand_id = $1 AND fp.entity_type = 'TREATMENT'),
      local_values AS MATERIALIZED (${localValuesSql(
        from,
        `lo.field IN (SELECT p.field FROM policies p WHERE p.policy = 'CLINIC_REQUIRED')`,
      )}),
      clinics_of_brand AS MATERIALIZED (
        SELECT c.id, c.slug, c.name, c.region_id FROM ${from('clinics')} c WHERE c.brand_id = $1),
      regions_of_brand AS MATERIALIZED (
        SELECT r.id, r.slug, r.name FROM ${from('regions')} r WHERE r.brand_id = $1),
      drift AS (
        SELECT 'STALE' AS kind, o.scope, o.id AS override_id, c.id AS clinic_id, c.slug AS clinic_slug,
               c.name AS clinic_name, coalesce(c.region_id, o.region_id) AS region_id,
               o.entity_id AS treatment_id, o.field
          FROM ${from('overrides')} o
          JOIN brand_values b ON b.treatment_id = o.entity_id AND b.field = o.field
          LEFT JOIN clinics_of_brand c ON c.id = o.clinic_id
         WHERE o.brand_id = $1 AND o.entity_type = 'TREATMENT'
           AND (o.clinic_id IS NULL OR c.id IS NOT NULL)
           AND ($5::text IS NULL OR $5 = 'STALE')
           AND ($3::uuid IS NULL OR o.entity_id = $3)
           AND ($4::text IS NULL OR o.field = $4)
           AND NOT EXISTS (SELECT 1 FROM policies p WHERE p.field = o.field AND p.policy = 'LOCKED')
           AND NOT ${sameJsonSql('o.base_value', 'b.brand_value')}
        UNION ALL
        SELECT 'MISSING', 'CLINIC', NULL::uuid, c.id, c.slug, c.name, c.region_id, ct.treatment_id, p.field
          FROM policies p
          JOIN clinics_of_brand c ON true
          JOIN ${from('clinic_treatments')} ct ON ct.clinic_id = c.id
         WHERE p.policy = 'CLINIC_REQUIRED'
           AND ($5::text IS NULL OR $5 = 'MISSING')
           AND ($2::uuid IS NULL OR c.region_id = $2)
           AND ($3::uuid IS NULL OR ct.treatment_id = $3)
           AND ($4::text IS NULL OR p.field = $4)
           AND ${lacksLocalValueSql('local_values', 'c', 'ct.treatment_id', 'p.field')}),
      treatments_of_brand AS MATERIALIZED (
        SELECT DISTINCT treatment_id, treatment_slug, treatment_name FROM brand_values),
      matching AS MATERIALIZED (
        SELECT d.kind, d.scope, d.override_id AS "overrideId",
               d.clinic_id AS "clinicId", d.clinic_slug AS "clinicSlug", d.clinic_name AS "clinicName",
               r.id AS "regionId", r.slug AS "regionSlug", r.name AS "regionName",
               t.treatment_id AS "treatmentId", t.treatment_slug AS "treatmentSlug",
               t.treatment_name AS "treatmentName", d.field,
               coalesce(d.clinic_name, r.name) AS "placeName", coalesce(d.clinic_id, d.region_id) AS "placeId"
          FROM drift d
          JOIN treatments_of_brand t ON t.treatment_id = d.treatment_id
          LEFT JOIN regions_of_brand r ON r.id = d.region_id
         WHERE (d.clinic_id IS NOT NULL OR r.id IS NOT NULL)
           AND ($2::uuid IS NULL OR d.region_id = $2))`;
  }
}

function keyOf(row: DriftSqlRow): DriftKey {
  return [row.placeName, row.placeId, row.treatmentName, row.treatmentId, row.field, row.kind];
}

function toDriftRow(row: DriftSqlRow, override: DriftRow['override']): DriftRow {
  const place = (itemId: string | null, slug: string | null, name: string | null) =>
    itemId && slug !== null && name !== null ? { itemId, slug, name } : null;
  return {
    id: Buffer.from(`${row.kind}:${row.placeId}:${row.treatmentId}:${row.field}`).toString(
      'base64url',
    ),
    kind: row.kind,
    scope: row.scope,
    clinic: place(row.clinicId, row.clinicSlug, row.clinicName),
    region: place(row.regionId, row.regionSlug, row.regionName),
    treatment: { itemId: row.treatmentId, slug: row.treatmentSlug, name: row.treatmentName },
    field: row.field,
    brandValue: row.brandValue,
    value: row.value,
    override,
  };
}
