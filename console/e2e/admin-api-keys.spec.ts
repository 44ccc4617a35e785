import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn, watchConsole } from './helpers';

/** One partner sync call, as a partner's server makes it (docs/syndication.md). */
const PARTNER_CALL = `{ contentChanges(brand: "lumen-aesthetics", first: 1) { hasMore } }`;

test('a brand admin creates a partner key (shown once), sees its use, and revokes it: the next call is refused', async ({
  page,
  request,
}) => {
  const problems = watchConsole(page);
  const name = `Partner sync ${Date.now()}`;
  await signIn(page, 'admin');
  await page
    .getByRole('navigation', { name: 'Admin' })
    .getByRole('link', { name: 'API keys' })
    .click();
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Create a key' }).click();
  const form = page.getByRole('form', { name: 'Create a key' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('checkbox', { name: 'Delivery' }).uncheck();
  await form.getByRole('checkbox', { name: 'Partner' }).check();
  const nextYear = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await form.getByLabel('Expires on').fill(nextYear);
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Create key' }).click();

  const secret = page.getByRole('textbox', { name: 'API key' });
  await expect(secret).toBeFocused();
  const key = await secret.inputValue();
  expect(key).toMatch(/^cca_live_/);
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
  const keys = page.getByRole('region', { name: 'API keys' });
  const row = keys.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Partner');
  await expect(row).toContainText(key.slice(0, 17));
  await expect(row).toContainText('Never');
  await expect(row).toContainText(String(new Date(nextYear).getUTCFullYear()));
  await expectAccessible(page);
  await screenshot(page, 'api-key-created');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(secret).toHaveCount(0);

  // The partner's server uses it once, like curl with the Authorization header.
  const call = () =>
    request.post('/graphql', {
      data: { query: PARTNER_CALL },
      headers: { authorization: `Bearer ${key}` },
    });
  const used = await call();
  expect(used.status()).toBe(200);
  expect((await used.json()).data.contentChanges).toEqual({ hasMore: expect.any(Boolean) });

  await page.reload();
  await expect(row.getByRole('cell').nth(3)).not.toHaveText('Never');
  await expect(row).toContainText('Active');
  await screenshot(page, 'api-keys');

  // Revoking asks first, by keyboard: focus lands on "Cancel", the safe answer.
  await row.getByRole('button', { name: `Revoke ${name}` }).focus();
  await page.keyboard.press('Enter');
  await expect(row.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(row).toContainText('It stops working at once');
  await expectAccessible(page);
  await page.keyboard.press('Shift+Tab');
  await expect(row.getByRole('button', { name: 'Revoke key' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);

  const refused = await call();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test('API keys are offered only to brand admins', async ({ page }) => {
  await signIn(page, 'austin');
  await expect(page.getByRole('navigation', { name: 'Admin' })).toHaveCount(0);
  await page.goto('/console/admin/api-keys');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});
