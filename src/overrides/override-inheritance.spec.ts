import { inheritedValue, repeatsInherited } from './override-inheritance';
import type { OverrideLayer } from '../content-resolution/resolve-fields';

const region = (value: unknown, field = 'summary'): OverrideLayer => ({
  scope: 'REGION',
  field,
  value,
  baseValue: 'Brand',
});

describe('inheritedValue', () => {
  it('is the brand value for a region, or a clinic whose region sets nothing', () => {
    expect(inheritedValue('summary', 'Brand', [], 'INHERITABLE')).toEqual({
      value: 'Brand',
      from: 'BRAND',
    });
  });

  it('is the region’s value for a clinic whose region overrides the field', () => {
    expect(inheritedValue('summary', 'Brand', [region('Texas')], 'INHERITABLE')).toEqual({
      value: 'Texas',
      from: 'REGION',
    });
  });

  it('ignores clinic layers and other fields', () => {
    const clinic: OverrideLayer = { ...region('Austin'), scope: 'CLINIC' };
    expect(
      inheritedValue('summary', 'Brand', [clinic, region('x', 'name')], 'INHERITABLE'),
    ).toEqual({ value: 'Brand', from: 'BRAND' });
  });

  it('follows delivery under CLINIC_REQUIRED: a blank region value does not count', () => {
    expect(
      inheritedValue('disclaimer', null, [region('  ', 'disclaimer')], 'CLINIC_REQUIRED'),
    ).toEqual({ value: null, from: 'BRAND' });
  });
});

describe('repeatsInherited', () => {
  const brand = { value: 'Brand', from: 'BRAND' } as const;
  const texas = { value: 'Texas', from: 'REGION' } as const;

  it('is true for the inherited value, compared as JSON', () => {
    expect(repeatsInherited('Brand', brand, 'INHERITABLE')).toBe(true);
    expect(repeatsInherited('Texas', texas, 'INHERITABLE')).toBe(true);
    expect(
      repeatsInherited(
        { sessions: { max: 6, min: 3 } },
        { value: { sessions: { min: 3, max: 6 } }, from: 'BRAND' },
        'INHERITABLE',
      ),
    ).toBe(true);
  });

  it('is false for a different value', () => {
    expect(repeatsInherited('Local', brand, 'INHERITABLE')).toBe(false);
    expect(repeatsInherited('Brand', texas, 'INHERITABLE')).toBe(false);
    expect(repeatsInherited(['a', 'b'], { value: ['b', 'a'], from: 'BRAND' }, 'INHERITABLE')).toBe(
      false,
    );
  });

  it('keeps a CLINIC_REQUIRED value equal to the brand’s (it answers the requirement), not the region’s', () => {
    expect(repeatsInherited('Brand', brand, 'CLINIC_REQUIRED')).toBe(false);
    expect(repeatsInherited('Texas', texas, 'CLINIC_REQUIRED')).toBe(true);
  });
});
