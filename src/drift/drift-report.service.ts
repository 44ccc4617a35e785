import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { OverrideScopeName } from '../content-resolution/dtos/override.inputs';
import { ContentWriterService } from '../editing/content-writer.service';
import { asEditableItem } from '../editing/editing.resolver';
import type { Connection } from '../graphql/connection';
import { ContentSources } from '../read-mode/content-sources';
import { previewOf } from '../read-mode/read-mode';
import { requireBrandWideEditor } from './drift-access';
import { decodeDriftCursor, DriftKey, encodeDriftCursor } from './drift-cursor';
import { lacksLocalValueSql, sameJsonSql, treatmentBrandValuesSql } from './drift-sql';
import type { DriftReportArgs } from './dtos/drift-report.args';
import type { DriftKindName, DriftRow } from './dtos/drift-row.object';

interface DriftSqlRow {
  kind: DriftKindName;
  scope: OverrideScopeName;
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
    private readonly writer: ContentWriterService,
  ) {}

  async page(actor: Actor, args: DriftReportArgs): Promise<Connection<DriftRow>> {
    const caller = requireBrandWideEditor(actor);
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
    const overrides = await this.writer.list(
      { actor, source: 'API' },
      'OVERRIDE',
      page.flatMap((row) => (row.overrideId ? [row.overrideId] : [])),
    );
    const byId = new Map(overrides.map((item) => [item.id, asEditableItem(item)]));
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

  /** The count when the page is empty (past the end): the same rows, none taken. */
  private async count(brandId: string, args: DriftReportArgs): Promise<number> {
    const [row]: { total: string }[] = await this.db.query(
      `SELECT count(*) AS total FROM (${this.matchingSql(brandId)}) m`,
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

  private sql(brandId: string): string {
    return `WITH matching AS MATERIALIZED (${this.matchingSql(brandId)})
      SELECT m.*, (SELECT count(*) FROM matching) AS total
        FROM matching m
       WHERE $6::jsonb IS NULL
          OR (m."placeName", m."placeId"::text, m."treatmentName", m."treatmentId"::text, m.field, m.kind)
             > ($6::jsonb ->> 0, $6::jsonb ->> 1, $6::jsonb ->> 2, $6::jsonb ->> 3, $6::jsonb ->> 4, $6::jsonb ->> 5)
       ORDER BY m."placeName", m."placeId"::text, m."treatmentName", m."treatmentId"::text, m.field, m.kind
       LIMIT $7`;
  }

  /**
   * Every row of the report that the filters keep ($1 brand, $2 region,
   * $3 treatment, $4 field, $5 kind), unordered.
   */
  private matchingSql(brandId: string): string {
    const from = this.sources.of(previewOf(brandId));
    return `WITH brand_values AS MATERIALIZED (${treatmentBrandValuesSql(from)}),
           policies AS (
             SELECT fp.field, fp.policy FROM ${from('field_policies')} fp
              WHERE fp.brand_id = $1 AND fp.entity_type = 'TREATMENT'),
           drift AS (
             SELECT 'STALE' AS kind, o.scope, o.id AS override_id, o.clinic_id, o.region_id,
                    o.entity_id AS treatment_id, o.field, o.value
               FROM ${from('overrides')} o
               JOIN brand_values b ON b.treatment_id = o.entity_id AND b.field = o.field
              WHERE o.brand_id = $1 AND o.entity_type = 'TREATMENT'
                AND ($5::text IS NULL OR $5 = 'STALE')
                AND NOT EXISTS (SELECT 1 FROM policies p WHERE p.field = o.field AND p.policy = 'LOCKED')
                AND NOT ${sameJsonSql('o.base_value', 'b.brand_value')}
             UNION ALL
             SELECT 'MISSING', 'CLINIC', NULL::uuid, c.id, NULL::uuid, ct.treatment_id, p.field, NULL::jsonb
               FROM policies p
               JOIN ${from('clinics')} c ON c.brand_id = $1
               JOIN ${from('clinic_treatments')} ct ON ct.clinic_id = c.id
              WHERE p.policy = 'CLINIC_REQUIRED'
                AND ($5::text IS NULL OR $5 = 'MISSING')
                AND ${lacksLocalValueSql(from, 'c', 'ct.treatment_id', 'p.field')})
      SELECT d.kind, d.scope, d.override_id AS "overrideId",
             c.id AS "clinicId", c.slug AS "clinicSlug", c.name AS "clinicName",
             r.id AS "regionId", r.slug AS "regionSlug", r.name AS "regionName",
             b.treatment_id AS "treatmentId", b.treatment_slug AS "treatmentSlug",
             b.treatment_name AS "treatmentName", d.field, b.brand_value AS "brandValue", d.value,
             coalesce(c.name, r.name) AS "placeName", coalesce(d.clinic_id, d.region_id) AS "placeId"
        FROM drift d
        JOIN brand_values b ON b.treatment_id = d.treatment_id AND b.field = d.field
        LEFT JOIN ${from('clinics')} c ON c.id = d.clinic_id
        LEFT JOIN ${from('regions')} r ON r.id = coalesce(c.region_id, d.region_id)
       WHERE (d.clinic_id IS NULL OR c.id IS NOT NULL)
         AND (d.region_id IS NULL OR r.id IS NOT NULL)
         AND ($2::uuid IS NULL OR r.id = $2)
         AND ($3::uuid IS NULL OR d.treatment_id = $3)
         AND ($4::text IS NULL OR d.field = $4)`;
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
