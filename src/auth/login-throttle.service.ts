import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUDIT_ACTIONS } from '../audit/audit-entry';
import {
  LOGIN_WINDOW_MINUTES,
  MAX_FAILED_LOGINS_PER_EMAIL,
  MAX_FAILED_LOGINS_PER_IP,
} from './auth-policy';
import { retryAfterMs } from './login-throttle';

const WINDOW_MS = LOGIN_WINDOW_MINUTES * 60_000;

/**
 * Login rate limits, counted from the LOGIN_FAILED rows of the audit log:
 * the database is the shared state, so the limits hold across any number
 * of API instances and restarts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Milliseconds until this email may try again from this address; 0 = now. */
  async retryAfter(email: string, ip: string | null): Promise<number> {
    // Only the most recent `limit` failures decide (see retryAfterMs).
    const recent = async (column: 'actor_label' | 'ip', value: string, limit: number) =>
      (
        (await this.db.query(
          `SELECT created_at, now() AS now FROM audit_log
            WHERE action = $1 AND created_at > now() - make_interval(mins => $2)
              AND ${column} = $3
            ORDER BY created_at DESC LIMIT $4`,
          [AUDIT_ACTIONS.LOGIN_FAILED, LOGIN_WINDOW_MINUTES, value, limit],
        )) as { created_at: Date; now: Date }[]
      ).map((row) => ({ at: row.created_at, now: row.now }));

    const byEmail = await recent('actor_label', email, MAX_FAILED_LOGINS_PER_EMAIL);
    const byIp = ip ? await recent('ip', ip, MAX_FAILED_LOGINS_PER_IP) : [];
    const now = byEmail[0]?.now ?? byIp[0]?.now;
    if (!now) return 0;
    return Math.max(
      retryAfterMs(
        byEmail.map((row) => row.at),
        MAX_FAILED_LOGINS_PER_EMAIL,
        WINDOW_MS,
        now,
      ),
      retryAfterMs(
        byIp.map((row) => row.at),
        MAX_FAILED_LOGINS_PER_IP,
        WINDOW_MS,
        now,
      ),
    );
  }
}
