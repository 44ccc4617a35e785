import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { groupByKeys, pickByKeys } from '../graphql/request-loaders';
import { currentPricesJson, type OfferedPrice } from '../pricing/pricing.service';
import { TreatmentEntity } from './treatment.entity';
import { TREATMENT_COLUMNS } from './treatment-columns';

const PUBLISHED_TREATMENT = `t.publication_status = 'PUBLISHED'`;

/** A treatment as a clinic offers it, with its prices there. */
export type OfferedTreatment = TreatmentEntity & { clinicId: string; prices: OfferedPrice[] };

/** Reads published treatments for delivery. */
@Injectable()
export class TreatmentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The published treatment `slug` of the published brand `brandSlug`. */
  async findPublished(brandSlug: string, slug: string): Promise<TreatmentEntity | null> {
    const [row] = await preparedQuery(
      this.db,
      `SELECT ${TREATMENT_COLUMNS}
         FROM treatments t JOIN brands b ON b.id = t.brand_id
        WHERE b.slug = $1 AND b.publication_status = 'PUBLISHED'
          AND t.slug = $2 AND ${PUBLISHED_TREATMENT}`,
      [brandSlug, slug],
    );
    return (row as TreatmentEntity | undefined) ?? null;
  }

  readonly batchById = async (ids: readonly string[]) =>
    pickByKeys(
      ids,
      (await preparedQuery(
        this.db,
        `SELECT ${TREATMENT_COLUMNS} FROM treatments t WHERE t.id = ANY($1) AND ${PUBLISHED_TREATMENT}`,
        [ids],
      )) as TreatmentEntity[],
      (treatment) => treatment.id,
    );

  /**
   * The published treatments each clinic offers, by name, with the clinic's
   * current prices for each (pages show them together: one round trip).
   */
  readonly batchOfferedByClinic = async (clinicIds: readonly string[]) => {
    const rows: OfferedTreatment[] = await preparedQuery(
      this.db,
      `SELECT ${TREATMENT_COLUMNS}, ct.clinic_id AS "clinicId", ${currentPricesJson('ct')} AS prices
         FROM clinic_treatments ct JOIN treatments t ON t.id = ct.treatment_id
        WHERE ct.clinic_id = ANY($1) AND ct.publication_status = 'PUBLISHED' AND ${PUBLISHED_TREATMENT}
        ORDER BY t.name, t.id`,
      [clinicIds],
    );
    return groupByKeys(clinicIds, rows, (row) => row.clinicId);
  };

  /**
   * One treatment a clinic offers, by slug, with its prices there; keys are
   * offeredKey(clinicId, slug). A page about one treatment reads only that
   * one, not the whole list with every treatment's content.
   */
  readonly batchOfferedBySlug = async (keys: readonly string[]) => {
    const pairs = keys.map(splitOfferedKey);
    const rows: (OfferedTreatment & { key: string })[] = await preparedQuery(
      this.db,
      `SELECT ${TREATMENT_COLUMNS}, ct.clinic_id AS "clinicId", ${currentPricesJson('ct')} AS prices,
              k.clinic_id || ':' || k.slug AS key
         FROM unnest($1::uuid[], $2::text[]) AS k(clinic_id, slug)
         JOIN clinic_treatments ct ON ct.clinic_id = k.clinic_id AND ct.publication_status = 'PUBLISHED'
         JOIN treatments t ON t.id = ct.treatment_id AND t.slug = k.slug AND ${PUBLISHED_TREATMENT}`,
      [pairs.map((pair) => pair.clinicId), pairs.map((pair) => pair.slug)],
    );
    return pickByKeys(keys, rows, (row) => row.key);
  };
}

/** Key of a treatment offered by a clinic, by slug, for batchOfferedBySlug. */
export function offeredKey(clinicId: string, slug: string): string {
  return `${clinicId}:${slug}`;
}

function splitOfferedKey(key: string): { clinicId: string; slug: string } {
  const at = key.indexOf(':');
  return { clinicId: key.slice(0, at), slug: key.slice(at + 1) };
}
