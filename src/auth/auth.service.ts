import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIT_ACTIONS, type AuditActor } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { BrandEntity } from '../brands/brand.entity';
import { badInput, DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Actor } from './actor';
import { ACCESS_TOKEN_TTL_MINUTES, MAX_ACCOUNTS_PER_EMAIL } from './auth-policy';
import { AuthPayload } from './dtos/auth-payload.object';
import { LoginInput } from './dtos/login.input';
import { LoginThrottleService } from './login-throttle.service';
import { endSessions } from './account-admin.service';
import { ChangePasswordInput } from './dtos/user-account.inputs';
import { hashPassword, unknownUserHash } from './password';
import { assertAcceptablePassword } from './password-policy';
import { PasswordCheckQueue } from './password-check-queue';
import type { RequestOrigin } from './request-origin';
import { hashToken, newAccessToken, newRefreshToken } from './tokens';
import { UserEntity } from './user.entity';
import { toUser } from './users.service';
import { requireUser } from '../access/callers';

const INVALID_CREDENTIALS = 'Invalid email or password';

const unauthenticated = (message: string, details?: Record<string, unknown>) =>
  new DomainError('UNAUTHENTICATED', message, details);

/** A new token pair, and when each half expires (by the database clock). */
interface IssuedTokens {
  sessionId: string;
  userId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

// Lifetimes are computed in SQL so that expiry is set and checked by one
// clock. $max_age / $idle are SESSION_MAX_AGE_DAYS / SESSION_IDLE_DAYS: a
// refresh extends a session by the idle time, never past its maximum age.
const MAX_AGE = (param: string) => `make_interval(days => ${param})`;
const ACCESS_EXPIRY = `now() + make_interval(mins => ${ACCESS_TOKEN_TTL_MINUTES})`;
const refreshExpiry = (createdAt: string, maxAge: string, idle: string) =>
  `LEAST(now() + make_interval(days => ${idle}), ${createdAt} + ${MAX_AGE(maxAge)})`;

/** Sessions: login, refresh with rotation, logout. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
    private readonly passwordChecks: PasswordCheckQueue,
  ) {}

  /**
   * A wrong password and an unknown email get the same answer, after the
   * same argon2 work; a caller over the rate limit is refused before any
   * password is checked.
   */
  async login(input: LoginInput, origin: RequestOrigin): Promise<AuthPayload> {
    const email = input.email.trim().toLowerCase();
    const attemptBy: AuditActor = { kind: 'ANONYMOUS', id: null, label: email };

    const attempt = await this.throttle.begin(email, origin.ip).catch(async (error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
      await this.audit.record({
        brandId: null,
        actor: attemptBy,
        action: AUDIT_ACTIONS.LOGIN_THROTTLED,
        ip: origin.ip,
      });
      throw error;
    });

    const accounts = await this.accountsOf(email, input.brand ?? null);
    const matching = await this.withPassword(accounts, input.password).catch(
      async (error: unknown) => {
        await this.throttle.abandoned(attempt);
        throw error;
      },
    );
    if (matching.length > 1) {
      await this.throttle.succeeded(attempt);
      throw badInput(
        'brand',
        'this email has accounts in several brands: name the brand (its slug)',
      );
    }
    const [user] = matching;
    if (!user || user.disabledAt) {
      // One account is named in the log; several brands' accounts are not told apart.
      const only = accounts.length === 1 ? accounts[0] : undefined;
      await (user ? this.throttle.succeeded(attempt) : this.throttle.failed(attempt));
      await this.audit.record({
        brandId: only?.brandId ?? null,
        actor: attemptBy,
        action: AUDIT_ACTIONS.LOGIN_FAILED,
        targetType: only ? 'USER' : null,
        targetId: only?.id ?? null,
        details: {
          reason: user ? 'DISABLED' : accounts.length ? 'WRONG_PASSWORD' : 'UNKNOWN_EMAIL',
        },
        ip: origin.ip,
      });
      // A disabled account is told so only to someone who knows its password.
      throw unauthenticated(
        user ? 'This account is disabled: ask your brand admin' : INVALID_CREDENTIALS,
      );
    }
    await this.throttle.succeeded(attempt);

    return this.db.transaction(async (manager) => {
      const tokens = await this.openSession(manager, user.id, origin);
      // A login, not a refresh, is a sign-in: what the People screen shows.
      const [[signedIn]] = (await manager.query(
        `UPDATE users SET last_sign_in_at = now() WHERE id = $1 RETURNING last_sign_in_at`,
        [user.id],
      )) as [{ last_sign_in_at: Date }[], number];
      user.lastSignInAt = signedIn.last_sign_in_at;
      await this.audit.record(
        {
          brandId: user.brandId,
          actor: { kind: 'USER', id: user.id, label: user.email },
          action: AUDIT_ACTIONS.LOGIN,
          targetType: 'SESSION',
          targetId: tokens.sessionId,
          details: { userAgent: origin.userAgent },
          ip: origin.ip,
        },
        manager,
      );
      return { ...tokens, user: toUser(user) };
    });
  }

