import { hiddenBrandFaqs, resolveFaqList, type FaqInput } from './resolve-faq-list';
import type { FieldPolicy, OverrideLayer } from './resolve-fields';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const faq = (id: string, position: number, clinicId: string | null = null) =>
  deepFreeze<FaqInput>({
    id,
    clinicId,
    question: `Q ${id}?`,
    answer: `A ${id}`,
    position,
  });
const brandFaqs = deepFreeze([faq('a', 10), faq('b', 20), faq('c', 30)]);
const localFaq = faq('local', 15, 'clinic-1');

const set = (
  scope: OverrideLayer['scope'],
  field: string,
  value: unknown,
  baseValue: unknown = null,
): OverrideLayer => ({ scope, field, value, baseValue });

function list(
  overrides: Record<string, OverrideLayer[]> = {},
  policies: Record<string, FieldPolicy> = {},
  { forClinic = true, clinicFaqs = [localFaq] } = {},
) {
  return resolveFaqList(
    brandFaqs,
    deepFreeze(clinicFaqs),
    new Map(Object.entries(deepFreeze(overrides))),
    { forClinic, policies: new Map(Object.entries(policies)) },
  );
}
const ids = (r: ReturnType<typeof list>) => r.map((x) => x.faq.id);

describe('resolveFaqList', () => {
  it('inserts the clinic FAQ at its position among brand FAQs', () => {
    const r = list();
    expect(ids(r)).toEqual(['a', 'local', 'b', 'c']);
    expect(r[1]).toEqual({
      faq: localFaq,
      question: 'Q local?',
      answer: 'A local',
      position: 15,
      sources: ['question', 'answer', 'position'].map((field) => ({
        field,
        scope: 'CLINIC',
        stale: false,
        missing: false,
      })),
    });
  });

  it('hides a brand FAQ hidden by the clinic', () => {
    expect(ids(list({ b: [set('CLINIC', 'hidden', true)] }))).toEqual(['a', 'local', 'c']);
  });

  it('applies a region hide to its clinics, unless the clinic unhides', () => {
    expect(ids(list({ a: [set('REGION', 'hidden', true)] }))).toEqual(['local', 'b', 'c']);
    const unhidden = list({
      a: [set('REGION', 'hidden', true), set('CLINIC', 'hidden', false)],
    });
    expect(ids(unhidden)).toContain('a');
  });

  it('does not let clinics hide a FAQ whose `hidden` is LOCKED', () => {
    const r = list({ a: [set('CLINIC', 'hidden', true)] }, { hidden: 'LOCKED' });
    expect(ids(r)).toEqual(['a', 'local', 'b', 'c']);
  });

  it('reorders by an overridden position, ties by original position then id', () => {
    const r = list({
      c: [set('CLINIC', 'position', 1, 30)],
      b: [set('REGION', 'position', 10, 20)],
    });
    expect(ids(r)).toEqual(['c', 'a', 'b', 'local']);
    expect(r[0].position).toBe(1);
    expect(r[0].sources.find((s) => s.field === 'position')).toEqual({
      field: 'position',
      scope: 'CLINIC',
      stale: false,
      missing: false,
    });
    const twins = resolveFaqList([faq('y', 5), faq('x', 5)], [], new Map(), {
      forClinic: true,
      policies: new Map(),
    });
    expect(ids(twins)).toEqual(['x', 'y']);
  });

  it('overrides an answer and reports where it came from and whether it is stale', () => {
    const r = list({ a: [set('CLINIC', 'answer', 'Local answer', 'Old A')] });
    const a = r.find((x) => x.faq.id === 'a')!;
    expect(a.answer).toBe('Local answer');
    expect(a.question).toBe('Q a?');
    expect(a.faq.answer).toBe('A a');
    expect(a.sources).toEqual([
      { field: 'question', scope: 'BRAND', stale: false, missing: false },
      { field: 'answer', scope: 'CLINIC', stale: true, missing: false },
      { field: 'position', scope: 'BRAND', stale: false, missing: false },
    ]);
  });

  it('keeps the brand answer when answer is LOCKED', () => {
    const r = list({ a: [set('CLINIC', 'answer', 'Local answer')] }, { answer: 'LOCKED' });
    expect(r[0].answer).toBe('A a');
  });

  it('ignores overrides whose value has the wrong type', () => {
    const r = list({
      a: [set('CLINIC', 'position', '99'), set('CLINIC', 'hidden', 'yes')],
    });
    expect(ids(r)[0]).toBe('a');
    expect(r[0].position).toBe(10);
  });

  it('without a clinic shows brand FAQs only, unchanged', () => {
    const r = list(
      { a: [set('CLINIC', 'hidden', true)], b: [set('REGION', 'answer', 'x')] },
      {},
      { forClinic: false },
    );
    expect(ids(r)).toEqual(['a', 'b', 'c']);
    expect(r.map((x) => x.answer)).toEqual(['A a', 'A b', 'A c']);
    expect(r.flatMap((x) => x.sources).every((s) => s.scope === 'BRAND')).toBe(true);
  });

  it('does not mutate its (frozen) inputs', () => {
    expect(() =>
      list({
        c: [set('CLINIC', 'position', 1)],
        a: [set('CLINIC', 'hidden', true)],
      }),
    ).not.toThrow();
    expect(brandFaqs.map((f) => [f.id, f.position])).toEqual([
      ['a', 10],
      ['b', 20],
      ['c', 30],
    ]);
  });
});

describe('hiddenBrandFaqs', () => {
  const hidden = (overrides: Record<string, OverrideLayer[]>, forClinic = true) =>
    hiddenBrandFaqs(brandFaqs, new Map(Object.entries(deepFreeze(overrides))), {
      forClinic,
      policies: new Map(),
    }).map(({ faq, hiddenBy }) => [faq.id, hiddenBy]);

  it('names the place whose hidden override wins: the clinic over its region', () => {
    expect(
      hidden({
        a: [set('REGION', 'hidden', true)],
        b: [set('CLINIC', 'hidden', true)],
        c: [set('REGION', 'hidden', true), set('CLINIC', 'hidden', false)],
      }),
    ).toEqual([
      ['a', 'REGION'],
      ['b', 'CLINIC'],
    ]);
  });

  it('lists exactly what resolveFaqList leaves out, and nothing for the brand version', () => {
    const overrides = { b: [set('REGION', 'hidden', true)] };
    expect(hidden(overrides).map(([id]) => id)).toEqual(['b']);
    expect(ids(list(overrides))).not.toContain('b');
    expect(hidden(overrides, false)).toEqual([]);
  });
});
