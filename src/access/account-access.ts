import type { Actor } from '../auth/actor';
import { brandPermission } from './brand-access';
import { Permission, type PermissionAnswer } from './permission';

/**
 * What the caller may do with one account of `brandId` (`User.viewerCan`):
 * the rules of the account mutations, including that an admin may not
 * disable or demote their own account (it would lock them out).
 */
export function accountPermissions(
  actor: Actor,
  target: { id: string; brandId: string },
): Record<'changeRole' | 'disable' | 'enable', PermissionAnswer> {
  const admin = brandPermission(actor, Permission.BrandAdmin, target.brandId);
  const self = actor.kind === 'USER' && actor.userId === target.id;
  const notOnSelf = (what: string) =>
    admin.allowed && self
      ? { allowed: false, reason: `You cannot ${what} your own account: ask another brand admin` }
      : admin;
  return {
    changeRole: notOnSelf('change the role of'),
    disable: notOnSelf('disable'),
    enable: admin,
  };
}
