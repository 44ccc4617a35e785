import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers';

test('an editor adds a price (in dollars, range errors beside the field), sees it in the draft preview, and deletes it', async ({
  page,
}) => {
  await signIn(page, 'brand');
  await page.goto('/console/clinics/denver-cherry-creek/treatments/micro-needling');
  await expect(page.getByRole('heading', { name: 'Prices' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a price' }).click();
  const form = page.getByRole('form', { name: 'New price' });
  await form.getByRole('textbox', { name: 'Amount (USD)' }).fill('45.5');
  await form.getByLabel('Label').fill('Aftercare kit');
  await form.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Add-on' }).click();

  // A validity that ends before it starts: the API's refusal, beside the field.
  await form.getByLabel('Valid from').fill('2031-02-01');
  await form.getByLabel('Valid until').fill('2031-01-01');
  await form.getByRole('button', { name: 'Add price (draft)' }).click();
  await expect(form.getByLabel('Valid until')).toHaveAccessibleDescription(/before/);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Open-ended, it is saved as a draft and the form closes.
  await form.getByLabel('Valid from').fill('');
  await form.getByLabel('Valid until').fill('');
  await form.getByRole('button', { name: 'Add price (draft)' }).click();
  await expect(form).toBeHidden();
  const row = page.locator('tr[data-price="Aftercare kit"]');
  await expect(row).toContainText('$45.50');
  await expect(row).toContainText('Add-on');
  const live = page.getByRole('region', { name: 'Live now' });
  const after = page.getByRole('region', { name: 'After publishing (preview)' });
  await expect(after).toContainText('Aftercare kit: $45.50');
  await expect(live).not.toContainText('Aftercare kit');
  await expectAccessible(page);
  await screenshot(page, 'price-add');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Deleting asks first; the draft price is gone at once, from the preview too.
  const asked = new Promise<string>((done) =>
    page.once('dialog', (dialog) => {
      done(dialog.message());
      void dialog.accept();
    }),
  );
  await page.getByRole('button', { name: 'Delete price Aftercare kit' }).click();
  expect(await asked).toContain('Delete the price “Aftercare kit”');
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the price' })).toBeVisible();
  await expect(row).toBeHidden();
  await expect(after).not.toContainText('Aftercare kit');
  await expectAccessible(page);
});

test('an upcoming price is listed with its validity and stays off the page until its first day', async ({
  page,
}) => {
  await signIn(page, 'brand');
  await page.goto('/console/clinics/denver-cherry-creek/treatments/micro-needling');
  const after = page.getByRole('region', { name: 'After publishing (preview)' });
  await expect(after).toContainText('$');
  await page.getByRole('button', { name: 'Add a price' }).click();
  const form = page.getByRole('form', { name: 'New price' });
  await form.getByRole('textbox', { name: 'Amount (USD)' }).fill('99');
  await form.getByLabel('Label').fill('Spring 2031 offer');
  await form.getByLabel('Valid from').fill('2031-03-01');
  await form.getByRole('button', { name: 'Add price (draft)' }).click();
  await expect(form).toBeHidden();

  // Listed for the editor with where it stands; the preview of the page leaves it out.
  const row = page.locator('tr[data-price="Spring 2031 offer"]');
  await expect(row).toContainText('Upcoming');
  await expect(row).toContainText('2031-03-01 – open');
  await expect(page.locator('tr[data-price]').filter({ hasText: 'Current' })).not.toHaveCount(0);
  await expect(after).not.toContainText('Spring 2031 offer');
  await expectAccessible(page);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete price Spring 2031 offer' }).click();
  await expect(row).toBeHidden();
});

test('each price’s delete button says what the API answers about the caller’s rights', async ({
  page,
  request,
}) => {
  const austin = await api(request, 'austin');
  const { clinic } = await austin(`{
    clinic(brand: "lumen-aesthetics", slug: "austin-downtown", preview: true) {
      treatment(slug: "micro-needling") {
        offering { viewerCan { edit { allowed } } }
        prices { label editable { viewerCan { delete { allowed reason } } } }
      }
    }
  }`);
  await signIn(page, 'austin');
  await page.goto('/console/clinics/austin-downtown/treatments/micro-needling');
  const add = page.getByRole('button', { name: 'Add a price' });
  await expect(add).toBeVisible();
  expect(await add.isEnabled()).toBe(clinic.treatment.offering.viewerCan.edit.allowed);
  for (const price of clinic.treatment.prices) {
    const rights = price.editable.viewerCan.delete;
    const remove = page.getByRole('button', { name: `Delete price ${price.label}` });
    await expect(remove).toBeVisible();
    expect(await remove.isEnabled()).toBe(rights.allowed);
    if (!rights.allowed) await expect(remove).toHaveAttribute('title', rights.reason);
  }
});
