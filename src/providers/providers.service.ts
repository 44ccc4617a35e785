import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLINIC_COLUMNS } from '../clinics/clinic-columns';
import { ClinicRow } from '../clinics/clinics.service';
import { PageWindow } from '../graphql/connection';
import { encodeGlobalId } from '../graphql/global-id';
import { groupByKeys, pickByKeys } from '../graphql/request-loaders';
import { ContentSources } from '../read-mode/content-sources';
import type { ReadMode } from '../read-mode/read-mode';
import { TreatmentEntity } from '../treatments/treatment.entity';
import { TREATMENT_COLUMNS } from '../treatments/treatment-columns';
import { Provider } from './dtos/provider.object';
import { ProviderEntity } from './provider.entity';

const PROVIDER_COLUMNS = `
  p.id, p.brand_id AS "brandId", p.slug, p.name, p.credentials, p.title, p.bio,
  p.photo_url AS "photoUrl", p.updated_at AS "updatedAt"`;

type Keyed<T> = T & { key: string };

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
  ): Promise<{ rows: ProviderEntity[]; totalCount: number }> {
    const from = this.sources.of(mode);
    const params: unknown[] = [brandSlug];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`b.slug = $1`];
    if (filter.clinic) {
      where.push(`EXISTS (
        SELECT 1 FROM ${from('provider_clinics')} pc JOIN ${from('clinics')} c ON c.id = pc.clinic_id
         WHERE pc.provider_id = p.id AND c.brand_id = b.id AND c.slug = ${param(filter.clinic)})`);
    }
    if (filter.treatment) {
      where.push(`EXISTS (
        SELECT 1 FROM ${from('provider_treatments')} pt JOIN ${from('treatments')} t ON t.id = pt.treatment_id
         WHERE pt.provider_id = p.id AND t.brand_id = b.id AND t.slug = ${param(filter.treatment)})`);
    }
    const rows: (ProviderEntity & { total_count: string })[] = await this.db.query(
      `SELECT ${PROVIDER_COLUMNS}, count(*) OVER () AS total_count
         FROM ${from('providers')} p JOIN ${from('brands')} b ON b.id = p.brand_id
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
    const rows: Keyed<ProviderEntity>[] = await this.db.query(
      `SELECT ${PROVIDER_COLUMNS}, pc.clinic_id AS key
         FROM ${from('provider_clinics')} pc JOIN ${from('providers')} p ON p.id = pc.provider_id
        WHERE pc.clinic_id = ANY($1)
        ORDER BY p.name, p.id`,
      [clinicIds],
    );
    return groupByKeys(clinicIds, rows, (row) => row.key);
  };

  /** Providers performing each treatment, by name. */
  readonly batchByTreatment = async (treatmentIds: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: Keyed<ProviderEntity>[] = await this.db.query(
      `SELECT ${PROVIDER_COLUMNS}, pt.treatment_id AS key
         FROM ${from('provider_treatments')} pt JOIN ${from('providers')} p ON p.id = pt.provider_id
        WHERE pt.treatment_id = ANY($1)
        ORDER BY p.name, p.id`,
      [treatmentIds],
    );
    return groupByKeys(treatmentIds, rows, (row) => row.key);
  };

  /** Providers at a clinic who perform a treatment; keys "clinicId:treatmentId". */
  readonly batchByClinicAndTreatment = async (keys: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const pairs = keys.map((key) => key.split(':'));
    const rows: Keyed<ProviderEntity>[] = await this.db.query(
      `SELECT ${PROVIDER_COLUMNS}, k.clinic_id || ':' || k.treatment_id AS key
         FROM unnest($1::uuid[], $2::uuid[]) AS k(clinic_id, treatment_id)
         JOIN ${from('provider_clinics')} pc ON pc.clinic_id = k.clinic_id
         JOIN ${from('provider_treatments')} pt ON pt.provider_id = pc.provider_id AND pt.treatment_id = k.treatment_id
         JOIN ${from('providers')} p ON p.id = pc.provider_id
        ORDER BY p.name, p.id`,
      [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
    );
    return groupByKeys(keys, rows, (row) => row.key);
  };

  /** The clinics each provider works at, by name. */
  readonly batchClinicsByProvider = async (providerIds: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: Keyed<ClinicRow>[] = await this.db.query(
      `SELECT ${CLINIC_COLUMNS}, pc.provider_id AS key
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
      `SELECT ${TREATMENT_COLUMNS}, pt.provider_id AS key
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
    const rows: ProviderEntity[] = await this.db.query(
      `SELECT ${PROVIDER_COLUMNS} FROM ${from('providers')} p WHERE p.id = ANY($1)`,
      [ids],
    );
    return pickByKeys(ids, rows, (row) => row.id);
  };

  /** The delivered provider; `clinicId` is the clinic it is shown at, if any. */
  toProvider(row: ProviderEntity, mode: ReadMode, clinicId: string | null): Provider {
    return {
      id: encodeGlobalId({ type: 'Provider', itemId: row.id, clinicId, mode }),
      itemId: row.id,
      slug: row.slug,
      name: row.name,
      credentials: row.credentials,
      title: row.title,
      bio: row.bio,
      photoUrl: row.photoUrl,
      updatedAt: row.updatedAt,
      brandId: row.brandId,
      mode,
    };
  }
}
