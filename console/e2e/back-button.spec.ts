import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the browser’s Back button asks before leaving a form with unsaved changes: cancel keeps the text, confirm leaves', async ({
  page,
}) => {
  await signIn(page, 'austin');
  await page.getByRole('link', { name: /Austin Downtown/ }).click();
  await expect(page).toHaveURL(/\/console\/clinics\/austin-downtown$/);
  await page.getByRole('button', { name: 'Edit details and hours' }).click();
  const form = page.getByRole('form', { name: 'Edit details and hours' });
  const phone = form.getByLabel('Phone');
  await phone.fill('+1 512-555-0177');

  // Back, refused: the same screen, the same text.
  const refused = new Promise<string>((done) =>
    page.once('dialog', (dialog) => {
      done(dialog.message());
      void dialog.dismiss();
    }),
  );
  await page.evaluate(() => window.history.back());
  expect(await refused).toContain('not saved');
  await expect(page).toHaveURL(/\/console\/clinics\/austin-downtown$/);
  await expect(phone).toHaveValue('+1 512-555-0177');

  // Back, confirmed: the clinic list, the change dropped.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.evaluate(() => window.history.back());
  await expect(page).toHaveURL(/\/console\/$/);
  await expect(page.getByRole('link', { name: /Austin Downtown/ })).toBeVisible();
  await expect(form).toBeHidden();

  // Nothing unsaved: Back and Forward move without asking.
  let asked = false;
  page.on('dialog', (dialog) => {
    asked = true;
    void dialog.dismiss();
  });
  await page.evaluate(() => window.history.forward());
  await expect(page).toHaveURL(/\/console\/clinics\/austin-downtown$/);
  await expect(page.getByRole('button', { name: 'Edit details and hours' })).toBeVisible();
  expect(asked).toBe(false);
});
