import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import type { BrandEntity } from '../brands/brand.entity';
import { badInput } from '../common/domain-error';
import { PageWindow } from '../graphql/connection';
import { pickByKeys } from '../graphql/request-loaders';
import { ClinicEntity } from './clinic.entity';
import { CLINIC_COLUMNS, PUBLISHED_CLINIC } from './clinic-columns';
import { Clinic, ClinicStatus, Weekday } from './dtos/clinic.object';
import { ClinicFilter } from './dtos/clinics.args';

export type ClinicRow = ClinicEntity & { distance_km?: number | null };

/** The published brand of a clinic found by slug, read in the same statement. */
export type ClinicBrandRow = Pick<
  BrandEntity,
  'id' | 'slug' | 'name' | 'locale' | 'currency' | 'websiteUrl' | 'isSample' | 'updatedAt'
>;

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LATITUDE = 111.2;

/** Reads published clinics for delivery. */
@Injectable()
export class ClinicsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The published clinic `slug` of the published brand `brandSlug`, with
   * that brand (one statement: pages need both).
   */
  async findPublished(
    brandSlug: string,
    slug: string,
  ): Promise<(ClinicRow & { brand: ClinicBrandRow }) | null> {
    const [row] = await preparedQuery(
      this.db,
      `SELECT ${CLINIC_COLUMNS},
              b.slug AS "brand.slug", b.name AS "brand.name", b.locale AS "brand.locale",
              b.currency AS "brand.currency", b.website_url AS "brand.websiteUrl",
              b.is_sample AS "brand.isSample", b.updated_at AS "brand.updatedAt"
         FROM clinics c JOIN brands b ON b.id = c.brand_id
        WHERE b.slug = $1 AND b.publication_status = 'PUBLISHED'
          AND c.slug = $2 AND ${PUBLISHED_CLINIC}`,
      [brandSlug, slug],
    );
    if (!row) return null;
    const clinic: Record<string, unknown> = {};
    const brand: Record<string, unknown> = { id: row.brandId };
    for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
      if (key.startsWith('brand.')) brand[key.slice(6)] = value;
      else clinic[key] = value;
    }
    clinic.brand = brand;
    return clinic as unknown as ClinicRow & { brand: ClinicBrandRow };
  }

  readonly batchById = async (ids: readonly string[]) =>
    pickByKeys(
      ids,
      (await preparedQuery(
        this.db,
        `SELECT ${CLINIC_COLUMNS} FROM clinics c WHERE c.id = ANY($1) AND ${PUBLISHED_CLINIC}`,
        [ids],
      )) as ClinicRow[],
      (clinic) => clinic.id,
    );

  /**
   * One page of a brand's clinics matching the filter, with the total count.
   * With `near`, ordered by great-circle distance (closest first), else by
   * name; ties by id, so the order is stable across pages.
   */
  async list(
    brandSlug: string,
    filter: ClinicFilter | null | undefined,
    window: PageWindow,
  ): Promise<{ rows: ClinicRow[]; totalCount: number }> {
    const params: unknown[] = [brandSlug];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`b.slug = $1`, `b.publication_status = 'PUBLISHED'`, PUBLISHED_CLINIC];
    if (filter?.region) {
      where.push(
        `c.region_id = (SELECT r.id FROM regions r WHERE r.brand_id = b.id AND r.slug = ${param(filter.region)} AND r.publication_status = 'PUBLISHED')`,
      );
    }
    if (filter?.city) where.push(`lower(c.city) = lower(${param(filter.city)})`);
    if (filter?.offersTreatment) {
      where.push(`EXISTS (
        SELECT 1 FROM clinic_treatments ct JOIN treatments t ON t.id = ct.treatment_id
         WHERE ct.clinic_id = c.id AND ct.publication_status = 'PUBLISHED'
           AND t.slug = ${param(filter.offersTreatment)} AND t.publication_status = 'PUBLISHED')`);
    }

    let distance = 'NULL::double precision';
    let order = 'c.name, c.id';
    if (filter?.radiusKm != null && !filter.near) {
      throw badInput('filter.near', 'is required with radiusKm');
    }
    if (filter?.near) {
      const { lat, lng } = filter.near;
      const latP = param(lat);
      const lngP = param(lng);
      distance = `${EARTH_RADIUS_KM} * 2 * asin(sqrt(
          power(sin(radians(c.latitude - ${latP}) / 2), 2)
        + cos(radians(${latP})) * cos(radians(c.latitude))
        * power(sin(radians(c.longitude - ${lngP}) / 2), 2)))`;
      order = 'distance_km, c.name, c.id';
      if (filter.radiusKm != null) {
        if (!(filter.radiusKm > 0)) throw badInput('filter.radiusKm', 'must be greater than 0');
        // A latitude band first, so the index narrows the rows before the
        // exact distance is computed.
        const band = filter.radiusKm / KM_PER_DEGREE_LATITUDE;
        where.push(`c.latitude BETWEEN ${param(lat - band)} AND ${param(lat + band)}`);
        where.push(`(${distance}) <= ${param(filter.radiusKm)}`);
      }
    }

    const from = `FROM clinics c JOIN brands b ON b.id = c.brand_id WHERE ${where.join(' AND ')}`;
    const countParams = [...params];
    const rows: (ClinicRow & { total_count: string })[] = await preparedQuery(
      this.db,
      `SELECT ${CLINIC_COLUMNS}, ${distance} AS distance_km, count(*) OVER () AS total_count
         ${from}
        ORDER BY ${order}
        LIMIT ${param(window.limit)} OFFSET ${param(window.offset)}`,
      params,
    );
    // count(*) OVER () rides along with the page; only a page past the end
    // needs its own count.
    const totalCount = rows.length
      ? Number(rows[0].total_count)
      : window.offset === 0
        ? 0
        : Number((await preparedQuery(this.db, `SELECT count(*) AS n ${from}`, countParams))[0].n);
    return {
      rows: rows.map(({ total_count: _total, ...row }) => row as ClinicRow),
      totalCount,
    };
  }

  toClinic(row: ClinicRow): Clinic {
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      address: {
        line1: row.addressLine1,
        line2: row.addressLine2,
        city: row.city,
        region: row.addressRegion,
        postalCode: row.postalCode,
        country: row.country,
      },
      geo: { lat: row.latitude, lng: row.longitude },
      phone: row.phone,
      email: row.email,
      timezone: row.timezone,
      locale: row.locale,
      status: row.operatingStatus as ClinicStatus,
      openingHours: row.openingHours.map((entry) => ({
        ...entry,
        day: entry.day as Weekday,
      })),
      distanceKm: row.distance_km == null ? null : Math.round(row.distance_km * 100) / 100,
      updatedAt: row.updatedAt,
      row,
    };
  }
}
