import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIT_ACTIONS, type AuditActor } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { badInput, DomainError } from '../common/domain-error';
import { cancelPendingSchedulesOf } from '../editing/schedule-creator';
import type { Actor, EditorRole } from './actor';
import { PASSWORD_RESET_TTL_HOURS } from './auth-policy';
import { PasswordReset } from './dtos/password-reset.object';
import type { User } from './dtos/user.object';
import { hashPassword } from './password';
import { assertAcceptablePassword } from './password-policy';
import { issuePasswordReset } from './password-reset-tokens';
import { hashToken } from './tokens';
import { UserClinicEntity, UserRegionEntity } from './user-assignments.entity';
import { UserEntity } from './user.entity';
import { assertAssignmentsFitRole, assertOwnedByBrand, toUser } from './users.service';
import { requireBrandPermission } from '../access/brand-access';
import { Permission } from '../access/permission';

/**
 * Who acts on a brand's accounts: its brand admin (GraphQL, see
 * `adminContext`), or the CLI, which is trusted with any brand.
 */
export interface AdminContext {
  brandId: string;
  by: Actor | AuditActor;
  ip?: string | null;
}

/** The caller's own brand, for brand admins (users or admin keys) only. */
export function adminContext(actor: Actor, ip: string | null): AdminContext {
  const admin = requireBrandPermission(actor, Permission.BrandAdmin);
  return { brandId: admin.brandId, by: admin, ip };
}

export interface RoleChange {
  role: EditorRole;
  regionIds?: string[] | null;
  clinicIds?: string[] | null;
}

/**
 * Offboarding and upkeep of a brand's accounts: disable and enable, end
 * sessions, change a role and its places, issue and use one-time password
 * resets. Every change is audited in its transaction. A user of another
 * brand is answered exactly like a missing one.
 */
