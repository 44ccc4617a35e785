import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { ANONYMOUS, type Actor, type ApiKeyScope, type EditorRole, rolesRegions } from './actor';
import { LAST_USED_RESOLUTION_SECONDS } from './auth-policy';
import { hashToken, tokenKind } from './tokens';

interface SessionRow {
  session_id: string;
  user_id: string;
  brand_id: string;
  email: string;
  role: EditorRole;
  region_ids: string[];
  clinic_ids: string[];
  revoked: boolean;
  expired: boolean;
  disabled: boolean;
  touch: boolean;
}

interface ApiKeyRow {
  id: string;
  brand_id: string;
  prefix: string;
  scopes: ApiKeyScope[];
  clinic_ids: string[] | null;
  revoked: boolean;
  expired: boolean;
  touch: boolean;
}

const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);

// Expiry is judged by the database clock, the one that set it.
const TOUCH = `(last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))`;

/**
 * Turns `Authorization: Bearer …` into the Actor of a request: an access
 * token into its user, an API key into its key. Every credential is looked
 * up by its hash on every request, so logout and revocation apply at once.
 */
@Injectable()
export class BearerAuthService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** ANONYMOUS without a header; UNAUTHENTICATED for anything sent that is not valid now. */
  async authenticate(authorization: string | undefined): Promise<Actor> {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    if (!match) {
      throw unauthenticated('Malformed Authorization header: send "Bearer <token>"');
    }
    const token = match[1];
    switch (tokenKind(token)) {
      case 'ACCESS_TOKEN':
        return this.userOf(token);
      case 'API_KEY':
        return this.apiKeyOf(token);
      case 'REFRESH_TOKEN':
        throw unauthenticated(
          'A refresh token is not a bearer token: exchange it with refreshSession',
        );
      default:
        throw unauthenticated('Invalid token');
    }
  }

  private async userOf(token: string): Promise<Actor> {
    const [row] = (await this.db.query(
      `SELECT s.id AS session_id, u.id AS user_id, u.brand_id, u.email, u.role,
              ARRAY(SELECT region_id FROM user_regions WHERE user_id = u.id ORDER BY region_id) AS region_ids,
              ARRAY(SELECT clinic_id FROM user_clinics WHERE user_id = u.id ORDER BY clinic_id) AS clinic_ids,
              s.revoked_at IS NOT NULL AS revoked,
              s.access_expires_at <= now() AS expired,
              u.disabled_at IS NOT NULL AS disabled,
              ${TOUCH.replaceAll('last_used_at', 's.last_used_at')} AS touch
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.access_token_hash = $1`,
      [hashToken(token), LAST_USED_RESOLUTION_SECONDS],
    )) as SessionRow[];
    if (!row) throw unauthenticated('Invalid token');
    if (row.revoked) throw unauthenticated('Session ended (logged out or revoked): log in again');
    if (row.disabled) throw unauthenticated('This account is disabled');
    if (row.expired) throw unauthenticated('Access token expired: refresh it with refreshSession');
    if (row.touch) {
      await this.db.query(`UPDATE sessions SET last_used_at = now() WHERE id = $1`, [
        row.session_id,
      ]);
    }
    return {
      kind: 'USER',
      userId: row.user_id,
      sessionId: row.session_id,
      brandId: row.brand_id,
      email: row.email,
      role: row.role,
      // Assignments count only for the roles they scope.
      regionIds: rolesRegions(row.role, row.region_ids),
      clinicIds: row.role === 'CLINIC_EDITOR' ? row.clinic_ids : [],
    };
  }

  private async apiKeyOf(key: string): Promise<Actor> {
    const [row] = (await this.db.query(
      `SELECT id, brand_id, prefix, scopes, clinic_ids,
              revoked_at IS NOT NULL AS revoked,
              coalesce(expires_at <= now(), false) AS expired,
              ${TOUCH} AS touch
         FROM api_keys WHERE key_hash = $1`,
      [hashToken(key), LAST_USED_RESOLUTION_SECONDS],
    )) as ApiKeyRow[];
    if (!row) throw unauthenticated('Invalid token');
    if (row.revoked) throw unauthenticated('API key revoked');
    if (row.expired) throw unauthenticated('API key expired');
    if (row.touch) {
      await this.db.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [row.id]);
    }
    return {
      kind: 'API_KEY',
      apiKeyId: row.id,
      brandId: row.brand_id,
      prefix: row.prefix,
      scopes: row.scopes,
      clinicIds: row.clinic_ids,
    };
  }
}