  /**
   * The signed-in editor's own password, given the current one (checked
   * under the login limits, so a stolen session cannot guess it); every
   * other session of the account ends.
   */
  async changePassword(
    actor: Actor,
    input: ChangePasswordInput,
    origin: RequestOrigin,
  ): Promise<boolean> {
    const caller = requireUser(actor);
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ id: caller.userId });
    const attempt = await this.throttle.begin(user.email.toLowerCase(), origin.ip);
    const ok = await this.passwordChecks
      .verify(user.passwordHash, input.currentPassword)
      .catch(async (error: unknown) => {
        await this.throttle.abandoned(attempt);
        throw error;
      });
    if (!ok) {
      await this.throttle.failed(attempt);
      throw badInput('currentPassword', 'this is not your current password');
    }
    await this.throttle.succeeded(attempt);
    if (input.newPassword === input.currentPassword) {
      throw badInput('newPassword', 'must differ from your current password');
    }
    await assertAcceptablePassword('newPassword', input.newPassword, user.email);
    const passwordHash = await hashPassword(input.newPassword);

    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE users SET password_hash = $2, updated_at = now(), version = version + 1 WHERE id = $1`,
        [user.id, passwordHash],
      );
      const sessionsEnded = await endSessions(manager, user.id, caller.sessionId);
      await this.audit.record(
        {
          brandId: user.brandId,
          actor: caller,
          action: AUDIT_ACTIONS.CHANGE_PASSWORD,
          targetType: 'USER',
          targetId: user.id,
          details: { sessionsEnded },
          ip: origin.ip,
        },
        manager,
      );
    });
    return true;
  }

  /** Accounts with this email (e-mails are unique per brand), of one brand if named. */
  private accountsOf(email: string, brandSlug: string | null): Promise<UserEntity[]> {
    const query = this.db
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('lower(user.email) = :email', { email })
      .orderBy('user.created_at')
      // Bounds the argon2 work one login can cause.
      .limit(MAX_ACCOUNTS_PER_EMAIL);
    if (brandSlug !== null) {
      query.innerJoin(
        BrandEntity,
        'brand',
        'brand.id = user.brand_id AND brand.slug = :brandSlug',
        {
          brandSlug,
        },
      );
    }
    return query.getMany();
  }

  /** The accounts this password opens; an unknown email costs the same one check. */
  private async withPassword(accounts: UserEntity[], password: string): Promise<UserEntity[]> {
    if (accounts.length === 0) {
      await this.passwordChecks.verify(unknownUserHash(), password);
      return [];
    }
    const matching: UserEntity[] = [];
    for (const account of accounts) {
      if (await this.passwordChecks.verify(account.passwordHash, password)) matching.push(account);
    }
    return matching;
  }

  /**
   * Exchanges a refresh token for a new pair. The old refresh token and the
   * old access token stop working; presenting a retired refresh token again
   * revokes the whole session, since one of its holders is not its owner.
   */
  async refresh(refreshToken: string, origin: RequestOrigin): Promise<AuthPayload> {
    const oldHash = hashToken(refreshToken);
    const rotated = await this.db.transaction(async (manager) => {
      const tokens = await this.rotate(manager, oldHash);
      if (!tokens) return null;
      const user = await manager.findOneByOrFail(UserEntity, { id: tokens.userId });
      await this.audit.record(
        {
          brandId: user.brandId,
          actor: { kind: 'USER', id: user.id, label: user.email },
          action: AUDIT_ACTIONS.REFRESH,
          targetType: 'SESSION',
          targetId: tokens.sessionId,
          ip: origin.ip,
        },
        manager,
      );
      return { ...tokens, user: toUser(user) };
    });
    if (rotated) return rotated;
    throw await this.refusalOfRefresh(oldHash, origin);
  }

  /** Ends the caller's session: its access and refresh tokens stop working at once. */
  async logout(actor: Actor, origin: RequestOrigin): Promise<boolean> {
    const user = requireUser(actor);
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
        [user.sessionId],
      );
      await this.audit.record(
        {
          brandId: user.brandId,
          actor: user,
          action: AUDIT_ACTIONS.LOGOUT,
          targetType: 'SESSION',
          targetId: user.sessionId,
          ip: origin.ip,
        },
        manager,
      );
    });
    return true;
  }

  private async openSession(
    manager: EntityManager,
    userId: string,
    origin: RequestOrigin,
  ): Promise<IssuedTokens> {
    const accessToken = newAccessToken();
    const refreshToken = newRefreshToken();
    const [row] = (await manager.query(
      `INSERT INTO sessions (user_id, access_token_hash, access_expires_at,
                             refresh_token_hash, refresh_expires_at, user_agent, ip)
       VALUES ($1, $2, ${ACCESS_EXPIRY}, $3, ${refreshExpiry('now()', '$6', '$7')}, $4, $5)
       RETURNING id, access_expires_at, refresh_expires_at`,
      [
        userId,
        hashToken(accessToken),
        hashToken(refreshToken),
        origin.userAgent,
        origin.ip,
        this.config.sessionMaxAgeDays,
        this.config.sessionIdleDays,
      ],
    )) as { id: string; access_expires_at: Date; refresh_expires_at: Date }[];
    return {
      sessionId: row.id,
      userId,
      accessToken,
      accessTokenExpiresAt: row.access_expires_at,
      refreshToken,
      refreshTokenExpiresAt: row.refresh_expires_at,
    };
  }

  /** New hashes in place of the old ones, if the refresh token is current and valid. */
  private async rotate(manager: EntityManager, oldHash: string): Promise<IssuedTokens | null> {
    const accessToken = newAccessToken();
    const refreshToken = newRefreshToken();
    // The row lock makes a concurrent second use of the same token wait and
    // then find it retired.
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [[row]] = (await manager.query(
      `UPDATE sessions s
          SET access_token_hash = $2,
              access_expires_at = LEAST(${ACCESS_EXPIRY}, s.created_at + ${MAX_AGE('$4')}),
              refresh_token_hash = $3, refresh_expires_at = ${refreshExpiry('s.created_at', '$4', '$5')},
              last_used_at = now()
        WHERE s.refresh_token_hash = $1 AND s.revoked_at IS NULL AND s.refresh_expires_at > now()
          AND s.created_at + ${MAX_AGE('$4')} > now()
          AND EXISTS (SELECT 1 FROM users u WHERE u.id = s.user_id AND u.disabled_at IS NULL)
        RETURNING s.id, s.user_id, s.access_expires_at, s.refresh_expires_at`,
      [
        oldHash,
        hashToken(accessToken),
        hashToken(refreshToken),
        this.config.sessionMaxAgeDays,
        this.config.sessionIdleDays,
      ],
    )) as [
      { id: string; user_id: string; access_expires_at: Date; refresh_expires_at: Date }[],
      number,
    ];
    if (!row) return null;
    await manager.query(
      `INSERT INTO retired_refresh_tokens (token_hash, session_id) VALUES ($1, $2)`,
      [oldHash, row.id],
    );
    return {
      sessionId: row.id,
      userId: row.user_id,
      accessToken,
      accessTokenExpiresAt: row.access_expires_at,
      refreshToken,
      refreshTokenExpiresAt: row.refresh_expires_at,
    };
  }

  /** Why a refresh token was refused; a reused one revokes its session first. */
  private async refusalOfRefresh(hash: string, origin: RequestOrigin): Promise<DomainError> {
    const [current] = (await this.db.query(
      `SELECT s.revoked_at IS NOT NULL AS revoked, u.disabled_at IS NOT NULL AS disabled,
              s.created_at + ${MAX_AGE('$2')} <= now() AS too_old
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.refresh_token_hash = $1`,
      [hash, this.config.sessionMaxAgeDays],
    )) as { revoked: boolean; disabled: boolean; too_old: boolean }[];
    if (current?.revoked)
      return unauthenticated('Session ended (logged out or revoked): log in again');
    if (current?.disabled) return unauthenticated('This account is disabled');
    if (current?.too_old) {
      return unauthenticated(
        `Sessions last at most ${this.config.sessionMaxAgeDays} days: log in again`,
      );
    }
    if (current) return unauthenticated('Refresh token expired: log in again');

    const reused = await this.db.transaction(async (manager) => {
      const [[session]] = (await manager.query(
        `UPDATE sessions s SET revoked_at = coalesce(s.revoked_at, now())
           FROM retired_refresh_tokens r, users u
          WHERE r.token_hash = $1 AND s.id = r.session_id AND u.id = s.user_id
          RETURNING s.id, u.id AS user_id, u.brand_id, u.email`,
        [hash],
      )) as [{ id: string; user_id: string; brand_id: string; email: string }[], number];
      if (!session) return false;
      await this.audit.record(
        {
          brandId: session.brand_id,
          actor: { kind: 'USER', id: session.user_id, label: session.email },
          action: AUDIT_ACTIONS.REFRESH_TOKEN_REUSED,
          targetType: 'SESSION',
          targetId: session.id,
          details: { revoked: true },
          ip: origin.ip,
        },
        manager,
      );
      return true;
    });
    return reused
      ? unauthenticated('Refresh token already used: the session is revoked, log in again')
      : unauthenticated('Invalid refresh token');
  }
}
