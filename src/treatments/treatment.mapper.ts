import { markdownHtmlPrototype } from '../markdown/markdown';
import type { Treatment, TreatmentSection } from './dtos/treatment.object';
import type { TreatmentEntity, TreatmentSectionValue } from './treatment.entity';

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

/** Delivered sections: `html` rendered when read (see markdownHtmlPrototype). */
const DELIVERED_SECTION = markdownHtmlPrototype('body', 'html');

/** A treatment's sections as delivered (after their tokens are rendered). */
export function deliveredSections(sections: TreatmentSectionValue[]): TreatmentSection[] {
  return sections.map(({ key, heading, body }) =>
    Object.assign(Object.create(DELIVERED_SECTION) as TreatmentSection, { key, heading, body }),
  );
}
