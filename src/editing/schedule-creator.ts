import type { EntityManager } from 'typeorm';
import { type Actor, type ApiKeyScope, type EditorRole, rolesRegions } from '../auth/actor';
import { updateReturning } from '../database/update-returning';

/** Why a scheduled publication did not publish (ScheduleFailureReason in the API). */
export type ScheduleFailureReason =
  | 'CREATOR_REVOKED'
  | 'CREATOR_NOT_ALLOWED'
  | 'ITEM_CHANGED'
  | 'PUBLISH_FAILED'
  | 'COMPLIANCE_BLOCKED';

/** A schedule that may not run, with the reason recorded on it. */
export class ScheduleFailure extends Error {
  constructor(
    readonly reason: ScheduleFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleFailure';
  }
}

/**
 * The creator of a schedule as it stands now: a schedule carries no
 * authority of its own, so at run time it acts with the current role,
 * places and scopes of the account or key that made it, and not at all once
 * the key is revoked or expired or the account disabled or removed.
 */
export async function currentCreator(tx: EntityManager, stored: Actor): Promise<Actor> {
  if (stored.kind === 'API_KEY') {
    const [key]: {
      scopes: ApiKeyScope[];
      clinic_ids: string[] | null;
      revoked: boolean;
      expired: boolean;
    }[] = await tx.query(
      `SELECT scopes, clinic_ids, revoked_at IS NOT NULL AS revoked,
              coalesce(expires_at <= now(), false) AS expired
         FROM api_keys WHERE id = $1`,
      [stored.apiKeyId],
    );
    if (!key || key.revoked) throw revoked('The API key that scheduled it was revoked');
    if (key.expired) throw revoked('The API key that scheduled it has expired');
    return { ...stored, scopes: key.scopes, clinicIds: key.clinic_ids };
  }
  if (stored.kind === 'USER') {
    const [user]: {
      role: EditorRole;
      disabled: boolean;
      region_ids: string[];
      clinic_ids: string[];
    }[] = await tx.query(
      `SELECT u.role, u.disabled_at IS NOT NULL AS disabled,
              ARRAY(SELECT region_id FROM user_regions WHERE user_id = u.id ORDER BY region_id) AS region_ids,
              ARRAY(SELECT clinic_id FROM user_clinics WHERE user_id = u.id ORDER BY clinic_id) AS clinic_ids
         FROM users u WHERE u.id = $1`,
      [stored.userId],
    );
    if (!user) throw revoked('The account that scheduled it no longer exists');
    if (user.disabled) throw revoked('The account that scheduled it is disabled');
    return {
      ...stored,
      role: user.role,
      // Assignments count only for the roles they scope (as at sign-in).
      regionIds: rolesRegions(user.role, user.region_ids),
      clinicIds: user.role === 'CLINIC_EDITOR' ? user.clinic_ids : [],
    };
  }
  throw revoked('A schedule needs a signed-in creator');
}

/**
 * Cancels the pending schedules an API key or account made, when it loses
 * access (the key revoked, the account disabled), in the caller's
 * transaction. Returns their ids, for the audit entry of the revocation.
 */
export async function cancelPendingSchedulesOf(
  tx: EntityManager,
  creator: { apiKeyId: string } | { userId: string },
  why: string,
): Promise<string[]> {
  const [key, id] =
    'apiKeyId' in creator ? ['apiKeyId', creator.apiKeyId] : ['userId', creator.userId];
  const rows = await updateReturning<{ id: string }>(
    tx,
    `UPDATE scheduled_publications
        SET status = 'CANCELLED', completed_at = now(), error = $3, failure_reason = 'CREATOR_REVOKED'
      WHERE status = 'PENDING' AND actor->>$1 = $2
      RETURNING id`,
    [key, id, why],
  );
  return rows.map((row) => row.id);
}

function revoked(message: string): ScheduleFailure {
  return new ScheduleFailure('CREATOR_REVOKED', message);
}
