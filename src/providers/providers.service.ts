import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { CLINIC_COLUMNS, PUBLISHED_CLINIC } from '../clinics/clinic-columns';
import { ClinicRow } from '../clinics/clinics.service';
import { PageWindow } from '../graphql/connection';
import { groupByKeys } from '../graphql/request-loaders';
import { TreatmentEntity } from '../treatments/treatment.entity';
import { TREATMENT_COLUMNS } from '../treatments/treatment-columns';
import { Provider } from './dtos/provider.object';
import { ProviderEntity } from './provider.entity';

const PROVIDER_COLUMNS = `
  p.id, p.brand_id AS "brandId", p.slug, p.name, p.credentials, p.title, p.bio,
  p.photo_url AS "photoUrl", p.updated_at AS "updatedAt"`;
const PUBLISHED_PROVIDER = `p.publication_status = 'PUBLISHED'`;

type Keyed<T> = T & { key: string };

/** A provider with the treatments they perform. */
export type ProviderWithTreatments = ProviderEntity & { treatmentIds: string[] };

/**
 * A JSON array of the published providers working at the clinic `c`, by
 * name, each with the treatments they perform (read it with
 * providersFromJson), for statements that read a clinic's context at once.
 */
export function providersAtClinicJson(c: string): string {
  return `(SELECT coalesce(json_agg(json_build_object(
              'id', p.id, 'brandId', p.brand_id, 'slug', p.slug, 'name', p.name,
              'credentials', p.credentials, 'title', p.title, 'bio', p.bio, 'photoUrl', p.photo_url,
              'updatedAt', p.updated_at,
              'treatmentIds', ARRAY(SELECT pt.treatment_id FROM provider_treatments pt
                                     WHERE pt.provider_id = p.id ORDER BY pt.treatment_id))
            ORDER BY p.name, p.id), '[]')
             FROM provider_clinics pc JOIN providers p ON p.id = pc.provider_id
            WHERE pc.clinic_id = ${c}.id AND ${PUBLISHED_PROVIDER})`;
}

/** Providers read as JSON: timestamps come as text. */
export function providersFromJson(
  rows: (Omit<ProviderWithTreatments, 'updatedAt'> & { updatedAt: string })[],
): ProviderWithTreatments[] {
  return rows.map(
    (row) => ({ ...row, updatedAt: new Date(row.updatedAt) }) as ProviderWithTreatments,
  );
}

/** Reads published providers and their clinic and treatment links. */
@Injectable()
export class ProvidersService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page of a brand's providers, optionally at a clinic / for a treatment. */
  async list(
    brandSlug: string,
    filter: { clinic?: string | null; treatment?: string | null },
    window: PageWindow,
  ): Promise<{ rows: ProviderEntity[]; totalCount: number }> {
    const params: unknown[] = [brandSlug];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`b.slug = $1`, `b.publication_status = 'PUBLISHED'`, PUBLISHED_PROVIDER];
    if (filter.clinic) {
      where.push(`EXISTS (
        SELECT 1 FROM provider_clinics pc JOIN clinics c ON c.id = pc.clinic_id
         WHERE pc.provider_id = p.id AND c.brand_id = b.id
           AND c.slug = ${param(filter.clinic)} AND ${PUBLISHED_CLINIC})`);
    }
    if (filter.treatment) {
      where.push(`EXISTS (
        SELECT 1 FROM provider_treatments pt JOIN treatments t ON t.id = pt.treatment_id
         WHERE pt.provider_id = p.id AND t.brand_id = b.id
           AND t.slug = ${param(filter.treatment)} AND t.publication_status = 'PUBLISHED')`);
    }
    const rows: (ProviderEntity & { total_count: string })[] = await preparedQuery(
      this.db,
      `SELECT ${PROVIDER_COLUMNS}, count(*) OVER () AS total_count
         FROM providers p JOIN brands b ON b.id = p.brand_id
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
  readonly batchByClinic = async (clinicIds: readonly string[]) => {
    const rows: Keyed<ProviderEntity>[] = await preparedQuery(
      this.db,
      `SELECT ${PROVIDER_COLUMNS}, pc.clinic_id AS key
         FROM provider_clinics pc JOIN providers p ON p.id = pc.provider_id
        WHERE pc.clinic_id = ANY($1) AND ${PUBLISHED_PROVIDER}
        ORDER BY p.name, p.id`,
      [clinicIds],
    );
    return groupByKeys(clinicIds, rows, (row) => row.key);
  };

  /** Providers performing each treatment, by name. */
  readonly batchByTreatment = async (treatmentIds: readonly string[]) => {
    const rows: Keyed<ProviderEntity>[] = await preparedQuery(
      this.db,
      `SELECT ${PROVIDER_COLUMNS}, pt.treatment_id AS key
         FROM provider_treatments pt JOIN providers p ON p.id = pt.provider_id
        WHERE pt.treatment_id = ANY($1) AND ${PUBLISHED_PROVIDER}
        ORDER BY p.name, p.id`,
      [treatmentIds],
    );
    return groupByKeys(treatmentIds, rows, (row) => row.key);
  };

  /** The published clinics each provider works at, by name. */
  readonly batchClinicsByProvider = async (providerIds: readonly string[]) => {
    const rows: Keyed<ClinicRow>[] = await preparedQuery(
      this.db,
      `SELECT ${CLINIC_COLUMNS}, pc.provider_id AS key
         FROM provider_clinics pc JOIN clinics c ON c.id = pc.clinic_id
        WHERE pc.provider_id = ANY($1) AND ${PUBLISHED_CLINIC}
        ORDER BY c.name, c.id`,
      [providerIds],
    );
    return groupByKeys(providerIds, rows, (row) => row.key);
  };

  /** The published treatments each provider performs, by name. */
  readonly batchTreatmentsByProvider = async (providerIds: readonly string[]) => {
    const rows: Keyed<TreatmentEntity>[] = await preparedQuery(
      this.db,
      `SELECT ${TREATMENT_COLUMNS}, pt.provider_id AS key
         FROM provider_treatments pt JOIN treatments t ON t.id = pt.treatment_id
        WHERE pt.provider_id = ANY($1) AND t.publication_status = 'PUBLISHED'
        ORDER BY t.name, t.id`,
      [providerIds],
    );
    return groupByKeys(providerIds, rows, (row) => row.key);
  };

  toProvider(row: ProviderEntity): Provider {
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      credentials: row.credentials,
      title: row.title,
      bio: row.bio,
      photoUrl: row.photoUrl,
      updatedAt: row.updatedAt,
      brandId: row.brandId,
    };
  }
}
