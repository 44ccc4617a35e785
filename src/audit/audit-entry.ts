import { type Actor, actorLabel } from '../auth/actor';

export type AuditActorKind = 'ANONYMOUS' | 'USER' | 'API_KEY' | 'CLI' | 'SYSTEM';

/** Who did it, as the log stores it. */
export interface AuditActor {
  kind: AuditActorKind;
  /** User or API key id; null for anonymous, CLI and system. */
  id: string | null;
  label: string;
}

/**
 * Actions this module writes; content features add their own (e.g. WRITE,
 * PUBLISH). Any UPPER_SNAKE name is accepted.
 */
export const AUDIT_ACTIONS = {
  LOGIN: 'LOGIN',
  LOGIN_FAILED: 'LOGIN_FAILED',
  /** Refused by the rate limit; not counted as a failure, so it does not extend the wait. */
  LOGIN_THROTTLED: 'LOGIN_THROTTLED',
  LOGOUT: 'LOGOUT',
  REFRESH: 'REFRESH',
  REFRESH_TOKEN_REUSED: 'REFRESH_TOKEN_REUSED',
  CREATE_USER: 'CREATE_USER',
  INVITE_USER: 'INVITE_USER',
  DISABLE_USER: 'DISABLE_USER',
  ENABLE_USER: 'ENABLE_USER',
  UPDATE_USER_ROLE: 'UPDATE_USER_ROLE',
  REVOKE_SESSIONS: 'REVOKE_SESSIONS',
  CREATE_PASSWORD_RESET: 'CREATE_PASSWORD_RESET',
  RESET_PASSWORD: 'RESET_PASSWORD',
  CHANGE_PASSWORD: 'CHANGE_PASSWORD',
  CREATE_API_KEY: 'CREATE_API_KEY',
  REVOKE_API_KEY: 'REVOKE_API_KEY',
} as const;

export interface AuditEntry {
  /** The brand whose admins may read the entry; null when none owns it. */
  brandId: string | null;
  /** The request's actor, or an explicit one (CLI, system, a login attempt). */
  actor: Actor | AuditActor;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  /** Never secrets: no passwords, tokens or keys. */
  details?: Record<string, unknown>;
  ip?: string | null;
}

export function toAuditActor(actor: Actor | AuditActor): AuditActor {
  if ('label' in actor) return actor;
  switch (actor.kind) {
    case 'USER':
      return { kind: 'USER', id: actor.userId, label: actorLabel(actor) };
    case 'API_KEY':
      return { kind: 'API_KEY', id: actor.apiKeyId, label: actorLabel(actor) };
    default:
      return { kind: 'ANONYMOUS', id: null, label: actorLabel(actor) };
  }
}
