import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  EDITORS,
  expectAccessible,
  screenshot,
  signIn,
  sql,
  watchConsole,
} from './helpers';

test.describe('signing in and out', () => {
  test('serves the console under a strict CSP that its own files satisfy', async ({ page }) => {
    const problems = watchConsole(page);
    const response = await page.goto('/console/');
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await expect(
      page.getByRole('heading', { name: 'Sign in to the clinic console' }),
    ).toBeVisible();
    await expectAccessible(page);
    // A deep link is answered by the app too (the client router owns /console/*).
    await page.goto('/console/clinics/anything');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('a wrong password is said in words, without signing in', async ({ page }) => {
    await page.goto('/console/');
    await page.getByLabel('Email').fill(EDITORS.austin);
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Invalid email or password');
    await screenshot(page, 'sign-in-refused');
  });

  test('too many attempts are throttled with the time to wait', async ({ page }) => {
    await page.goto('/console/');
    await page.getByLabel('Email').fill('nobody-e2e@lumen-aesthetics.example');
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    const alert = page.getByRole('alert');
    for (let attempt = 0; attempt < 12; attempt++) {
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(alert).toBeVisible();
      if (/Too many login attempts/.test((await alert.textContent()) ?? '')) break;
    }
    await expect(alert).toContainText(/Too many login attempts, try again in/);
  });

  test('stays signed in across a reload, keeps no token where script can read it, and signs out', async ({
    page,
    context,
  }) => {
    const problems = watchConsole(page);
    await signIn(page, 'austin');
    await expectAccessible(page);

    const stored = await page.evaluate(() => ({
      local: JSON.stringify(localStorage),
      session: JSON.stringify(sessionStorage),
      cookie: document.cookie,
    }));
    expect(stored.local + stored.session + stored.cookie).not.toMatch(/cca_(at|rt)_/);
    const [refreshCookie] = (await context.cookies()).filter((c) => c.name === 'cca_refresh');
    expect(refreshCookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/auth/refresh',
    });

    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('a disabled account is told so', async ({ page }) => {
    // Accounts are disabled on part 2's users screen; here the database says so.
    // (a copy of the brand editor's account, with the same demo password).
    const email = 'disabled-e2e@lumen-aesthetics.example';
    await sql(
      `INSERT INTO users (brand_id, email, password_hash, role, display_name, disabled_at)
       SELECT brand_id, $1, password_hash, role, 'Disabled', now() FROM users WHERE email = $2`,
      [email, EDITORS.brand],
    );
    await page.goto('/console/');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('This account is disabled');
  });
});
