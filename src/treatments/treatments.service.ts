import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PageWindow } from '../graphql/connection';
import { groupByKeys, pickByKeys } from '../graphql/request-loaders';
import { brandListPage } from '../read-mode/brand-list-page';
import { ContentSources } from '../read-mode/content-sources';
import { PublishedBrandMemo } from '../read-mode/published-brand-memo';
import { PUBLISHED, type ReadMode } from '../read-mode/read-mode';
import { TreatmentEntity } from './treatment.entity';
import { TREATMENT_SELECT } from './treatment.content-type';

/** Reads treatments for delivery (published, or a brand's working copy). */
@Injectable()
export class TreatmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ContentSources,
    private readonly brandMemo: PublishedBrandMemo,
  ) {}

  /**
   * A brand's published treatments by id, the same for every clinic of the
   * brand: kept per content generation (PublishedBrandMemo), so a clinic's
   * treatment page does not read its content (sections, facts) every time.
   */
  publishedOfBrand(brandId: string): Promise<ReadonlyMap<string, TreatmentEntity>> {
    return this.brandMemo.get(brandId, 'treatments', async () => {
      const rows: TreatmentEntity[] = await this.db.query(
        `SELECT ${TREATMENT_SELECT} FROM ${this.sources.of(PUBLISHED)('treatments')} t WHERE t.brand_id = $1`,
        [brandId],
      );
      return new Map(rows.map((row) => [row.id, row]));
    });
  }

  /** The treatment `slug` of the brand `brandSlug`. */
  async find(brandSlug: string, slug: string, mode: ReadMode): Promise<TreatmentEntity | null> {
    const from = this.sources.of(mode);
    const [row] = await this.db.query(
      `SELECT ${TREATMENT_SELECT}
         FROM ${from('treatments')} t JOIN ${from('brands')} b ON b.id = t.brand_id
        WHERE b.slug = $1 AND t.slug = $2`,
      [brandSlug, slug],
    );
    return (row as TreatmentEntity | undefined) ?? null;
  }

  /** One page of the brand's treatments, by name (the brand versions). */
  list(brandSlug: string, window: PageWindow, mode: ReadMode) {
    const from = this.sources.of(mode);
    return brandListPage<TreatmentEntity>(
      this.db,
      { table: from('treatments'), alias: 't', select: TREATMENT_SELECT, brands: from('brands') },
      brandSlug,
      window,
    );
  }

  readonly batchById = async (ids: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: TreatmentEntity[] = await this.db.query(
      `SELECT ${TREATMENT_SELECT} FROM ${from('treatments')} t WHERE t.id = ANY($1)`,
      [ids],
    );
    return pickByKeys(ids, rows, (treatment) => treatment.id);
  };

  /** The treatments each clinic offers, by name. */
  readonly batchOfferedByClinic = async (clinicIds: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: (TreatmentEntity & { clinicId: string })[] = await this.db.query(
      `SELECT ${TREATMENT_SELECT}, ct.clinic_id AS "clinicId"
         FROM ${from('clinic_treatments')} ct JOIN ${from('treatments')} t ON t.id = ct.treatment_id
        WHERE ct.clinic_id = ANY($1)
        ORDER BY t.name, t.id`,
      [clinicIds],
    );
    return groupByKeys(clinicIds, rows, (row) => row.clinicId);
  };

  /**
   * One treatment a clinic offers, by slug; keys are offeredKey(clinicId,
   * slug). A page about one treatment reads only that one, not the clinic's
   * whole list with every treatment's content.
   */
  readonly batchOfferedBySlug = (keys: readonly string[], mode: ReadMode) =>
    this.offeredBy('slug', keys, mode);

  /** The same by treatment id (keys: offeredKey(clinicId, treatmentId)), for a refetch by `node`. */
  readonly batchOfferedById = (keys: readonly string[], mode: ReadMode) =>
    this.offeredBy('id', keys, mode);

  private async offeredBy(column: 'slug' | 'id', keys: readonly string[], mode: ReadMode) {
    const from = this.sources.of(mode);
    const pairs = keys.map(splitOfferedKey);
    const rows: (TreatmentEntity & { offeredKey: string })[] = await this.db.query(
      `SELECT ${TREATMENT_SELECT}, ct.clinic_id || ':' || t.${column} AS "offeredKey"
         FROM unnest($1::uuid[], $2::${column === 'id' ? 'uuid' : 'text'}[]) AS k(clinic_id, treatment)
         JOIN ${from('clinic_treatments')} ct ON ct.clinic_id = k.clinic_id
         JOIN ${from('treatments')} t ON t.id = ct.treatment_id AND t.${column} = k.treatment`,
      [pairs.map((pair) => pair.clinicId), pairs.map((pair) => pair.treatment)],
    );
    return pickByKeys(keys, rows, (row) => row.offeredKey);
  }
}

/** Key of a treatment offered by a clinic (by slug or by id), for batchOfferedBySlug/ById. */
export function offeredKey(clinicId: string, treatment: string): string {
  return `${clinicId}:${treatment}`;
}

function splitOfferedKey(key: string): { clinicId: string; treatment: string } {
  const at = key.indexOf(':');
  return { clinicId: key.slice(0, at), treatment: key.slice(at + 1) };
}
