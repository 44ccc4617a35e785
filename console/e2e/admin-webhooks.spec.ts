import { expect, test } from '@playwright/test';
import { verifyWebhookSignature } from '../../test/helpers/verify-webhook-signature';
import { WebhookReceiver } from '../../test/helpers/webhook-receiver';
import { api, expectAccessible, screenshot, signIn, sql } from './helpers';

let receiver: WebhookReceiver;
test.beforeAll(async () => {
  // Answers 500 until told otherwise: the first delivery fails.
  receiver = await WebhookReceiver.start('fail');
});
test.afterAll(() => receiver.down());

test('webhooks: an endpoint with its secret shown once, a dead delivery replayed, a test event delivered', async ({
  page,
  request,
}) => {
  // Editors who are not admins see no Admin links.
  await signIn(page, 'brand');
  await expect(page.getByRole('navigation', { name: 'Admin' })).toHaveCount(0);
  // Nor the screens, by address.
  await page.goto('/console/admin/webhooks');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'admin');
  const admin = page.getByRole('navigation', { name: 'Admin' });
  await admin.getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();

  // A new endpoint, by keyboard: URL, one event, submit.
  await page.getByRole('button', { name: 'Add an endpoint' }).click();
  const form = page.getByRole('form', { name: 'New endpoint' });
  await form.getByLabel('URL').fill(receiver.url);
  await form.getByLabel('Note for your team').fill('Search index');
  const faqPublished = form.getByRole('checkbox', { name: 'FAQs published' });
  await faqPublished.focus();
  await page.keyboard.press('Space');
  await expect(faqPublished).toBeChecked();
  await expectAccessible(page);
  await screenshot(page, 'webhooks-new');
  await form.getByRole('button', { name: 'Add the endpoint' }).press('Enter');

  // The secret, once, with a copy button.
  const shown = page.getByRole('status').filter({ hasText: 'Signing secret: shown only now' });
  await expect(shown).toBeVisible();
  await expect(shown.getByRole('button', { name: 'Copy secret' })).toBeVisible();
  const secret = (await shown.getByLabel('Signing secret').textContent())!.trim();
  expect(secret.length).toBeGreaterThanOrEqual(24);
  const endpoints = page.getByRole('table', { name: 'Endpoints' });
  const row = endpoints.getByRole('row', { name: new RegExp(receiver.url) });
  await expect(row).toContainText('FAQs: published');
  await expect(row).toContainText('Enabled');
  await expectAccessible(page);
  await screenshot(page, 'webhooks');
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Deliveries: a test event, which the failing receiver refuses.
  await row.getByRole('link', { name: `Deliveries to ${receiver.url}` }).click();
  await expect(page.getByRole('heading', { name: `Deliveries to ${receiver.url}` })).toBeVisible();
  await expect(page.getByText('No deliveries.')).toBeVisible();
  await page.getByRole('button', { name: 'Send test event' }).click();
  const deliveries = page.getByRole('table', { name: 'Deliveries' });
  const first = deliveries.locator('tbody tr[data-delivery]').first();
  await expect(first).toContainText('webhook.test');
  // The list looks again by itself while the delivery is pending.
  await expect(first).toContainText('receiver answered HTTP 500');

  // Retries run for a day: this delivery's day ends now, so its next try is its last.
  const deliveryId = await first.getAttribute('data-delivery');
  await sql(
    `UPDATE webhook_deliveries SET give_up_at = now(), next_attempt_at = now() WHERE id = $1`,
    [deliveryId],
  );
  await expect(first).toHaveAttribute('data-status', 'DEAD');
  await expect(first).toContainText('Dead');
  await first.getByRole('button', { name: /^Attempts of webhook.test/ }).click();
  await expect(deliveries.getByRole('listitem').first()).toContainText(
    'receiver answered HTTP 500',
  );
  await expectAccessible(page);
  await screenshot(page, 'webhook-deliveries-dead');
  expect(receiver.received).toHaveLength(0);

  // The receiver is fixed: replay, by keyboard; it is delivered, with the same event.
  receiver.mode = 'ok';
  const replay = first.getByRole('button', { name: /^Replay webhook.test/ });
  await replay.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'queued again' })).toBeVisible();
  await expect(first).toHaveAttribute('data-status', 'SUCCEEDED');
  await expect(first).toContainText('Delivered');
  expect(receiver.received).toHaveLength(1);
  const [replayed] = receiver.received;
  expect(JSON.parse(replayed.body)).toMatchObject({ type: 'webhook.test' });
  expect(verifyWebhookSignature(secret, replayed.body, replayed.headers)).toBe(true);

  // A second test event: a new delivery, delivered.
  await page.getByRole('button', { name: 'Send test event' }).click();
  await expect(deliveries.locator('tbody tr[data-delivery]')).toHaveCount(2);
  await expect(deliveries.locator('tbody tr[data-delivery]').first()).toHaveAttribute(
    'data-status',
    'SUCCEEDED',
  );
  expect(receiver.eventIds()).toHaveLength(2);
  await expectAccessible(page);
  await screenshot(page, 'webhook-deliveries');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Back on the list: rotate the secret (shown once), pause, delete.
  await page.getByRole('link', { name: '← Webhooks' }).click();
  page.on('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: `Rotate secret of ${receiver.url}` }).click();
  const rotated = (await shown.getByLabel('Signing secret').textContent())!.trim();
  expect(rotated).not.toBe(secret);
  await shown.getByRole('button', { name: 'Done' }).click();
  await row.getByRole('button', { name: `Edit ${receiver.url}` }).click();
  const edit = page.getByRole('form', { name: `Edit ${receiver.url}` });
  await edit.getByRole('checkbox', { name: /^Enabled/ }).uncheck();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('Paused');
  await row.getByRole('button', { name: `Delete ${receiver.url}` }).click();
  await expect(page.getByRole('status')).toContainText(`Deleted the endpoint ${receiver.url}`);
  await expect(endpoints).toHaveCount(0);

  // What the API answers decides: an editor may not open the screen's data either.
  const editor = await api(request, 'brand');
  await expect(editor('{ webhookEndpoints { id } }')).rejects.toThrow(/FORBIDDEN/);
});

