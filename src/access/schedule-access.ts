import type { Actor } from '../auth/actor';
import { checkBrandAccess } from './brand-access';
import { Permission } from './permission';

/** What the rules need of a scheduled publication: its brand and who made it. */
export interface ScheduleOwner {
  brandId: string;
  actor: Actor;
}

/**
 * Permission.ScheduleCancel (status aside): brand-wide editors any schedule
 * of their brand, other editors the ones they made. The one rule for
 * cancelScheduledPublication and ScheduledPublication.viewerCan.
 */
export function checkScheduleAccess(
  actor: Actor,
  permission: Permission.ScheduleCancel,
  schedule: ScheduleOwner,
): boolean {
  switch (permission) {
    case Permission.ScheduleCancel:
      if (actor.kind === 'ANONYMOUS' || actor.brandId !== schedule.brandId) return false;
      if (checkBrandAccess(actor, Permission.BrandWideEdit)) return true;
      return (
        actor.kind === 'USER' &&
        schedule.actor.kind === 'USER' &&
        schedule.actor.userId === actor.userId
      );
  }
}
