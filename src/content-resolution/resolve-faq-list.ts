import {
  resolveFields,
  type FieldSourceInfo,
  type OverrideLayer,
  type ResolveOptions,
} from './resolve-fields';

export interface FaqInput {
  id: string;
  clinicId: string | null;
  question: string;
  answer: string;
  position: number;
}

export interface ResolvedFaq<F extends FaqInput> {
  /** The stored FAQ, untouched. */
  faq: F;
  question: string;
  answer: string;
  position: number;
  /** For question, answer and position (`hidden` is implied by presence). */
  sources: FieldSourceInfo[];
}

/** The FAQ fields a region or clinic may override, with the shape each value must have. */
const FAQ_FIELDS = {
  question: (v: unknown) => typeof v === 'string',
  answer: (v: unknown) => typeof v === 'string',
  position: (v: unknown) => typeof v === 'number' && Number.isFinite(v),
  hidden: (v: unknown) => typeof v === 'boolean',
} as const;
type FaqField = keyof typeof FAQ_FIELDS;
const FIELDS = Object.keys(FAQ_FIELDS) as FaqField[];
const SHOWN_FIELDS = ['question', 'answer', 'position'];

/**
 * The FAQ list a clinic shows: brand FAQs (minus those hidden by a
 * `hidden: true` override at clinic or region scope, with question/answer/
 * position overrides applied per the policies) plus the clinic's own FAQs.
 * Without a clinic: brand FAQs only, unchanged. Ordered by effective position,
 * ties by original position, then id, so the order never depends on how the
 * rows were fetched.
 */
export function resolveFaqList<F extends FaqInput>(
  brandFaqs: readonly F[],
  clinicFaqs: readonly F[],
  overridesByFaqId: ReadonlyMap<string, readonly OverrideLayer[]>,
  options: ResolveOptions,
): ResolvedFaq<F>[] {
  const resolved: ResolvedFaq<F>[] = [];
  // Why: most FAQs have no override at a clinic, and their sources then
  // depend on the policies alone, so they share one list instead of
  // resolving (and allocating) the same provenance for each of a page's 100 FAQs.
  let inherited: FieldSourceInfo[] | undefined;
  for (const faq of brandFaqs) {
    if (!overridesByFaqId.has(faq.id)) {
      inherited ??= shownSources(resolveBrandFaq(faq, overridesByFaqId, options).sources);
      const { question, answer, position } = faq;
      resolved.push({ faq, question, answer, position, sources: inherited });
      continue;
    }
    const { values, sources } = resolveBrandFaq(faq, overridesByFaqId, options);
    if (values.hidden) continue;
    const { question, answer, position } = values;
    resolved.push({ faq, question, answer, position, sources: shownSources(sources) });
  }
  if (options.forClinic) {
    for (const faq of clinicFaqs) {
      const sources = SHOWN_FIELDS.map((field): FieldSourceInfo => ({
        field,
        scope: 'CLINIC',
        stale: false,
        missing: false,
      }));
      const { question, answer, position } = faq;
      resolved.push({ faq, question, answer, position, sources });
    }
  }
  return resolved.sort(
    (a, b) =>
      a.position - b.position ||
      a.faq.position - b.faq.position ||
      (a.faq.id < b.faq.id ? -1 : a.faq.id > b.faq.id ? 1 : 0),
  );
}

/** Provenance of the fields a shown FAQ has (`hidden` is implied by being shown). */
function shownSources(sources: FieldSourceInfo[]): FieldSourceInfo[] {
  return Object.freeze(sources.filter((s) => SHOWN_FIELDS.includes(s.field))) as FieldSourceInfo[];
}

/** A brand FAQ with its overrides applied, `hidden` included. */
function resolveBrandFaq<F extends FaqInput>(
  faq: F,
  overridesByFaqId: ReadonlyMap<string, readonly OverrideLayer[]>,
  options: ResolveOptions,
) {
  // Why: a malformed override (e.g. a string position) must not break delivery.
  const overrides = (overridesByFaqId.get(faq.id) ?? []).filter(
    (o) => o.field in FAQ_FIELDS && FAQ_FIELDS[o.field as FaqField](o.value),
  );
  const brandValues = {
    question: faq.question,
    answer: faq.answer,
    position: faq.position,
    hidden: false,
  };
  return resolveFields(brandValues, FIELDS, overrides, options);
}

/**
 * The brand FAQs a clinic's list leaves out (resolveFaqList's rule), each
 * with the place whose `hidden` override wins: its region or the clinic.
 */
export function hiddenBrandFaqs<F extends FaqInput>(
  brandFaqs: readonly F[],
  overridesByFaqId: ReadonlyMap<string, readonly OverrideLayer[]>,
  options: ResolveOptions,
): { faq: F; hiddenBy: OverrideLayer['scope'] }[] {
  if (!options.forClinic) return [];
  return brandFaqs.flatMap((faq) => {
    const { values, sources } = resolveBrandFaq(faq, overridesByFaqId, options);
    const scope = sources.find((source) => source.field === 'hidden')?.scope;
    if (!values.hidden || (scope !== 'REGION' && scope !== 'CLINIC')) return [];
    return [{ faq, hiddenBy: scope }];
  });
}
