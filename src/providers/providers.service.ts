import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLINIC_SELECT } from '../clinics/clinic.content-type';
import { ClinicRow } from '../clinics/clinics.service';
import { PageWindow } from '../graphql/connection';
import { encodeGlobalId } from '../graphql/global-id';
import { groupByKeys, pickByKeys } from '../graphql/request-loaders';
import { ContentSources } from '../read-mode/content-sources';
import type { ReadMode } from '../read-mode/read-mode';
import { TreatmentEntity } from '../treatments/treatment.entity';
import { TREATMENT_SELECT } from '../treatments/treatment.content-type';
import { Provider } from './dtos/provider.object';
import type { Request } from 'express';
import { expireAnswerBy } from '../response-cache/answer-lifetime';
import { markdownHtmlPrototype } from '../markdown/markdown';
import { storedHtmlSql } from '../markdown/stored-renderings';
import { ProviderEntity } from './provider.entity';
import { PROVIDER_SELECT } from './provider.content-type';
import { LICENCE_COLUMNS, performerSql, type VerifiedLicence } from './performer-licences';

const PROVIDER_COLUMNS = `${PROVIDER_SELECT}, ${storedHtmlSql('p.bio')} AS "storedBioHtml", ${LICENCE_COLUMNS}`;

type Keyed<T> = T & { key: string };

/** Delivered providers: `bioHtml` as stored, or rendered when read (see markdownHtmlPrototype). */
const DELIVERED_PROVIDER = markdownHtmlPrototype('bio', 'bioHtml', 'storedBioHtml');

/**
 * A delivered provider row: its columns, its bio's stored HTML (null when
 * it has none) and what its licences say now (performer-licences.ts).
 */
export type ProviderRow = ProviderEntity & {
  storedBioHtml: string | null;
  licencesChangeAt: Date | null;
  verifiedLicences: VerifiedLicence[];
};

