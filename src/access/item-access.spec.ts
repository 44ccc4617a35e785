import { BRAND, key, user } from './callers.fixture-spec';
import { type ItemPlacement, mayChangePublication, mayEdit, refusal } from './item-access';

const placement = (
  level: ItemPlacement['level'],
  regionIds: string[] = [],
  clinicIds: string[] = [],
): ItemPlacement => ({
  brandId: BRAND,
  level,
  regionIds,
  clinicIds,
});

describe('mayEdit', () => {
  const admin = user('BRAND_ADMIN');
  const editor = user('BRAND_EDITOR');
  const texas = user('REGION_EDITOR', ['tx']);
  const austin = user('CLINIC_EDITOR', [], ['austin']);
  const austinItem = placement('CLINIC', ['tx'], ['austin']);
  const denverItem = placement('CLINIC', ['co'], ['denver']);

  it.each([
    ['brand admin', admin, placement('ADMIN'), true],
    ['brand editor', editor, placement('ADMIN'), false],
    ['brand editor', editor, placement('BRAND'), true],
    ['brand editor', editor, denverItem, true],
    ['region editor', texas, placement('BRAND'), false],
    ['region editor', texas, austinItem, true],
    ['region editor', texas, placement('REGION', ['tx']), true],
    ['region editor', texas, placement('REGION', ['co']), false],
    ['region editor', texas, denverItem, false],
    ['clinic editor', austin, austinItem, true],
    ['clinic editor', austin, denverItem, false],
    ['clinic editor', austin, placement('REGION', ['tx']), false],
    ['clinic editor', austin, placement('BRAND'), false],
  ])('%s on %j → %s', (_name, actor, itemPlacement, allowed) => {
    expect(mayEdit(actor, { placement: itemPlacement as ItemPlacement, fields: ['name'] })).toBe(
      allowed,
    );
  });

  it('never lets anyone touch another brand', () => {
    for (const actor of [admin, editor, texas, austin]) {
      expect(mayEdit(actor, { placement: { ...austinItem, brandId: 'brand-b' }, fields: [] })).toBe(
        false,
      );
    }
  });

  it('lets clinic and region editors change only local fields of canonical items', () => {
    const provider = { placement: placement('BRAND', ['tx'], ['austin']), localFields: ['bio'] };
    expect(mayEdit(austin, { ...provider, fields: ['bio'] })).toBe(true);
    expect(mayEdit(texas, { ...provider, fields: ['bio'] })).toBe(true);
    expect(mayEdit(austin, { ...provider, fields: ['bio', 'name'] })).toBe(false);
    expect(mayEdit(austin, { ...provider, fields: [] })).toBe(false);
    expect(mayEdit(user('CLINIC_EDITOR', [], ['denver']), { ...provider, fields: ['bio'] })).toBe(
      false,
    );
  });

  it('keeps brand-only fields of clinic items for brand-wide editors', () => {
    const request = { placement: austinItem, fields: ['slug'], brandOnlyFields: ['slug'] };
    expect(mayEdit(austin, request)).toBe(false);
    expect(mayEdit(editor, request)).toBe(true);
  });

  it('treats API keys by scope: admin keys are brand admins, others never edit', () => {
    expect(mayEdit(key('admin'), { placement: placement('ADMIN'), fields: [] })).toBe(true);
    expect(mayEdit(key('preview'), { placement: austinItem, fields: [] })).toBe(false);
    expect(mayEdit({ kind: 'ANONYMOUS' }, { placement: austinItem, fields: [] })).toBe(false);
  });
});

describe('mayChangePublication', () => {
  const editor = user('BRAND_EDITOR');
  const texas = user('REGION_EDITOR', ['tx']);
  const austin = user('CLINIC_EDITOR', [], ['austin']);
  const provider = placement('BRAND', ['tx'], ['austin']);
  const clinic = placement('CLINIC', ['tx'], ['austin']);

  it('keeps brand items and clinics live or off at the brand’s call', () => {
    for (const local of [texas, austin]) {
      expect(mayChangePublication(local, provider)).toBe(false);
      expect(mayChangePublication(local, clinic, true)).toBe(false);
    }
    expect(mayChangePublication(editor, provider)).toBe(true);
    expect(mayChangePublication(editor, clinic, true)).toBe(true);
  });

  it('leaves a clinic’s own items to its editors', () => {
    expect(mayChangePublication(austin, clinic)).toBe(true);
    expect(mayChangePublication(texas, clinic)).toBe(true);
    expect(mayChangePublication(austin, placement('CLINIC', ['co'], ['denver']))).toBe(false);
  });
});

describe('refusal', () => {
  it('does not tell scoped editors whether an item exists', () => {
    const austin = user('CLINIC_EDITOR', [], ['austin']);
    expect(refusal(austin, false).message).toBe(refusal(austin, true, BRAND).message);
    expect(refusal(austin, false).code).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND to brand-wide editors for unknown or foreign ids alike', () => {
    const editor = user('BRAND_EDITOR');
    expect(refusal(editor, false).code).toBe('NOT_FOUND');
    expect(refusal(editor, true, 'brand-b').code).toBe('NOT_FOUND');
    expect(refusal({ kind: 'ANONYMOUS' }, true).code).toBe('UNAUTHENTICATED');
  });
});
