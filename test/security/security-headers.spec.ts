import { DEMO_EDITORS, DEMO_PASSWORD } from '../helpers/login';
import { startTestApp, TestApp } from '../helpers/test-app';

const ROUTES = [
  ['GET', '/graphql?query=%7B__typename%7D'],
  ['POST', '/graphql'],
  ['GET', '/health/live'],
  ['GET', '/feeds/lumen-aesthetics/austin-downtown/faq.jsonld'],
  ['GET', '/no-such-page'],
] as const;

async function call(app: TestApp, [method, path]: readonly [string, string], headers = {}) {
  return fetch(`${app.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: method === 'POST' ? JSON.stringify({ query: '{ __typename }' }) : undefined,
  });
}

/** Issue 9, item 14: security headers on every answer, and TRUST_PROXY. */
describe('security: response headers', () => {
  let app: TestApp;
  let behindProxy: TestApp;

  beforeAll(async () => {
    [app, behindProxy] = await Promise.all([
      startTestApp(),
      startTestApp({ trustProxy: ['loopback'] }),
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await behindProxy?.close();
  });

  it.each(ROUTES)('%s %s: nosniff, no framing, a CSP, no referrer', async (method, path) => {
    const response = await call(app, [method, path]);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('sends HSTS only for HTTPS: here, as a trusted proxy reports it', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const route = ROUTES[0];
    expect((await call(app, route)).headers.get('strict-transport-security')).toBeNull();
    // Without TRUST_PROXY, anyone could claim HTTPS: the header is not believed.
    expect((await call(app, route, https)).headers.get('strict-transport-security')).toBeNull();
    expect((await call(behindProxy, route)).headers.get('strict-transport-security')).toBeNull();
    expect(
      (await call(behindProxy, route, https)).headers.get('strict-transport-security'),
    ).toMatch(/^max-age=31536000; includeSubDomains$/);
  });

  it('records the client address a trusted proxy reports (TRUST_PROXY), and only then', async () => {
    const loginFrom = (on: TestApp, forwardedFor: string) =>
      on.graphql(
        `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { email: DEMO_EDITORS.admin, password: DEMO_PASSWORD } },
        { 'x-forwarded-for': forwardedFor },
      );
    const lastLoginIp = async (token: string) => {
      const { body } = await app.graphql(
        `{ auditLog(action: "LOGIN", first: 1) { edges { node { ip } } } }`,
        {},
        { authorization: `Bearer ${token}` },
      );
      return body.data.auditLog.edges[0].node.ip as string;
    };
    const viaProxy = await loginFrom(behindProxy, '198.51.100.23');
    expect(await lastLoginIp(viaProxy.body.data.login.accessToken)).toBe('198.51.100.23');
    const spoofed = await loginFrom(app, '198.51.100.24');
    expect(await lastLoginIp(spoofed.body.data.login.accessToken)).not.toBe('198.51.100.24');
  });
});
