import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers';

const DALLAS_PAGE = '/console/clinics/dallas-uptown/treatments/micro-needling';

test('two editors change Dallas’s disclaimer at once: the second save shows the conflict screen and loses nothing', async ({
  browser,
  request,
}) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, 'brand');
  await signIn(second, 'texas');
  for (const page of [first, second]) {
    await page.goto(DALLAS_PAGE);
    await page.getByRole('button', { name: 'Edit disclaimer' }).click();
  }
  const firstText = first.getByRole('textbox', { name: 'disclaimer (Markdown)' });
  const secondText = second.getByRole('textbox', { name: 'disclaimer (Markdown)' });
  await expect(secondText).not.toHaveValue('');

  // The brand editor saves first.
  await firstText.fill('Dallas: treatments by our medical team (brand editor’s text).');
  await first.getByRole('button', { name: 'Save draft' }).click();
  await expect(first.getByRole('form', { name: 'Edit disclaimer' })).toBeHidden();

  // The region editor, still on the text they opened, writes theirs.
  const mine =
    'Dallas Uptown: every treatment is performed by a licensed provider.\n\nAsk us first.';
  await secondText.fill(mine);

  // Leaving the form with unsaved text asks first; staying keeps the text.
  second.once('dialog', (dialog) => void dialog.dismiss());
  await second.getByRole('link', { name: '← Lumen Aesthetics Dallas Uptown' }).click();
  await expect(second).toHaveURL(new RegExp(`${DALLAS_PAGE}$`));
  await expect(secondText).toHaveValue(mine);

  await second.getByRole('button', { name: 'Save draft' }).click();
  const conflict = second.getByRole('region', {
    name: 'Someone else changed this while you were editing',
  });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('alert')).toContainText('editor@lumen-aesthetics.example');
  await expect(conflict.getByTestId('mine-text')).toHaveText(
    /licensed provider\.\s+Ask us first\./,
  );
  await expect(conflict.getByTestId('current-text')).toHaveText(
    'Dallas: treatments by our medical team (brand editor’s text).',
  );
  await expect(conflict.getByTestId('base-text')).toContainText('Texas');
  // Nothing was overwritten: the stored override is still the first editor's.
  const brand = await api(request, 'brand');
  const stored = async () => {
    const { clinic } = await brand(
      `{ clinic(brand: "lumen-aesthetics", slug: "dallas-uptown", preview: true) {
           itemId treatment(slug: "micro-needling") { itemId } } }`,
    );
    const { overrides } = await brand(
      `query($c: ID!, $t: ID!) { overrides(clinicId: $c, entityType: TREATMENT, entityId: $t) { values } }`,
      { c: clinic.itemId, t: clinic.treatment.itemId },
    );
    return (overrides as { values: { field: string; value: string } }[]).find(
      (o) => o.values.field === 'disclaimer',
    )?.values.value;
  };
  expect(await stored()).toBe('Dallas: treatments by our medical team (brand editor’s text).');
  await expectAccessible(second);
  await screenshot(second, 'conflict');
  await second.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(second);
  await second.setViewportSize({ width: 1280, height: 800 });

  // Re-applying saves the region editor's text on top of the current version.
  await conflict.getByRole('button', { name: 'Save mine on top of theirs' }).click();
  await expect(second.getByRole('form', { name: 'Edit disclaimer' })).toBeHidden();
  await expect(second.locator('tr[data-field="disclaimer"]')).toContainText('Ask us first.');
  expect(await stored()).toBe(mine);
  // It waits in the changes tray as a draft, like any save.
  await expect(
    second.getByRole('region', { name: 'Changes to publish' }).getByRole('checkbox', {
      name: 'This clinic’s disclaimer',
    }),
  ).toBeVisible();
});
