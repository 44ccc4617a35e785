import { ANONYMOUS, type Actor } from '../auth/actor';
import { CONTENT_TYPE_DEFS } from '../content-types/registry';
import { itemPermissions } from './item-permissions';
import { BRAND, user } from './callers.fixture-spec';

const austinClinic = {
  brandId: BRAND,
  level: 'CLINIC' as const,
  regionIds: ['tx'],
  clinicIds: ['austin'],
};
const can = (actor: Actor) => itemPermissions(actor, CONTENT_TYPE_DEFS.CLINIC, austinClinic);

describe('itemPermissions (a clinic)', () => {
  it('lets a clinic editor edit and publish their clinic, but not its brand-only fields, nor delete it', () => {
    expect(can(user('CLINIC_EDITOR', [], ['austin']))).toEqual({
      edit: { allowed: true, reason: null },
      editBrandFields: { allowed: false, reason: 'Only brand editors may change these fields' },
      publish: { allowed: true, reason: null },
      delete: { allowed: false, reason: 'Only brand editors may delete or unpublish it' },
    });
  });

  it('lets a clinic editor delete their clinic’s own items (a price)', () => {
    const price = itemPermissions(
      user('CLINIC_EDITOR', [], ['austin']),
      CONTENT_TYPE_DEFS.PRICE_ITEM,
      austinClinic,
    );
    expect(price.delete).toEqual({ allowed: true, reason: null });
  });

  it('gives brand editors everything', () => {
    expect(can(user('BRAND_EDITOR')).editBrandFields).toEqual({ allowed: true, reason: null });
  });

  it.each([
    ['anonymous', ANONYMOUS, 'Sign in to edit'],
    [
      'another region’s editor',
      user('REGION_EDITOR', ['co']),
      'This is outside the regions you edit',
    ],
    [
      'another clinic’s editor',
      user('CLINIC_EDITOR', [], ['denver']),
      'This is not one of the clinics you edit',
    ],
    [
      'an editor of another brand',
      { ...user('BRAND_EDITOR'), brandId: 'brand-b' },
      'You may not change this item',
    ],
  ])('refuses %s everything, with the reason', (_who, actor, reason) => {
    const refused = { allowed: false, reason };
    expect(can(actor as Actor)).toEqual({
      edit: refused,
      editBrandFields: refused,
      publish: refused,
      delete: refused,
    });
  });
});

describe('itemPermissions (a provider: canonical, with local fields)', () => {
  const maya = {
    brandId: BRAND,
    level: 'BRAND' as const,
    regionIds: ['tx'],
    clinicIds: ['austin'],
  };
  const provider = (actor: Actor, draftFields: string[] = []) =>
    itemPermissions(actor, CONTENT_TYPE_DEFS.PROVIDER, maya, draftFields);

  it('lets an editor of one of its clinics edit its local fields and publish a draft of them', () => {
    expect(provider(user('CLINIC_EDITOR', [], ['austin']), ['bio'])).toEqual({
      edit: { allowed: true, reason: null },
      editBrandFields: { allowed: false, reason: 'Only brand editors may change these fields' },
      publish: { allowed: true, reason: null },
      delete: { allowed: false, reason: 'Only brand editors may delete or unpublish it' },
    });
  });

  it('refuses to publish a draft of brand fields (its name), as publish would', () => {
    expect(provider(user('CLINIC_EDITOR', [], ['austin']), ['name']).publish).toEqual({
      allowed: false,
      reason: 'Its draft changes fields only brand editors may publish',
    });
  });

  it('refuses editors of other clinics', () => {
    expect(provider(user('CLINIC_EDITOR', [], ['denver'])).edit.allowed).toBe(false);
  });
});
