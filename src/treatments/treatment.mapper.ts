import type { Treatment } from './dtos/treatment.object';
import type { TreatmentEntity } from './treatment.entity';

/**
 * The fields of Treatment that partners get too, as stored (PartnerTreatment
 * picks the same list). Delivery shows them resolved for a clinic
 * (ContentResolutionService.resolveTreatment); partners copy the brand's.
 */
export const TREATMENT_SHARED_FIELDS = [
  'slug',
  'name',
  'aliases',
  'facts',
  'aftercare',
  'contraindications',
  'combinesWith',
  'updatedAt',
] as const;

export type TreatmentSharedFields = Pick<Treatment, (typeof TREATMENT_SHARED_FIELDS)[number]>;

/** A stored treatment's shared fields, as the brand wrote them. */
export function treatmentFields(row: TreatmentEntity): TreatmentSharedFields {
  return {
    slug: row.slug,
    name: row.name,
    aliases: row.aliases,
    facts: row.facts,
    aftercare: row.aftercare,
    contraindications: row.contraindications,
    combinesWith: row.combinesWith,
    updatedAt: row.updatedAt,
  };
}
