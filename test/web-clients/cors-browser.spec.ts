import type { Browser, Page } from 'playwright-core';
import { describeWithChromium, launchChromium, PageServer, servePage } from '../helpers/chromium';
import { loginAs } from '../helpers/login';
import { startTestApp, TestApp } from '../helpers/test-app';

const BRAND = 'lumen-aesthetics';
const QUERY = `query BrandName($brand: String!) { brand(slug: $brand) { slug } }`;

interface BrowserAnswer {
  ok: boolean;
  status?: number;
  slug?: string;
  error?: string;
}

/** Runs fetch in the page (so the browser enforces CORS) and reports what the page could read. */
function fetchFromPage(
  page: Page,
  request: {
    url: string;
    method: 'GET' | 'POST';
    headers?: Record<string, string>;
    credentials?: RequestCredentials;
  },
): Promise<BrowserAnswer> {
  return page.evaluate(
    async ({ url, method, headers, credentials, query, brand }) => {
      const variables = { brand };
      try {
        const response =
          method === 'GET'
            ? await fetch(
                `${url}?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`,
                { headers, credentials },
              )
            : await fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', ...headers },
                body: JSON.stringify({ query, variables }),
                credentials,
              });
        const body = await response.json();
        return { ok: true, status: response.status, slug: body.data?.brand?.slug };
      } catch (error) {
        return { ok: false, error: String(error) };
      }
    },
    { ...request, query: QUERY, brand: BRAND },
  );
}

/** Issue 10, item 2: browsers on a brand's own domain call /graphql. */
describeWithChromium('web clients: CORS in a real browser', () => {
  let browser: Browser;
  let app: TestApp;
  let site: PageServer;
  let page: Page;
  let bearer: Record<string, string>;

  beforeAll(async () => {
    [browser, app, site] = await Promise.all([launchChromium(), startTestApp(), servePage()]);
    bearer = await loginAs(app, 'editor');
    page = await browser.newPage();
    await page.goto(site.origin);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await site?.close();
  });

  it.each([
    ['POST', false],
    ['GET', false],
    ['POST', true],
    ['GET', true],
  ] as const)('%s from another origin, bearer token: %s', async (method, withToken) => {
    const answer = await fetchFromPage(page, {
      url: `${app.url}/graphql`,
      method,
      headers: withToken ? bearer : {},
    });
    expect(answer).toEqual({ ok: true, status: 200, slug: BRAND });
  });

  it('answers the preflight for the headers GraphQL clients send', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: site.origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers':
          'content-type,authorization,apollo-require-preflight,x-apollo-operation-name',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const allowed = response.headers.get('access-control-allow-headers')!.split(',');
    expect(allowed).toEqual(
      expect.arrayContaining([
        'content-type',
        'authorization',
        'apollo-require-preflight',
        'x-apollo-operation-name',
      ]),
    );
  });

  describe('with CORS_ORIGINS listing the editor console', () => {
    let listedApp: TestApp;
    let other: PageServer;
    let otherPage: Page;

    beforeAll(async () => {
      other = await servePage('localhost');
      listedApp = await startTestApp({ corsOrigins: [site.origin] });
      otherPage = await browser.newPage();
      await otherPage.goto(other.origin);
    });
    afterAll(async () => {
      await listedApp?.close();
      await other?.close();
    });

    it('lets the listed origin send credentials, and says the answer varies by Origin', async () => {
      const answer = await fetchFromPage(page, {
        url: `${listedApp.url}/graphql`,
        method: 'POST',
        headers: bearer,
        credentials: 'include',
      });
      expect(answer).toEqual({ ok: true, status: 200, slug: BRAND });
      const response = await fetch(`${listedApp.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: site.origin, 'access-control-request-method': 'POST' },
      });
      expect(response.headers.get('access-control-allow-origin')).toBe(site.origin);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      expect(response.headers.get('vary')).toMatch(/origin/i);
    });

    it('gives an unlisted origin nothing to read', async () => {
      const answer = await fetchFromPage(otherPage, {
        url: `${listedApp.url}/graphql`,
        method: 'POST',
      });
      expect(answer.ok).toBe(false);
    });
  });

  it('the default (*) refuses credentials: cookies are for listed origins only', async () => {
    const answer = await fetchFromPage(page, {
      url: `${app.url}/graphql`,
      method: 'GET',
      credentials: 'include',
    });
    expect(answer.ok).toBe(false);
  });
});
