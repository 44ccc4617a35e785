import { type Faq, FaqLevel } from './dtos/faq.object';

/** The fields of Faq that partners get too (PartnerFaq picks the same list). */
export const FAQ_SHARED_FIELDS = ['answer', 'scope', 'updatedAt'] as const;

/** A clinic's own FAQ, or the brand's. */
export function faqLevel(clinicId: string | null): FaqLevel {
  return clinicId ? FaqLevel.CLINIC : FaqLevel.BRAND;
}

/** A stored FAQ's shared fields; `answer` is the delivered text (tokens rendered) or the stored one. */
export function faqFields(
  row: { clinicId: string | null; updatedAt: Date },
  answer: string,
): Pick<Faq, (typeof FAQ_SHARED_FIELDS)[number]> {
  return { answer, scope: faqLevel(row.clinicId), updatedAt: row.updatedAt };
}
