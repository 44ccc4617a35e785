import { randomBytes } from 'node:crypto';
import { startTestApp, TestApp } from '../helpers/test-app';

/** What a browser sends when someone opens /graphql in a tab. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** Issue 10, item 8: Apollo Sandbox in development, nothing in production. */
describe('web clients: the dev explorer', () => {
  let dev: TestApp;
  let production: TestApp;

  beforeAll(async () => {
    [dev, production] = await Promise.all([
      startTestApp({ nodeEnv: 'development' }),
      startTestApp({ nodeEnv: 'production', webhookSecretKey: randomBytes(32) }),
    ]);
  });
  afterAll(async () => {
    await dev?.close();
    await production?.close();
  });

  it('shows Apollo Sandbox to a browser in development, with a CSP that lets it load', async () => {
    const response = await fetch(`${dev.url}/graphql`, {
      headers: { accept: BROWSER_ACCEPT, cookie: 'some-dev-cookie=1' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('embeddable-sandbox.cdn.apollographql.com');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src [^;]*https:\/\/embeddable-sandbox\.cdn\.apollographql\.com/);
    expect(csp).toMatch(/frame-src [^;]*https:\/\/sandbox\.embed\.apollographql\.com/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('keeps the strict CSP on every other answer in development', async () => {
    const response = await fetch(
      `${dev.url}/graphql?query=${encodeURIComponent('{ __typename }')}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).not.toContain('apollographql');
  });

  it('shows no explorer in production', async () => {
    const response = await fetch(`${production.url}/graphql`, {
      headers: { accept: BROWSER_ACCEPT },
    });
    expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(await response.text()).not.toContain('apollographql.com');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
