import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BrandRow, brandColumnsAs, brandFromRow } from '../brands/brands.service';
import { badInput } from '../common/domain-error';
import { PageWindow } from '../graphql/connection';
import { encodeGlobalId, type NearPoint } from '../graphql/global-id';
import { pickByKeys, type RequestLoaders } from '../graphql/request-loaders';
import { ContentSources } from '../read-mode/content-sources';
import { PublishedBrandMemo } from '../read-mode/published-brand-memo';
import { PUBLISHED, type ReadMode } from '../read-mode/read-mode';
import { ClinicEntity } from './clinic.entity';
import { CLINIC_SELECT } from './clinic.content-type';
import { clinicFields } from './clinic.mapper';
import { Clinic } from './dtos/clinic.object';
import { ClinicFilter } from './dtos/clinics.args';

export type ClinicRow = ClinicEntity & { distance_km?: number | null };

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LATITUDE = 111.2;

/** Great-circle distance in km from the clinic `c` to the point (lat, lng), SQL expressions. */
const distanceKmSql = (lat: string, lng: string) => `${EARTH_RADIUS_KM} * 2 * asin(sqrt(
          power(sin(radians(c.latitude - ${lat}) / 2), 2)
        + cos(radians(${lat})) * cos(radians(c.latitude))
        * power(sin(radians(c.longitude - ${lng}) / 2), 2)))`;

/**
 * Clinics of one brand the locator keeps in memory at most (a larger brand's
 * locator reads SQL per page); each takes about LOCATOR_BYTES_PER_CLINIC of
 * heap (measured: 13.3 MB for the bench's 10,000).
 */
const MAX_LOCATOR_CLINICS = 20_000;
const LOCATOR_BYTES_PER_CLINIC = 1_400;

/** A brand's published clinics by name (then id), all and by region slug. */
interface PublishedLocator {
  all: ClinicRow[];
  byRegion: Map<string, ClinicRow[]>;
}

/** A clinic and its brand, read in one statement. */
export interface ClinicWithBrand {
  clinic: ClinicRow;
  brand: BrandRow;
}

/** Key of a clinic seen from a point, for batchByIdNear. */
export function nearKey(clinicId: string, near: NearPoint): string {
  return `${clinicId}|${near.lat}|${near.lng}`;
}

