import { DEMO_EDITORS, DEMO_PASSWORD } from './helpers/login';
import { startTestApp, TestApp } from './helpers/test-app';

const START = `mutation($input: LoginInput!) {
  startBrowserSession(input: $input) { accessToken accessTokenExpiresAt user { email role } }
}`;
const ME = `{ me { email } }`;

/** The name=value of the refresh cookie in a Set-Cookie list, and its attributes. */
function refreshCookieOf(response: Response) {
  const header = response.headers.getSetCookie().find((c) => c.startsWith('cca_refresh='));
  if (!header) return undefined;
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  return { pair, value: pair.slice('cca_refresh='.length), attributes };
}

describe('browser sessions: refresh token in an httpOnly cookie read only by POST /auth/refresh', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const start = () =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: START,
        variables: { input: { email: DEMO_EDITORS.austin, password: DEMO_PASSWORD } },
      }),
    });
  const refresh = (
    cookie: string | undefined,
    headers: Record<string, string> = { 'x-csrf': '1' },
  ) =>
    fetch(`${app.url}/auth/refresh`, {
      method: 'POST',
      headers: { ...headers, ...(cookie ? { cookie } : {}) },
    });

  it('signs in with the refresh token only in a strict, httpOnly cookie limited to the refresh route', async () => {
    const response = await start();
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.startBrowserSession.accessToken).toMatch(/^cca_at_/);
    expect(JSON.stringify(body)).not.toContain('cca_rt_');
    const cookie = refreshCookieOf(response)!;
    expect(cookie.value).toMatch(/^cca_rt_/);
    expect(cookie.attributes).toEqual(
      expect.arrayContaining(['Path=/auth/refresh', 'HttpOnly', 'SameSite=Strict']),
    );
  });

  it('refreshes with the cookie and the CSRF header, rotating the cookie; the old cookie is then refused', async () => {
    const first = refreshCookieOf(await start())!;
    const refreshed = await refresh(first.pair);
    expect(refreshed.status).toBe(200);
    const session = await refreshed.json();
    expect(session.user.email).toBe(DEMO_EDITORS.austin);
    const me = await app.graphql(ME, {}, { authorization: `Bearer ${session.accessToken}` });
    expect(me.body.data.me.email).toBe(DEMO_EDITORS.austin);
    const second = refreshCookieOf(refreshed)!;
    expect(second.value).not.toBe(first.value);

    const replay = await refresh(first.pair);
    expect(replay.status).toBe(401);
    expect((await replay.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // Reuse of a retired token ends the session: the rotated cookie dies too.
    expect((await refresh(second.pair)).status).toBe(401);
  });

  it('refuses a refresh without the CSRF header (a cross-site form or simple request)', async () => {
    const cookie = refreshCookieOf(await start())!;
    const response = await refresh(cookie.pair, { 'content-type': 'text/plain' });
    expect(response.status).toBe(403);
    expect((await response.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    // The refused attempt did not use the token up.
    expect((await refresh(cookie.pair)).status).toBe(200);
  });

  it('answers 204 (no session to resume) without a cookie', async () => {
    const response = await refresh(undefined);
    expect(response.status).toBe(204);
  });

  it('never takes the cookie as a credential for GraphQL', async () => {
    const cookie = refreshCookieOf(await start())!;
    const me = await app.graphql(ME, {}, { cookie: cookie.pair, 'x-csrf': '1' });
    expect(me.body.data.me).toBeNull();
  });

  it('logout ends the session and clears the cookie', async () => {
    const response = await start();
    const { accessToken } = (await response.json()).data.startBrowserSession;
    const cookie = refreshCookieOf(response)!;
    const logout = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect((await logout.json()).data.logout).toBe(true);
    const cleared = refreshCookieOf(logout)!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toContain('Path=/auth/refresh');
    expect((await refresh(cookie.pair)).status).toBe(401);
  });

  it('keeps the login answers: a wrong password is refused without a cookie', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: START,
        variables: { input: { email: DEMO_EDITORS.austin, password: 'wrong-password-here' } },
      }),
    });
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toBe('Invalid email or password');
    expect(refreshCookieOf(response)).toBeUndefined();
  });
});
