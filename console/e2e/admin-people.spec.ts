import { expect, test } from '@playwright/test';
import { EDITORS, expectAccessible, screenshot, signIn, watchConsole } from './helpers';

const NEW_PASSWORD = 'velvet harbor quietly orbits';

test('a brand admin invites a clinic editor, who sets a password from the link, signs in and sees only their clinic', async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  const email = `invitee.${Date.now()}@lumen-aesthetics.example`;

  await signIn(page, 'admin');
  const admin = page.getByRole('navigation', { name: 'Admin' });
  await admin.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  const people = page.getByRole('region', { name: 'People' });
  await expect(people.getByRole('row', { name: new RegExp(EDITORS.austin) })).toContainText(
    'Lumen Aesthetics Austin Downtown',
  );
  await expectAccessible(page);

  // The invitation, by keyboard: every field and the clinic box.
  await page.getByRole('button', { name: 'Invite someone' }).click();
  const form = page.getByRole('form', { name: 'Invite someone' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill('Ines Invitee');
  await form.getByLabel('Role').selectOption({ label: 'Clinic editor' });
  const dallas = form.getByRole('checkbox', { name: 'Lumen Aesthetics Dallas Uptown' });
  await dallas.focus();
  await page.keyboard.press('Space');
  await expect(dallas).toBeChecked();
  await expectAccessible(page);
  await screenshot(page, 'people-invite');
  await form.getByRole('button', { name: 'Invite' }).press('Enter');

  const link = page.getByRole('textbox', { name: 'Set-password link' });
  await expect(link).toBeFocused();
  const url = await link.inputValue();
  expect(url).toMatch(/\/console\/set-password#token=cca_pr_/);
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
  const row = people.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
  await expect(row).toContainText('Clinic editor');
  await expect(row).toContainText('Lumen Aesthetics Dallas Uptown');
  await expect(row).toContainText('Not signed in yet');
  await expect(row).toContainText('Never');
  await expectAccessible(page);
  await screenshot(page, 'people-invited');
  // Shown once: after "Done" the link is gone for good.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(link).toHaveCount(0);

  // The invitee, in a browser of their own.
  const invitee = await (await browser.newContext()).newPage();
  const inviteeProblems = watchConsole(invitee);
  await invitee.goto(url);
  await expect(invitee.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  // The token leaves the address bar once read.
  await expect.poll(() => new URL(invitee.url()).hash).toBe('');
  await expectAccessible(invitee);
  await screenshot(invitee, 'set-password');
  await invitee.getByRole('textbox', { name: 'New password' }).fill(NEW_PASSWORD);
  await invitee.getByRole('textbox', { name: 'Repeat the password' }).fill(NEW_PASSWORD);
  await invitee.getByRole('textbox', { name: 'Repeat the password' }).press('Enter');
  await expect(invitee.getByRole('heading', { name: 'Your password is set' })).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByRole('link', { name: 'Go to sign in' }).click();
  await invitee.getByLabel('Email').fill(email);
  await invitee.getByRole('textbox', { name: 'Password' }).fill(NEW_PASSWORD);
  await invitee.getByRole('button', { name: 'Sign in' }).click();
  await expect(invitee.getByRole('heading', { name: 'Your clinics' })).toBeVisible();
  const clinicLinks = invitee.getByRole('main').getByRole('link', { name: /Lumen Aesthetics/ });
  await expect(clinicLinks).toHaveText(['Lumen Aesthetics Dallas Uptown']);
  await expect(invitee.getByRole('navigation', { name: 'Admin' })).toHaveCount(0);

  // The link worked once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(url);
  await again.getByRole('textbox', { name: 'New password' }).fill('another harbor quietly orbits');
  await again
    .getByRole('textbox', { name: 'Repeat the password' })
    .fill('another harbor quietly orbits');
  await again.getByRole('button', { name: 'Set password' }).click();
  await expect(again.getByRole('alert')).toContainText('expired or already used');
  await expect(again.getByRole('heading', { name: 'This link does not work' })).toBeVisible();

  // The admin sees the sign-in, changes the role's places, disables (signing them out) and enables.
  await page.reload();
  await expect(row).toContainText('Active');
  await expect(row).not.toContainText('Never');
  await row.getByRole('button', { name: `Change role of ${email}` }).click();
  const change = page.getByRole('form', { name: `Change role of ${email}` });
  await change.getByRole('checkbox', { name: 'Lumen Aesthetics Austin Downtown' }).check();
  await change.getByRole('button', { name: 'Save role' }).click();
  await expect(row).toContainText(
    'Lumen Aesthetics Austin Downtown, Lumen Aesthetics Dallas Uptown',
  );

  await row.getByRole('button', { name: `Disable ${email}` }).click();
  // The question takes the button's place, with focus on the safe answer.
  await expect(row.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(row).toContainText('Disabled');
  await expectAccessible(page);
  await screenshot(page, 'people');
  // Their session ended: the next thing they open sends them to sign in (the refused
  // refresh is logged by the browser, so the invitee's console is read before).
  const inviteeSeen = [...inviteeProblems];
  await invitee.reload();
  await expect(invitee.getByRole('button', { name: 'Sign in' })).toBeVisible();

  await row.getByRole('button', { name: `Enable ${email}` }).click();
  await expect(row).toContainText('Active');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  expect([...problems, ...inviteeSeen]).toEqual([]);
});

test('people is offered only to brand admins', async ({ page }) => {
  await signIn(page, 'brand');
  await expect(page.getByRole('link', { name: 'Drift report' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Admin' })).toHaveCount(0);
  await page.goto('/console/admin/people');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});
