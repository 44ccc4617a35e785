import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import pg from 'pg';

/** The seed's demo editors (seeds/content/demo-editors.ts), development only. */
export const DEMO_PASSWORD = 'lumen-demo-password';
export const EDITORS = {
  admin: 'admin@lumen-aesthetics.example',
  brand: 'editor@lumen-aesthetics.example',
  texas: 'texas@lumen-aesthetics.example',
  austin: 'austin@lumen-aesthetics.example',
} as const;

export async function signIn(page: Page, who: keyof typeof EDITORS) {
  await page.goto('/console/');
  await page.getByLabel('Email').fill(EDITORS[who]);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** The accessibility check every screen passes: no serious or critical violation. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    severe.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/** Collects what the browser refused under the CSP and any error it logged. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** Runs one statement on the app's database (global setup names it). */
export async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * With CONSOLE_SCREENSHOTS=1 (npm run console:screenshots), saves the page
 * as docs/images/console/<name>.png for docs/console.md; with `part`, only
 * that part of it (a long form, one section of a long page).
 */
export async function screenshot(page: Page, name: string, part?: Locator) {
  if (!process.env.CONSOLE_SCREENSHOTS) return;
  const path = resolve(__dirname, '../../docs/images/console', `${name}.png`);
  if (part) await part.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

/** A GraphQL call as one demo editor, for what a spec sets up outside the screen under test. */
export async function api(request: APIRequestContext, who: keyof typeof EDITORS) {
  const call = async (query: string, variables: object = {}, token?: string) => {
    const response = await request.post('/graphql', {
      data: { query, variables },
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const { login } = await call(
    'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { email: EDITORS[who], password: DEMO_PASSWORD } },
  );
  return (query: string, variables: object = {}) => call(query, variables, login.accessToken);
}

const ITEM = 'type id version';

/**
 * Austin's editor writes Austin's own value of one micro-needling field and
 * publishes it; returns the clinic's and the treatment's ids.
 */
export async function publishAustinOverride(
  request: APIRequestContext,
  field: string,
  value: unknown,
): Promise<{ clinicId: string; treatmentId: string }> {
  const austin = await api(request, 'austin');
  const { clinic } = await austin(
    `{ clinic(brand: "lumen-aesthetics", slug: "austin-downtown", preview: true) {
         itemId treatment(slug: "micro-needling") { itemId } } }`,
  );
  const { setOverride } = await austin(
    `mutation($input: SetOverrideInput!) { setOverride(input: $input) { item { ${ITEM} } } }`,
    {
      input: {
        scope: 'CLINIC',
        clinicId: clinic.itemId,
        entityType: 'TREATMENT',
        entityId: clinic.treatment.itemId,
        field,
        value,
      },
    },
  );
  await austin(`mutation($input: PublishInput!) { publish(input: $input) { id } }`, {
    input: { items: [setOverride.item] },
  });
  return { clinicId: clinic.itemId, treatmentId: clinic.treatment.itemId };
}

/** The brand editor rewrites fields of its micro-needling treatment (a draft); returns its ref. */
export async function brandRewritesMicroNeedling(
  request: APIRequestContext,
  treatmentId: string,
  changes: Record<string, unknown>,
): Promise<{ type: string; id: string; version: number }> {
  const brand = await api(request, 'brand');
  const { item } = await brand(`query($id: ID!) { item(type: TREATMENT, id: $id) { ${ITEM} } }`, {
    id: treatmentId,
  });
  const { updateTreatment } = await brand(
    `mutation($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { ${ITEM} } }`,
    { input: { id: item.id, version: item.version, ...changes } },
  );
  return updateTreatment;
}
