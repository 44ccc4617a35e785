import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './helpers';

const PUBLIC_PRICES = `{
  clinic(brand: "lumen-aesthetics", slug: "austin-downtown") {
    treatment(slug: "micro-needling") { prices { label amount { amountMinor formatted } } }
  }
}`;

/** What anyone sees: a plain, anonymous delivery query. */
async function publicPrices(baseURL: string) {
  const response = await fetch(new URL('/graphql', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: PUBLIC_PRICES }),
  });
  const body = (await response.json()) as {
    data: {
      clinic: {
        treatment: {
          prices: { label: string; amount: { amountMinor: number; formatted: string } }[];
        };
      };
    };
  };
  return body.data.clinic.treatment.prices;
}

test('the Austin editor changes the micro-needling price in dollars, sees refusals beside the field, and publishes it', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'austin');
  await page.goto('/console/clinics/austin-downtown/treatments/micro-needling');
  await expect(page.getByRole('heading', { name: 'Prices' })).toBeVisible();
  await expect(page.locator('tr[data-price="Micro-needling session"]')).toContainText('$349.00');

  // An overlap the API refuses is said beside the validity field, in words.
  await page.getByRole('button', { name: 'Edit price Package of 3 sessions' }).click();
  const packageForm = page.getByRole('form', { name: 'Edit price Package of 3 sessions' });
  await packageForm.getByLabel('Label').fill('Micro-needling session');
  await packageForm.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'One session' }).click();
  await packageForm.getByRole('button', { name: 'Save draft' }).click();
  await expect(packageForm.getByLabel('Valid from')).toHaveAccessibleDescription(/overlaps/);
  await expectAccessible(page);
  await packageForm.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Edit price Micro-needling session' }).click();
  const form = page.getByRole('form', { name: 'Edit price Micro-needling session' });
  const amount = form.getByRole('textbox', { name: 'Amount (USD)' });
  await expect(amount).toHaveValue('349.00');

  // Dollars, never cents: a third decimal is refused before anything is sent.
  await amount.fill('375.505');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(amount).toHaveAccessibleDescription(/USD has 2 digits after the point at most/);

  await amount.fill('375.5');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(form.getByRole('status')).toContainText('Saved as a draft');
  await expect(page.locator('tr[data-price="Micro-needling session"]')).toContainText('$375.50');
  await expectAccessible(page);
  await screenshot(page, 'price-edit');

  // A draft is not public yet.
  expect(
    (await publicPrices(baseURL!)).find((p) => p.label === 'Micro-needling session')?.amount,
  ).toMatchObject({ amountMinor: 34900 });

  await form.getByRole('button', { name: 'Publish this price' }).click();
  await expect(form.getByRole('status')).toContainText('Published');
  await expect
    .poll(
      async () =>
        (await publicPrices(baseURL!)).find((p) => p.label === 'Micro-needling session')?.amount,
    )
    .toEqual({ amountMinor: 37550, formatted: '$375.50' });
});
