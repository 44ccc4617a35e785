import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './helpers';

const PUBLIC_PRICES = `{
  clinic(brand: "lumen-aesthetics", slug: "austin-downtown") {
    treatment(slug: "micro-needling") {
      disclaimerHtml
      prices { label amount { amountMinor formatted } }
    }
  }
}`;

/** What anyone sees: a plain, anonymous delivery query. */
async function publicPage(baseURL: string) {
  const response = await fetch(new URL('/graphql', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: PUBLIC_PRICES }),
  });
  const body = (await response.json()) as {
    data: {
      clinic: {
        treatment: {
          disclaimerHtml: string | null;
          prices: { label: string; amount: { amountMinor: number; formatted: string } }[];
        };
      };
    };
  };
  return body.data.clinic.treatment;
}
const singleSession = async (baseURL: string) =>
  (await publicPage(baseURL)).prices.find((p) => p.label === 'Micro-needling session')?.amount;

test('the Austin editor changes the micro-needling price (in dollars) and the disclaimer (with a live preview), and publishes both as one changeset', async ({
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
  // The refused change is not saved: closing the form asks first.
  const asked = new Promise<string>((done) =>
    page.once('dialog', (dialog) => {
      done(dialog.message());
      void dialog.accept();
    }),
  );
  await packageForm.getByRole('button', { name: 'Close' }).click();
  expect(await asked).toContain('not saved');
  await expect(packageForm).toBeHidden();

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

  // The disclaimer, in Markdown, with the server's live preview and a token.
  await page.getByRole('button', { name: 'Edit disclaimer' }).click();
  const editor = page.getByRole('form', { name: 'Edit disclaimer' });
  const text = editor.getByRole('textbox', { name: 'disclaimer (Markdown)' });
  await text.fill('Results vary. Ask ');
  await editor.getByRole('button', { name: 'Insert {{clinic.name}}' }).click();
  await text.press('End');
  await text.pressSequentially(' about **aftercare**.');
  const preview = editor.getByRole('region', { name: 'Preview (as the public page shows it)' });
  await expect(preview).toContainText(
    'Results vary. Ask Lumen Aesthetics Austin Downtown about aftercare.',
  );
  await expect(preview.locator('strong')).toHaveText('aftercare');
  await expectAccessible(page);
  await screenshot(page, 'markdown-preview');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor).toBeHidden();

  // Drafts are not public yet.
  expect(await singleSession(baseURL!)).toMatchObject({ amountMinor: 34900 });

  // The public page as it is live, beside the page after publishing.
  const live = page.getByRole('region', { name: 'Live now' });
  const after = page.getByRole('region', { name: 'After publishing (preview)' });
  await expect(live).toContainText('Micro-needling session: $349.00');
  await expect(after).toContainText('Micro-needling session: $375.50');
  await expect(after.locator('strong')).toHaveText('aftercare');
  await expect(live).not.toContainText('about aftercare');

  const changes = page.getByRole('region', { name: 'Changes to publish' });
  await expect(
    changes.getByRole('checkbox', { name: 'Price “Micro-needling session”' }),
  ).toBeChecked();
  await expect(changes.getByRole('checkbox', { name: 'This clinic’s disclaimer' })).toBeChecked();
  await expectAccessible(page);
  await changes.getByRole('button', { name: 'Publish selected (2)' }).click();
  await expect(changes.getByRole('status')).toContainText('Published 2 changes.');
  await expect(live).toContainText('Micro-needling session: $375.50');
  await screenshot(page, 'published');
  // The same screen at a phone's width.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);

  // An anonymous delivery query now shows both.
  await expect
    .poll(() => singleSession(baseURL!))
    .toEqual({ amountMinor: 37550, formatted: '$375.50' });
  expect((await publicPage(baseURL!)).disclaimerHtml).toContain(
    'Results vary. Ask Lumen Aesthetics Austin Downtown about <strong>aftercare</strong>.',
  );
});
