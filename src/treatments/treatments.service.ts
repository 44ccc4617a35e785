import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { groupByKeys, pickByKeys } from '../graphql/request-loaders';
import { ContentSources } from '../read-mode/content-sources';
import type { ReadMode } from '../read-mode/read-mode';
import { TreatmentEntity } from './treatment.entity';
import { TREATMENT_COLUMNS } from './treatment-columns';

/** Reads treatments for delivery (published, or a brand's working copy). */
@Injectable()
export class TreatmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ContentSources,
  ) {}

  /** The treatment `slug` of the brand `brandSlug`. */
  async find(brandSlug: string, slug: string, mode: ReadMode): Promise<TreatmentEntity | null> {
    const from = this.sources.of(mode);
    const [row] = await this.db.query(
      `SELECT ${TREATMENT_COLUMNS}
         FROM ${from('treatments')} t JOIN ${from('brands')} b ON b.id = t.brand_id
        WHERE b.slug = $1 AND t.slug = $2`,
      [brandSlug, slug],
    );
    return (row as TreatmentEntity | undefined) ?? null;
  }

  readonly batchById = async (ids: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: TreatmentEntity[] = await this.db.query(
      `SELECT ${TREATMENT_COLUMNS} FROM ${from('treatments')} t WHERE t.id = ANY($1)`,
      [ids],
    );
    return pickByKeys(ids, rows, (treatment) => treatment.id);
  };

  /** The treatments each clinic offers, by name. */
  readonly batchOfferedByClinic = async (clinicIds: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: (TreatmentEntity & { clinicId: string })[] = await this.db.query(
      `SELECT ${TREATMENT_COLUMNS}, ct.clinic_id AS "clinicId"
         FROM ${from('clinic_treatments')} ct JOIN ${from('treatments')} t ON t.id = ct.treatment_id
        WHERE ct.clinic_id = ANY($1)
        ORDER BY t.name, t.id`,
      [clinicIds],
    );
    return groupByKeys(clinicIds, rows, (row) => row.clinicId);
  };
}
