import { ANONYMOUS, type Actor } from '../auth/actor';
import {
  brandPermission,
  type BrandPermission,
  checkBrandAccess,
  requireBrandPermission,
} from './brand-access';
import { Permission } from './permission';
import { checkScheduleAccess } from './schedule-access';
import { BRAND, key, user } from './callers.fixture-spec';

const CALLERS: [string, Actor][] = [
  ['brand admin', user('BRAND_ADMIN')],
  ['brand editor', user('BRAND_EDITOR')],
  ['region editor', user('REGION_EDITOR')],
  ['clinic editor', user('CLINIC_EDITOR')],
  ['medical reviewer', user('MEDICAL_REVIEWER')],
  ['admin key', key('admin')],
  ['preview key', key('preview')],
  ['partner key', key('partner')],
  ['delivery key', key('delivery')],
];

describe('checkBrandAccess', () => {
  // One row a permission: which of CALLERS hold it, in CALLERS' order.
  it.each([
    [Permission.DraftRead, [1, 1, 1, 1, 1, 1, 1, 0, 0]],
    [Permission.BrandAdmin, [1, 0, 0, 0, 0, 1, 0, 0, 0]],
    [Permission.BrandWideEdit, [1, 1, 0, 0, 0, 1, 0, 0, 0]],
    [Permission.BrandContentEdit, [1, 1, 0, 0, 0, 1, 0, 0, 0]],
    [Permission.FeedRead, [1, 0, 0, 0, 0, 1, 0, 1, 0]],
    [Permission.ScheduleUse, [1, 1, 1, 1, 1, 1, 0, 0, 0]],
  ] as const)('%s', (permission, expected) => {
    expect(CALLERS.map(([, actor]) => Number(checkBrandAccess(actor, permission)))).toEqual(
      expected,
    );
  });

  it('refuses every permission in another brand, and to anonymous callers', () => {
    const permissions: BrandPermission[] = [
      Permission.DraftRead,
      Permission.BrandAdmin,
      Permission.FeedRead,
    ];
    for (const permission of permissions) {
      expect(checkBrandAccess(user('BRAND_ADMIN'), permission, 'brand-b')).toBe(false);
      expect(checkBrandAccess(key('admin'), permission, 'brand-b')).toBe(false);
      expect(checkBrandAccess(ANONYMOUS, permission)).toBe(false);
    }
  });
});

describe('requireBrandPermission and brandPermission', () => {
  it('asks anonymous callers to sign in, and refuses the others with the permission’s words', () => {
    expect(() => requireBrandPermission(ANONYMOUS, Permission.BrandAdmin)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() => requireBrandPermission(user('BRAND_EDITOR'), Permission.BrandAdmin)).toThrow(
      'Only brand admins may do this',
    );
    expect(brandPermission(user('BRAND_EDITOR'), Permission.BrandAdmin, BRAND)).toEqual({
      allowed: false,
      reason: 'Only brand admins may do this',
    });
    expect(brandPermission(user('BRAND_ADMIN'), Permission.BrandAdmin, BRAND)).toEqual({
      allowed: true,
      reason: null,
    });
  });
});

describe('checkScheduleAccess', () => {
  const made = (actor: Actor) => ({ brandId: BRAND, actor });
  it('lets brand-wide editors cancel any schedule of their brand, others only their own', () => {
    const author = user('CLINIC_EDITOR', [], [], 'author');
    expect(checkScheduleAccess(author, Permission.ScheduleCancel, made(author))).toBe(true);
    expect(
      checkScheduleAccess(
        user('CLINIC_EDITOR', [], [], 'other'),
        Permission.ScheduleCancel,
        made(author),
      ),
    ).toBe(false);
    expect(checkScheduleAccess(user('BRAND_EDITOR'), Permission.ScheduleCancel, made(author))).toBe(
      true,
    );
    expect(
      checkScheduleAccess(user('BRAND_EDITOR'), Permission.ScheduleCancel, {
        brandId: 'brand-b',
        actor: author,
      }),
    ).toBe(false);
  });
});