@Injectable()
export class AccountAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The account can no longer sign in, its sessions end at once, its
   * unused reset tokens are spent, and its pending scheduled publications
   * are cancelled. Disabling a disabled account changes nothing more.
   */
  disableUser(admin: AdminContext, userId: string): Promise<User> {
    return this.db.transaction(async (manager) => {
      const user = await this.lockTarget(manager, admin, userId, 'disable');
      await manager.query(
        `UPDATE users SET disabled_at = coalesce(disabled_at, now()), updated_at = now(),
                          version = version + 1
          WHERE id = $1`,
        [userId],
      );
      const sessionsEnded = await endSessions(manager, userId);
      await manager.query(
        `UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
        [userId],
      );
      const schedulesCancelled = await cancelPendingSchedulesOf(
        manager,
        { userId },
        'Cancelled: the user who scheduled it was disabled',
      );
      await this.record(manager, admin, AUDIT_ACTIONS.DISABLE_USER, user, {
        email: user.email,
        sessionsEnded,
        schedulesCancelled: schedulesCancelled.length,
      });
      return toUser(await manager.findOneByOrFail(UserEntity, { id: userId }));
    });
  }

  /** The account may sign in again (with its current password; sessions stay ended). */
  enableUser(admin: AdminContext, userId: string): Promise<User> {
    return this.db.transaction(async (manager) => {
      const user = await this.lockTarget(manager, admin, userId);
      await manager.query(
        `UPDATE users SET disabled_at = NULL, updated_at = now(), version = version + 1 WHERE id = $1`,
        [userId],
      );
      await this.record(manager, admin, AUDIT_ACTIONS.ENABLE_USER, user, { email: user.email });
      return toUser(await manager.findOneByOrFail(UserEntity, { id: userId }));
    });
  }

  /** Ends every session of the user (their tokens stop working at once); how many there were. */
  revokeSessions(admin: AdminContext, userId: string): Promise<number> {
    return this.db.transaction(async (manager) => {
      const user = await this.lockTarget(manager, admin, userId);
      const sessionsEnded = await endSessions(manager, userId);
      await this.record(manager, admin, AUDIT_ACTIONS.REVOKE_SESSIONS, user, { sessionsEnded });
      return sessionsEnded;
    });
  }

  /**
   * A new role with the regions or clinics it needs (replacing the old
   * ones). Takes effect on the user's next request: access is read per request.
   */
  updateUserRole(admin: AdminContext, userId: string, change: RoleChange): Promise<User> {
    const regionIds = change.regionIds ?? [];
    const clinicIds = change.clinicIds ?? [];
    assertAssignmentsFitRole(change.role, regionIds, clinicIds);
    return this.db.transaction(async (manager) => {
      const user = await this.lockTarget(manager, admin, userId, 'change the role of');
      await assertOwnedByBrand(manager, 'regions', 'regionIds', admin.brandId, regionIds);
      await assertOwnedByBrand(manager, 'clinics', 'clinicIds', admin.brandId, clinicIds);
      const before = await assignmentsOf(manager, userId);
      await manager.query(
        `UPDATE users SET role = $2, updated_at = now(), version = version + 1 WHERE id = $1`,
        [userId, change.role],
      );
      await manager.delete(UserRegionEntity, { userId });
      await manager.delete(UserClinicEntity, { userId });
      await manager.insert(
        UserRegionEntity,
        regionIds.map((regionId) => ({ userId, regionId })),
      );
      await manager.insert(
        UserClinicEntity,
        clinicIds.map((clinicId) => ({ userId, clinicId })),
      );
      await this.record(manager, admin, AUDIT_ACTIONS.UPDATE_USER_ROLE, user, {
        before: { role: user.role, ...before },
        after: { role: change.role, regionIds, clinicIds },
      });
      return toUser(await manager.findOneByOrFail(UserEntity, { id: userId }));
    });
  }

  /**
   * A one-time token for the user to set a new password with (resetPassword),
   * so the admin never learns it. Only its hash is stored; issuing a new one
   * spends any earlier unused one.
   */
  createPasswordReset(admin: AdminContext, userId: string): Promise<PasswordReset> {
    return this.db.transaction(async (manager) => {
      const user = await this.lockTarget(manager, admin, userId);
      const { token, expiresAt } = await issuePasswordReset(
        manager,
        userId,
        PASSWORD_RESET_TTL_HOURS,
      );
      await this.record(manager, admin, AUDIT_ACTIONS.CREATE_PASSWORD_RESET, user, {
        email: user.email,
        expiresAt,
      });
      return { token, expiresAt, userId };
    });
  }

  /**
   * Sets a new password with a reset token, which is then spent; every
   * session of the account ends. Anyone holding the token may do it.
   */
  async resetPassword(token: string, newPassword: string, ip: string | null): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const [reset] = (await manager.query(
        `SELECT r.id, r.user_id FROM password_resets r
          WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now()
          FOR UPDATE`,
        [hashToken(token)],
      )) as { id: string; user_id: string }[];
      if (!reset) {
        throw badInput(
          'token',
          'this reset token is unknown, expired or already used: ask your brand admin for a new one',
        );
      }
      const user = await manager.findOneByOrFail(UserEntity, { id: reset.user_id });
      await assertAcceptablePassword('newPassword', newPassword, user.email);
      await manager.query(
        `UPDATE users SET password_hash = $2, updated_at = now(), version = version + 1 WHERE id = $1`,
        [user.id, await hashPassword(newPassword)],
      );
      await manager.query(`UPDATE password_resets SET used_at = now() WHERE id = $1`, [reset.id]);
      const sessionsEnded = await endSessions(manager, user.id);
      await this.audit.record(
        {
          brandId: user.brandId,
          actor: { kind: 'USER', id: user.id, label: user.email },
          action: AUDIT_ACTIONS.RESET_PASSWORD,
          targetType: 'USER',
          targetId: user.id,
          details: { sessionsEnded },
          ip,
        },
        manager,
      );
      return true;
    });
  }

  /**
   * The brand's user, row-locked for the change; NOT_FOUND for a missing
   * user and for another brand's alike. `selfRefused` names an operation an
   * admin may not apply to their own account (it would lock them out).
   */
  private async lockTarget(
    manager: EntityManager,
    admin: AdminContext,
    userId: string,
    selfRefused?: string,
  ): Promise<UserEntity> {
    const user = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .setLock('pessimistic_write')
      .where('user.id = :userId AND user.brand_id = :brandId', {
        userId,
        brandId: admin.brandId,
      })
      .getOne();
    if (!user) {
      throw new DomainError('NOT_FOUND', 'userId: no such user in your brand', {
        argument: 'userId',
      });
    }
    if (selfRefused && 'userId' in admin.by && admin.by.userId === userId) {
      throw badInput(
        'userId',
        `you cannot ${selfRefused} your own account: ask another brand admin`,
      );
    }
    return user;
  }

  private record(
    manager: EntityManager,
    admin: AdminContext,
    action: string,
    user: UserEntity,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        brandId: admin.brandId,
        actor: admin.by,
        action,
        targetType: 'USER',
        targetId: user.id,
        details,
        ip: admin.ip,
      },
      manager,
    );
  }
}

/** Revokes the user's open sessions (all, or all but one); how many. */
export async function endSessions(
  manager: EntityManager,
  userId: string,
  exceptSessionId: string | null = null,
): Promise<number> {
  const [, count] = (await manager.query(
    `UPDATE sessions SET revoked_at = now()
      WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`,
    [userId, exceptSessionId],
  )) as [unknown, number];
  return count;
}

async function assignmentsOf(
  manager: EntityManager,
  userId: string,
): Promise<{ regionIds: string[]; clinicIds: string[] }> {
  const [row] = (await manager.query(
    `SELECT ARRAY(SELECT region_id FROM user_regions WHERE user_id = $1 ORDER BY region_id) AS "regionIds",
            ARRAY(SELECT clinic_id FROM user_clinics WHERE user_id = $1 ORDER BY clinic_id) AS "clinicIds"`,
    [userId],
  )) as { regionIds: string[]; clinicIds: string[] }[];
  return row;
}