/** Reads providers and their clinic and treatment links (published, or a working copy). */
@Injectable()
export class ProvidersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ContentSources,
  ) {}

  /** One page of a brand's providers, optionally at a clinic / for a treatment. */
  async list(
    brandSlug: string,
    filter: { clinic?: string | null; treatment?: string | null },
    window: PageWindow,
    mode: ReadMode,
  ): Promise<{ rows: ProviderRow[]; totalCount: number }> {
    const from = this.sources.of(mode);
    const params: unknown[] = [brandSlug];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`b.slug = $1`];
    // The clinic and treatment filtered by (one row each at most), for the licence check.
    const joins: string[] = [];
    if (filter.clinic) {
      joins.push(
        `LEFT JOIN ${from('clinics')} fc ON fc.brand_id = b.id AND fc.slug = ${param(filter.clinic)}`,
      );
      where.push(`EXISTS (
        SELECT 1 FROM ${from('provider_clinics')} pc
         WHERE pc.provider_id = p.id AND pc.clinic_id = fc.id)`);
    }
    if (filter.treatment) {
      joins.push(
        `LEFT JOIN ${from('treatments')} ft ON ft.brand_id = b.id AND ft.slug = ${param(filter.treatment)}`,
      );
      where.push(`EXISTS (
        SELECT 1 FROM ${from('provider_treatments')} pt
         WHERE pt.provider_id = p.id AND pt.treatment_id = ft.id)`);
    }
    where.push(
      performerSql(
        'p',
        filter.clinic ? 'fc' : null,
        filter.clinic && filter.treatment ? 'ft' : null,
      ),
    );
    const rows: (ProviderRow & { total_count: string })[] = await this.db.query(
      `SELECT ${PROVIDER_COLUMNS}, count(*) OVER () AS total_count
         FROM ${from('providers')} p JOIN ${from('brands')} b ON b.id = p.brand_id
         ${joins.join(' ')}
        WHERE ${where.join(' AND ')}
        ORDER BY p.name, p.id
        LIMIT ${param(window.limit)} OFFSET ${param(window.offset)}`,
      params,
    );
    return {
      rows,
      totalCount: rows.length ? Number(rows[0].total_count) : 0,
    };
  }

  /** Providers working at each clinic, by name. */
  readonly batchByClinic = async (clinicIds: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: Keyed<ProviderRow>[] = await this.db.query(
      `SELECT ${PROVIDER_COLUMNS}, pc.clinic_id AS key
         FROM ${from('provider_clinics')} pc JOIN ${from('providers')} p ON p.id = pc.provider_id
         JOIN ${from('clinics')} c ON c.id = pc.clinic_id
        WHERE pc.clinic_id = ANY($1) AND ${performerSql('p', 'c', null)}
        ORDER BY p.name, p.id`,
      [clinicIds],
    );
    return groupByKeys(clinicIds, rows, (row) => row.key);
  };

  /** Providers performing each treatment, by name. */
  readonly batchByTreatment = async (treatmentIds: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: Keyed<ProviderRow>[] = await this.db.query(
      `SELECT ${PROVIDER_COLUMNS}, pt.treatment_id AS key
         FROM ${from('provider_treatments')} pt JOIN ${from('providers')} p ON p.id = pt.provider_id
        WHERE pt.treatment_id = ANY($1) AND ${performerSql('p', null, null)}
        ORDER BY p.name, p.id`,
      [treatmentIds],
    );
    return groupByKeys(treatmentIds, rows, (row) => row.key);
  };

  /** Providers at a clinic who perform a treatment; keys "clinicId:treatmentId". */
  readonly batchByClinicAndTreatment = async (keys: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const pairs = keys.map((key) => key.split(':'));
    const rows: Keyed<ProviderRow>[] = await this.db.query(
      `SELECT ${PROVIDER_COLUMNS}, k.clinic_id || ':' || k.treatment_id AS key
         FROM unnest($1::uuid[], $2::uuid[]) AS k(clinic_id, treatment_id)
         JOIN ${from('provider_clinics')} pc ON pc.clinic_id = k.clinic_id
         JOIN ${from('provider_treatments')} pt ON pt.provider_id = pc.provider_id AND pt.treatment_id = k.treatment_id
         JOIN ${from('providers')} p ON p.id = pc.provider_id
         JOIN ${from('clinics')} c ON c.id = k.clinic_id
         JOIN ${from('treatments')} t ON t.id = k.treatment_id
        WHERE ${performerSql('p', 'c', 't')}
        ORDER BY p.name, p.id`,
      [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
    );
    return groupByKeys(keys, rows, (row) => row.key);
  };

  /** The clinics each provider works at, by name. */
  readonly batchClinicsByProvider = async (providerIds: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: Keyed<ClinicRow>[] = await this.db.query(
      `SELECT ${CLINIC_SELECT}, pc.provider_id AS key
         FROM ${from('provider_clinics')} pc JOIN ${from('clinics')} c ON c.id = pc.clinic_id
        WHERE pc.provider_id = ANY($1)
        ORDER BY c.name, c.id`,
      [providerIds],
    );
    return groupByKeys(providerIds, rows, (row) => row.key);
  };

  /** The treatments each provider performs, by name. */
  readonly batchTreatmentsByProvider = async (providerIds: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: Keyed<TreatmentEntity>[] = await this.db.query(
      `SELECT ${TREATMENT_SELECT}, pt.provider_id AS key
         FROM ${from('provider_treatments')} pt JOIN ${from('treatments')} t ON t.id = pt.treatment_id
        WHERE pt.provider_id = ANY($1)
        ORDER BY t.name, t.id`,
      [providerIds],
    );
    return groupByKeys(providerIds, rows, (row) => row.key);
  };

  /** Providers by id. */
  readonly batchById = async (ids: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: ProviderRow[] = await this.db.query(
      `SELECT ${PROVIDER_COLUMNS} FROM ${from('providers')} p WHERE p.id = ANY($1)`,
      [ids],
    );
    return pickByKeys(ids, rows, (row) => row.id);
  };

  /**
   * Delivered providers; their licences' next expiry caps how long the
   * answer may be cached (it would show an expired licence after it).
   */
  toProviders(
    rows: ProviderRow[],
    mode: ReadMode,
    clinicId: string | null,
    req: Request | undefined,
  ): Provider[] {
    for (const row of rows) expireAnswerBy(req, row.licencesChangeAt);
    return rows.map((row) => this.toProvider(row, mode, clinicId));
  }

  /** The delivered provider; `clinicId` is the clinic it is shown at, if any. */
  toProvider(row: ProviderRow, mode: ReadMode, clinicId: string | null): Provider {
    const fields: Omit<Provider, 'bioHtml'> = {
      id: encodeGlobalId({ type: 'Provider', itemId: row.id, clinicId, mode }),
      itemId: row.id,
      slug: row.slug,
      name: row.name,
      credentials: row.credentials,
      title: row.title,
      bio: row.bio,
      storedBioHtml: row.storedBioHtml,
      photoUrl: row.photoUrl,
      updatedAt: row.updatedAt,
      brandId: row.brandId,
      mode,
      verifiedLicences: row.verifiedLicences,
    };
    return Object.assign(Object.create(DELIVERED_PROVIDER) as Provider, fields);
  }
}
