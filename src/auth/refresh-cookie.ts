import type { Request, Response } from 'express';

/**
 * The browser session's refresh token lives in this cookie: httpOnly (no
 * script reads it), SameSite=Strict (no other site sends it) and limited to
 * the one route that reads it, so it never authenticates anything else.
 */
export const REFRESH_COOKIE = 'cca_refresh';
export const REFRESH_ROUTE = '/auth/refresh';

/**
 * A refresh over the cookie must carry this header. A custom header makes a
 * cross-site request non-simple: the browser has to ask first (preflight),
 * and this app grants no cross-origin preflight for the route.
 */
export const CSRF_HEADER = 'x-csrf';

export function setRefreshCookie(req: Request, res: Response, token: string, expiresAt: Date) {
  res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    // Browsers keep Secure cookies of http://localhost too; elsewhere plain
    // HTTP would drop them, so the flag follows the scheme the client used.
    secure: req.secure,
    path: REFRESH_ROUTE,
    expires: expiresAt,
  });
}

export function clearRefreshCookie(req: Request, res: Response) {
  res.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: REFRESH_ROUTE,
  });
}

/** The refresh token from the Cookie header, if any (no cookie parser is mounted). */
export function readRefreshCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