test('audit log: filtered by person, their actions, each linked to the item and its history', async ({
  page,
  request,
}) => {
  // Austin's editor adds an FAQ and publishes it.
  const austin = await api(request, 'austin');
  const { clinic } = await austin(
    `{ clinic(brand: "lumen-aesthetics", slug: "austin-downtown", preview: true) { itemId } }`,
  );
  const question = `Is parking validated? ${Date.now()}`;
  const { createFaq } = await austin(
    `mutation($input: CreateFaqInput!) { createFaq(input: $input) { type id version } }`,
    { input: { clinicId: clinic.itemId, question, answer: 'Yes, at the desk.' } },
  );
  await austin(`mutation($input: PublishInput!) { publish(input: $input) { id } }`, {
    input: { items: [createFaq] },
  });
  const { users } = await (await api(request, 'admin'))('{ users { id email } }');
  const austinUser = users.find(
    (user: { email: string }) => user.email === 'austin@lumen-aesthetics.example',
  );

  await signIn(page, 'admin');
  await page
    .getByRole('navigation', { name: 'Admin' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  const entries = page.getByRole('table', { name: 'Audit log entries' });
  // Unfiltered, the admin's own sign-in is there.
  await expect(
    entries.getByRole('row').filter({ hasText: 'admin@lumen-aesthetics.example' }).first(),
  ).toBeVisible();

  await page.getByRole('combobox', { name: 'Person' }).selectOption(austinUser.id);
  const rows = entries.locator('tbody tr');
  await expect(rows.filter({ hasText: 'admin@lumen-aesthetics.example' })).toHaveCount(0);
  await expect(rows.first()).toContainText('austin@lumen-aesthetics.example');
  const count = await rows.count();
  await expect(rows.filter({ hasText: 'austin@lumen-aesthetics.example' })).toHaveCount(count);
  const published = rows.filter({ hasText: 'CONTENT_PUBLISH' }).filter({ hasText: question });
  await expect(published).toHaveCount(1);
  await expect(
    rows.filter({ hasText: 'CONTENT_CREATE' }).filter({ hasText: question }),
  ).toHaveCount(1);
  await expect(
    published.getByRole('link', { name: `FAQ “${question}”`, exact: true }),
  ).toHaveAttribute('href', '/console/clinics/austin-downtown/faqs');
  await expectAccessible(page);
  await screenshot(page, 'audit-log');

  // The entry's revision, in the item's history.
  await published
    .getByRole('link', { name: `This change in its history: FAQ “${question}”` })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/console/clinics/austin-downtown/history/FAQ/${createFaq.id}\\?revision=\\d+$`),
  );
  await expect(page.getByRole('heading', { name: `History of FAQ “${question}”` })).toBeVisible();
  const marked = page.getByRole('table', { name: 'Revisions' }).locator('tr[aria-current="true"]');
  await expect(marked).toContainText('Published');
  await expect(marked).toContainText('austin@lumen-aesthetics.example');
  await expectAccessible(page);
  await screenshot(page, 'audit-log-history');

  await page.goBack();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test('audit log: a brand-wide change links to its treatment and to its history at the brand level', async ({
  page,
  request,
}) => {
  const brand = await api(request, 'brand');
  const slug = `audit-peel-${Date.now()}`;
  const { createTreatment } = await brand(
    `mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { type id version } }`,
    { input: { slug, name: 'Audit peel', summary: 'A peel for the audit log.' } },
  );
  // A draft nobody else expects in the brand's tray: deleted whatever happens here.
  try {
    await signIn(page, 'admin');
    await page.goto('/console/admin/audit');
    await page.getByRole('textbox', { name: 'Item id' }).fill(createTreatment.id);
    const rows = page.getByRole('table', { name: 'Audit log entries' }).locator('tbody tr');
    const created = rows.filter({ hasText: 'CONTENT_CREATE' });
    await expect(created).toHaveCount(1);
    await expect(
      created.getByRole('link', { name: 'Brand treatment (brand-wide)', exact: true }),
    ).toHaveAttribute('href', `/console/brand/treatments/${slug}`);

    await created
      .getByRole('link', { name: 'This change in its history: Brand treatment' })
      .click();
    await expect(page).toHaveURL(
      new RegExp(`/console/brand/history/TREATMENT/${createTreatment.id}\\?revision=\\d+$`),
    );
    await expect(page.getByRole('heading', { name: 'History of Audit peel' })).toBeVisible();
    const marked = page
      .getByRole('table', { name: 'Revisions' })
      .locator('tr[aria-current="true"]');
    await expect(marked).toContainText('Created');
    await expect(page.getByRole('link', { name: '← Brand content' })).toBeVisible();
    await expectAccessible(page);
  } finally {
    await brand(`mutation($input: DeleteItemInput!) { deleteItem(input: $input) { id } }`, {
      input: { item: createTreatment },
    });
  }
});
