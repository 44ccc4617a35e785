import { resolveFields, sameValue, type FieldPolicy, type OverrideLayer } from './resolve-fields';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const brand = deepFreeze({
  summary: 'Brand summary',
  disclaimer: null as string | null,
  facts: { sessions: { min: 3, max: 6 } },
  slug: 'micro-needling',
});
const FIELDS = ['summary', 'disclaimer', 'facts'] as const;

const layer = (
  scope: OverrideLayer['scope'],
  field: string,
  value: unknown,
  baseValue: unknown = brand[field as keyof typeof brand],
): OverrideLayer => ({ scope, field, value, baseValue });

function resolve(
  overrides: OverrideLayer[],
  policies: Record<string, FieldPolicy> = {},
  forClinic = true,
) {
  return resolveFields(brand, FIELDS, deepFreeze(overrides), {
    forClinic,
    policies: new Map(Object.entries(policies)),
  });
}
const source = (r: ReturnType<typeof resolve>, field: string) =>
  r.sources.find((s) => s.field === field);

describe('resolveFields', () => {
  it('uses brand values when nothing overrides them', () => {
    const r = resolve([]);
    expect(r.values).toEqual(brand);
    expect(r.sources).toEqual(
      FIELDS.map((field) => ({
        field,
        scope: 'BRAND',
        stale: false,
        missing: false,
      })),
    );
  });

  it('lets the nearest scope win: clinic over region over brand', () => {
    const r = resolve([
      layer('REGION', 'summary', 'Region summary'),
      layer('CLINIC', 'summary', 'Clinic summary'),
      layer('REGION', 'disclaimer', 'Texas disclaimer'),
    ]);
    expect(r.values.summary).toBe('Clinic summary');
    expect(r.values.disclaimer).toBe('Texas disclaimer');
    expect(r.values.facts).toBe(brand.facts);
    expect(source(r, 'summary')?.scope).toBe('CLINIC');
    expect(source(r, 'disclaimer')?.scope).toBe('REGION');
    expect(source(r, 'facts')?.scope).toBe('BRAND');
  });

  it('copies fields it is not asked to resolve and ignores their overrides', () => {
    const r = resolve([layer('CLINIC', 'slug', 'other')]);
    expect(r.values.slug).toBe('micro-needling');
    expect(source(r, 'slug')).toBeUndefined();
  });

  it('LOCKED keeps the brand value whatever region and clinic write', () => {
    const r = resolve(
      [
        layer('REGION', 'facts', { sessions: { min: 1, max: 1 } }, null),
        layer('CLINIC', 'facts', { sessions: { min: 2, max: 2 } }, null),
      ],
      { facts: 'LOCKED' },
    );
    expect(r.values.facts).toBe(brand.facts);
    expect(source(r, 'facts')).toEqual({
      field: 'facts',
      scope: 'BRAND',
      stale: false,
      missing: false,
    });
  });

  it('INHERITABLE is the default and lets an override clear a value', () => {
    const r = resolve([layer('CLINIC', 'summary', null)], {
      summary: 'INHERITABLE',
    });
    expect(r.values.summary).toBeNull();
    expect(source(r, 'summary')?.scope).toBe('CLINIC');
  });

  describe('CLINIC_REQUIRED', () => {
    const policies = { disclaimer: 'CLINIC_REQUIRED' } as const;

    it('reports missing for a clinic that neither it nor its region sets', () => {
      const r = resolve([], policies);
      expect(r.values.disclaimer).toBeNull();
      expect(source(r, 'disclaimer')).toMatchObject({
        scope: 'BRAND',
        missing: true,
      });
    });

    it('is satisfied by the region', () => {
      const r = resolve([layer('REGION', 'disclaimer', 'TX')], policies);
      expect(r.values.disclaimer).toBe('TX');
      expect(source(r, 'disclaimer')).toMatchObject({
        scope: 'REGION',
        missing: false,
      });
    });

    it('is satisfied by the clinic', () => {
      const r = resolve([layer('CLINIC', 'disclaimer', 'Austin')], policies);
      expect(source(r, 'disclaimer')).toMatchObject({
        scope: 'CLINIC',
        missing: false,
      });
    });

    it('does not count a blank clinic value as set', () => {
      const r = resolve(
        [layer('CLINIC', 'disclaimer', '  '), layer('REGION', 'disclaimer', 'TX')],
        policies,
      );
      expect(r.values.disclaimer).toBe('TX');
      const blank = resolve([layer('CLINIC', 'disclaimer', '')], policies);
      expect(blank.values.disclaimer).toBeNull();
      expect(source(blank, 'disclaimer')?.missing).toBe(true);
    });

    it('reports nothing missing in the brand version, and ignores overrides there', () => {
      const r = resolve([layer('CLINIC', 'summary', 'x')], policies, false);
      expect(r.values).toEqual(brand);
      expect(r.sources.every((s) => !s.missing && s.scope === 'BRAND')).toBe(true);
    });
  });

  describe('stale', () => {
    it('is false when the override was written against the current brand value', () => {
      const r = resolve([layer('CLINIC', 'facts', {}, { sessions: { max: 6, min: 3 } })]);
      expect(source(r, 'facts')?.stale).toBe(false);
    });

    it('is true when the brand changed the field since', () => {
      const r = resolve([layer('CLINIC', 'summary', 'Local', 'Old summary')]);
      expect(source(r, 'summary')).toMatchObject({
        scope: 'CLINIC',
        stale: true,
      });
    });

    it('treats undefined and null as the same base', () => {
      const r = resolve([layer('REGION', 'disclaimer', 'TX', undefined)]);
      expect(source(r, 'disclaimer')?.stale).toBe(false);
    });

    it('only looks at the winning override', () => {
      const r = resolve([
        layer('REGION', 'summary', 'R', 'Old summary'),
        layer('CLINIC', 'summary', 'C'),
      ]);
      expect(source(r, 'summary')?.stale).toBe(false);
    });
  });

  it('never mutates its (frozen) inputs', () => {
    const overrides = [layer('CLINIC', 'summary', 'C')];
    expect(() => resolve(overrides)).not.toThrow();
    expect(brand.summary).toBe('Brand summary');
  });
});

describe('sameValue', () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [null, undefined, true],
    [{ a: null }, {}, true],
    [{ a: undefined }, { a: null }, true],
    [[1, 2], [2, 1], false],
    [{ a: 1 }, { a: '1' }, false],
    [[], {}, false],
    [null, 0, false],
    ['', null, false],
    [{ a: [1] }, { a: [1, 2] }, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
    expect(sameValue(b, a)).toBe(expected);
  });
});