/** Reads clinics for delivery (published, or a brand's working copy). */
@Injectable()
export class ClinicsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ContentSources,
    private readonly brandMemo: PublishedBrandMemo,
  ) {}

  async find(
    brandSlug: string,
    slug: string,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<ClinicRow | null> {
    return (await this.findWithBrand(brandSlug, slug, mode, loaders))?.clinic ?? null;
  }

  /** The clinic, with its brand read along (a clinic page needs both). */
  findWithBrand(
    brandSlug: string,
    slug: string,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<ClinicWithBrand | null> {
    return loaders.forMode(this.batchWithBrandBySlug, mode).load(JSON.stringify([brandSlug, slug]));
  }

  /**
   * Clinics with their brands by `JSON.stringify([brandSlug, slug])`: a page's
   * first read, which published pages in flight share (published-batches.ts).
   */
  readonly batchWithBrandBySlug = async (
    keys: readonly string[],
    mode: ReadMode,
  ): Promise<(ClinicWithBrand | null)[]> => {
    const from = this.sources.of(mode);
    const slugs = keys.map((key) => JSON.parse(key) as [string, string]);
    const rows = (await this.db.query(
      `SELECT k.i AS "keyIndex", ${CLINIC_SELECT}, ${brandColumnsAs('brand.')}
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(brand_slug, slug, i)
         JOIN ${from('brands')} b ON b.slug = k.brand_slug
         JOIN ${from('clinics')} c ON c.brand_id = b.id AND c.slug = k.slug`,
      [slugs.map((pair) => pair[0]), slugs.map((pair) => pair[1])],
    )) as Record<string, unknown>[];
    const found: (ClinicWithBrand | null)[] = keys.map(() => null);
    for (const row of rows) {
      const brand = brandFromRow(row, 'brand.');
      const clinic = Object.fromEntries(
        Object.entries(row).filter(([key]) => key !== 'keyIndex' && !key.startsWith('brand.')),
      ) as unknown as ClinicRow;
      found[Number(row.keyIndex) - 1] = { clinic, brand };
    }
    return found;
  };

  readonly batchById = async (ids: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: ClinicRow[] = await this.db.query(
      `SELECT ${CLINIC_SELECT} FROM ${from('clinics')} c WHERE c.id = ANY($1)`,
      [ids],
    );
    return pickByKeys(ids, rows, (clinic) => clinic.id);
  };

  /** Clinics with their distance from a point (a refetch of a locator's answer), by nearKey. */
  readonly batchByIdNear = async (keys: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const parts = keys.map((key) => key.split('|'));
    const rows: (ClinicRow & { key: string })[] = await this.db.query(
      `SELECT ${CLINIC_SELECT}, ${distanceKmSql('k.lat', 'k.lng')} AS distance_km, k.key
         FROM unnest($1::text[], $2::uuid[], $3::float8[], $4::float8[]) AS k(key, id, lat, lng)
         JOIN ${from('clinics')} c ON c.id = k.id`,
      [
        keys,
        parts.map((p) => p[0]),
        parts.map((p) => Number(p[1])),
        parts.map((p) => Number(p[2])),
      ],
    );
    return pickByKeys(keys, rows, (row) => row.key).map((row) => {
      if (!row) return null;
      const { key: _key, ...clinic } = row;
      return clinic as ClinicRow;
    });
  };

  /**
   * One page of a brand's clinics matching the filter, with the total count.
   * With `near`, ordered by great-circle distance (closest first), else by
   * name; ties by id, so the order is stable across pages.
   */
  async list(
    brandSlug: string,
    filter: ClinicFilter | null | undefined,
    window: PageWindow,
    mode: ReadMode,
  ): Promise<{ rows: ClinicRow[]; totalCount: number }> {
    if (filter?.radiusKm != null && !filter.near) {
      throw badInput('filter.near', 'is required with radiusKm');
    }
    // A published page of all clinics or one region's: a slice of what is
    // kept. The other filters (rarer, and whose matching and order only
    // PostgreSQL's lower(), collation and float functions give) read SQL.
    if (mode.kind === 'PUBLISHED' && !filter?.city && !filter?.offersTreatment && !filter?.near) {
      const locator = await this.publishedLocator(brandSlug);
      if (locator) {
        const matching = filter?.region ? (locator.byRegion.get(filter.region) ?? []) : locator.all;
        return {
          rows: matching.slice(window.offset, window.offset + window.limit),
          totalCount: matching.length,
        };
      }
    }
    const from = this.sources.of(mode);
    const params: unknown[] = [brandSlug];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`b.slug = $1`];
    if (filter?.region) {
      // Not correlated with `b`: PostgreSQL looks the region up once and
      // reads its clinics by index, instead of testing every clinic of the brand.
      where.push(
        `c.region_id = (SELECT r.id FROM ${from('regions')} r JOIN ${from('brands')} rb ON rb.id = r.brand_id
                         WHERE rb.slug = $1 AND r.slug = ${param(filter.region)})`,
      );
    }
    if (filter?.city) where.push(`lower(c.city) = lower(${param(filter.city)})`);
    if (filter?.offersTreatment) {
      where.push(`EXISTS (
        SELECT 1 FROM ${from('clinic_treatments')} ct JOIN ${from('treatments')} t ON t.id = ct.treatment_id
         WHERE ct.clinic_id = c.id AND t.slug = ${param(filter.offersTreatment)})`);
    }

    let distance = 'NULL::double precision';
    let order = 'c.name, c.id';
    if (filter?.near) {
      const { lat, lng } = filter.near;
      distance = distanceKmSql(param(lat), param(lng));
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

    const matching = `FROM ${from('clinics')} c JOIN ${from('brands')} b ON b.id = c.brand_id
        WHERE ${where.join(' AND ')}`;
    const countParams = [...params];
    const rows: (ClinicRow & { total_count: string })[] = await this.db.query(
      `SELECT ${CLINIC_SELECT}, ${distance} AS distance_km, count(*) OVER () AS total_count
         ${matching}
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
        : Number((await this.db.query(`SELECT count(*) AS n ${matching}`, countParams))[0].n);
    return {
      rows: rows.map(({ total_count: _total, ...row }) => row as ClinicRow),
      totalCount,
    };
  }

  /**
   * The brand's published clinics in the locator's order, kept per brand
   * content generation (PublishedBrandMemo): a locator page (all clinics or
   * one region's, the bench's and most sites' query) is then a slice, with
   * no statement. Sorted here by PostgreSQL, as list() sorts, so a region's
   * clinics, filtered in order, are in the same order as its SQL would give.
   * Null (kept too, so not read again) for a brand above MAX_LOCATOR_CLINICS.
   */
  private publishedLocator(brandSlug: string): Promise<PublishedLocator | null> {
    return this.brandMemo.getBySlug(
      brandSlug,
      'locator',
      async () => {
        const from = this.sources.of(PUBLISHED);
        const rows: (ClinicRow & { region_slug: string | null })[] = await this.db.query(
          `SELECT ${CLINIC_SELECT}, NULL::double precision AS distance_km, r.slug AS region_slug
           FROM ${from('clinics')} c JOIN ${from('brands')} b ON b.id = c.brand_id
           LEFT JOIN ${from('regions')} r ON r.id = c.region_id AND r.brand_id = b.id
          WHERE b.slug = $1
          ORDER BY c.name, c.id
          LIMIT ${MAX_LOCATOR_CLINICS + 1}`,
          [brandSlug],
        );
        if (rows.length > MAX_LOCATOR_CLINICS) return null;
        const locator: PublishedLocator = { all: [], byRegion: new Map() };
        for (const { region_slug: region, ...row } of rows) {
          locator.all.push(row);
          if (region == null) continue;
          const list = locator.byRegion.get(region);
          if (list) list.push(row);
          else locator.byRegion.set(region, [row]);
        }
        return locator;
      },
      // A brand too large is kept as null (1), so it is not read again; one
      // without published clinics, or a slug that names none, is not kept (0).
      (locator) => (locator ? locator.all.length * LOCATOR_BYTES_PER_CLINIC : 1),
    );
  }

  /** Every clinic of a brand by name, optionally whose name or city contains `search`. */
  async listOfBrand(brandId: string, search: string | null, mode: ReadMode): Promise<ClinicRow[]> {
    const from = this.sources.of(mode);
    const params: unknown[] = [brandId];
    let where = 'c.brand_id = $1';
    if (search?.trim()) {
      params.push(`%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where += ` AND (c.name ILIKE $2 OR c.city ILIKE $2)`;
    }
    return this.db.query(
      `SELECT ${CLINIC_SELECT} FROM ${from('clinics')} c WHERE ${where} ORDER BY c.name, c.id`,
      params,
    );
  }

  /** The delivered clinic; `near` is the point its `distanceKm` was measured from. */
  toClinic(row: ClinicRow, mode: ReadMode, near: NearPoint | null = null): Clinic {
    return {
      id: encodeGlobalId({ type: 'Clinic', itemId: row.id, clinicId: null, mode, near }),
      itemId: row.id,
      ...clinicFields(row),
      distanceKm: row.distance_km == null ? null : Math.round(row.distance_km * 100) / 100,
      row,
      mode,
    };
  }
}
