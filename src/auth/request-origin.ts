import type { Request } from 'express';

/** Where a request came from, for sessions, the audit log and rate limits. */
export interface RequestOrigin {
  /** Express's req.ip: behind a proxy, set Express's "trust proxy" to see the client. */
  ip: string | null;
  userAgent: string | null;
}

export function originOf(req: Request): RequestOrigin {
  return {
    ip: req.ip ?? null,
    userAgent: req.get('user-agent')?.slice(0, 500) ?? null,
  };
}
