import { ANONYMOUS, type Actor, type EditorRole } from '../auth/actor';
import { CONTENT_TYPE_DEFS } from './content-types';
import { itemPermissions } from './item-permissions';

const BRAND = 'brand-a';
const user = (role: EditorRole, regionIds: string[] = [], clinicIds: string[] = []): Actor => ({
  kind: 'USER',
  userId: 'u',
  sessionId: 's',
  brandId: BRAND,
  email: 'e@x.example',
  role,
  regionIds,
  clinicIds,
});
const austinClinic = {
  brandId: BRAND,
  level: 'CLINIC' as const,
  regionIds: ['tx'],
  clinicIds: ['austin'],
};
const can = (actor: Actor) => itemPermissions(actor, CONTENT_TYPE_DEFS.CLINIC, austinClinic);

describe('itemPermissions (a clinic)', () => {
  it('lets a clinic editor edit, publish and delete their clinic but not its brand-only fields', () => {
    expect(can(user('CLINIC_EDITOR', [], ['austin']))).toEqual({
      edit: { allowed: true, reason: null },
      editBrandFields: { allowed: false, reason: 'Only brand editors may change these fields' },
      publish: { allowed: true, reason: null },
      delete: { allowed: true, reason: null },
    });
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
