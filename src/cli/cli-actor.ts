import { userInfo } from 'node:os';
import type { AuditActor } from '../audit/audit-entry';

/**
 * The CLI acts with database access, so it is trusted; the audit log still
 * says who ran it, as far as the machine knows.
 */
export function cliActor(env: NodeJS.ProcessEnv = process.env): AuditActor {
  return { kind: 'CLI', id: null, label: `cli (${osUser(env)})` };
}

function osUser(env: NodeJS.ProcessEnv): string {
  try {
    return userInfo().username;
  } catch {
    // A container user without a passwd entry.
    return env.USER ?? env.USERNAME ?? 'unknown user';
  }
}
