import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers';

const ITEM = 'type id version';

test('an item’s history: who changed which fields when, a diff of any two versions, and restore', async ({
  page,
  request,
}) => {
  // Boulder's own FAQ: created, published, then its answer changed (a draft).
  const brand = await api(request, 'brand');
  const { clinic } = await brand(
    `{ clinic(brand: "lumen-aesthetics", slug: "boulder-pearl-street", preview: true) { itemId } }`,
  );
  const { createFaq } = await brand(
    `mutation($input: CreateFaqInput!) { createFaq(input: $input) { ${ITEM} } }`,
    { input: { clinicId: clinic.itemId, question: 'Is there a bike rack?', answer: 'Yes.' } },
  );
  const [published] = (
    await brand(`mutation($input: PublishInput!) { publish(input: $input) { ${ITEM} } }`, {
      input: { items: [createFaq] },
    })
  ).publish;
  await brand(`mutation($input: UpdateFaqInput!) { updateFaq(input: $input) { ${ITEM} } }`, {
    input: { id: createFaq.id, version: published.version, answer: 'Yes, by the front door.' },
  });

  await signIn(page, 'brand');
  await page.goto('/console/clinics/boulder-pearl-street/faqs');
  await page.getByRole('link', { name: 'History of “Is there a bike rack?”' }).click();
  await expect(
    page.getByRole('heading', { name: 'History of FAQ “Is there a bike rack?”' }),
  ).toBeVisible();
  const revisions = page.getByRole('table', { name: 'Revisions' });
  await expect(revisions.locator('tbody tr')).toHaveCount(3);
  const newest = revisions.locator('tbody tr').first();
  await expect(newest).toContainText('editor@lumen-aesthetics.example');
  await expect(newest).toContainText('Draft saved');
  await expect(newest).toContainText('answer');

  // The newest two versions, compared field by field.
  const differences = page.getByRole('table', { name: 'Differences between the two versions' });
  await expect(differences.getByRole('row', { name: /answer/ })).toContainText(
    'Yes.Yes, by the front door.',
  );
  await expectAccessible(page);
  await screenshot(page, 'history');

  // Any two: the creation against the draft.
  const created = await revisions.locator('tbody tr').last().getAttribute('data-version');
  const fromVersion = page.getByRole('combobox', { name: 'From' });
  const label = await fromVersion
    .locator('option', { hasText: `Version ${created}:` })
    .textContent();
  await fromVersion.selectOption({ label: label! });
  await expect(differences.getByRole('row', { name: /answer/ })).toBeVisible();

  // Restore the published version: it becomes the draft again.
  await revisions.getByRole('button', { name: `Restore version ${published.version}` }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Version ${published.version} is the draft again: publish it to make it live.`,
  );
  await expect(revisions.locator('tbody tr').first()).toContainText('Restored');
  const { item } = await brand(`query($id: ID!) { item(type: FAQ, id: $id) { values } }`, {
    id: createFaq.id,
  });
  expect(item.values.answer).toBe('Yes.');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
});
