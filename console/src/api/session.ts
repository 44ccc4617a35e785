import type { EditorRole } from '../gql/graphql';

/**
 * The signed-in editor, in memory only: the access token is never written to
 * localStorage or a readable cookie. The refresh token is an httpOnly cookie
 * that only POST /auth/refresh reads (it needs the x-csrf header), so a page
 * reload restores the session without the token ever reaching script.
 */
export interface SessionUser {
  id: string;
  email: string;
  /** The API's EditorRole, as the sign-in answer names it. */
  role: EditorRole;
  displayName: string;
}

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  user: SessionUser;
}

type Listener = (session: Session | null) => void;

let current: Session | null = null;
const listeners = new Set<Listener>();
let refreshing: Promise<Session | null> | null = null;

export const session = {
  get: () => current,
  set(next: Session | null) {
    current = next;
    for (const listener of listeners) listener(next);
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  /** True when the access token ends within a minute (refresh first). */
  expiresSoon: () =>
    current !== null && Date.parse(current.accessTokenExpiresAt) - Date.now() < 60_000,
  /**
   * A new access token from the refresh cookie; null when there is no
   * session to resume. Concurrent callers share one request, because the
   * server rotates the cookie and a second use of the old one ends the session.
   */
  refresh(): Promise<Session | null> {
    refreshing ??= fetch('/auth/refresh', {
      method: 'POST',
      headers: { 'x-csrf': '1' },
      credentials: 'same-origin',
    })
      .then(async (response) =>
        response.status === 200 ? ((await response.json()) as Session) : null,
      )
      .catch(() => null)
      .then((next) => {
        session.set(next);
        return next;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  },
};
