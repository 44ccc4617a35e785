import { PriceTerms, priceItemProblems, validityOverlaps } from './price-validity';

const range = (validFrom: string | null, validUntil: string | null) => ({ validFrom, validUntil });

describe('validityOverlaps', () => {
  it.each([
    [range('2026-01-01', '2026-06-30'), range('2026-07-01', '2026-12-31'), false],
    [range('2026-01-01', '2026-06-30'), range('2026-06-30', '2026-12-31'), true],
    [range('2026-03-01', '2026-03-31'), range('2026-01-01', '2026-12-31'), true],
    [range(null, null), range('2030-01-01', '2030-01-01'), true],
    [range(null, '2025-12-31'), range('2026-01-01', null), false],
    [range(null, '2026-01-01'), range('2026-01-01', null), true],
    [range('2026-01-01', null), range('2027-05-01', null), true],
    [range(null, '2026-01-01'), range(null, '2020-01-01'), true],
  ])('%j and %j → %s (both ways)', (a, b, expected) => {
    expect(validityOverlaps(a, b)).toBe(expected);
    expect(validityOverlaps(b, a)).toBe(expected);
  });
});

describe('priceItemProblems', () => {
  const item = (overrides: Partial<PriceTerms> = {}): PriceTerms => ({
    id: 'a',
    label: 'Single session',
    kind: 'SINGLE_SESSION',
    sessions: null,
    validFrom: '2026-01-01',
    validUntil: '2026-06-30',
    ...overrides,
  });

  it('accepts prices that differ in label, kind or days', () => {
    const others = [
      item({ id: 'b', label: 'Evening session' }),
      item({ id: 'c', kind: 'ADD_ON' }),
      item({ id: 'd', validFrom: '2026-07-01', validUntil: null }),
    ];
    expect(priceItemProblems(item(), others)).toEqual([]);
  });

  it('refuses the same label (ignoring case and spacing) and kind on a shared day', () => {
    const others = [item({ id: 'b', label: '  single   SESSION ', validFrom: '2026-06-30' })];
    const [problem] = priceItemProblems(item(), others);
    expect(problem.path).toBe('validFrom');
    expect(problem.rule).toContain('overlaps price item b');
  });

  it('treats open ends as infinite', () => {
    const others = [item({ id: 'b', validFrom: null, validUntil: null })];
    expect(priceItemProblems(item(), others)).toHaveLength(1);
  });

  it('never compares an item with itself', () => {
    expect(priceItemProblems(item(), [item()])).toEqual([]);
  });

  it('asks a PACKAGE for its sessions and an end not before its start', () => {
    expect(priceItemProblems(item({ kind: 'PACKAGE' }), [])).toEqual([
      { path: 'sessions', rule: 'is required for a PACKAGE' },
    ]);
    expect(
      priceItemProblems(item({ validFrom: '2026-02-01', validUntil: '2026-01-31' }), []),
    ).toEqual([{ path: 'validUntil', rule: 'must not be before validFrom (2026-02-01)' }]);
  });
});

describe('priceItemProblems: currency', () => {
  const item: PriceTerms = {
    id: 'a',
    label: 'Single session',
    kind: 'SINGLE_SESSION',
    validFrom: null,
    validUntil: null,
    currency: 'EUR',
  };
  it('names the clinic’s currency when the item is in another', () => {
    expect(priceItemProblems(item, [], 'USD')).toEqual([
      { path: 'currency', rule: 'must be the clinic’s currency (USD)' },
    ]);
  });
  it('accepts the clinic’s currency in any case', () => {
    expect(priceItemProblems({ ...item, currency: 'usd' }, [], 'USD')).toEqual([]);
  });
});
