import { expect, test } from '@playwright/test';
import {
  brandRewritesMicroNeedling,
  expectAccessible,
  publishAustinOverride,
  screenshot,
  signIn,
} from './helpers';

test('a brand editor sees Austin’s stale override in the drift report, compares it, resets it and publishes: Austin shows the brand’s value', async ({
  page,
  request,
}) => {
  // Austin writes its own summary (published); then the brand rewrites its summary. Both set the
  // scene through the API (brand-content.spec.ts walks the brand's own screen).
  const { treatmentId } = await publishAustinOverride(
    request,
    'summary',
    'Austin’s own summary, from before the rewrite.',
  );
  await brandRewritesMicroNeedling(request, treatmentId, {
    summary: 'The brand’s rewritten summary.',
  });

  await signIn(page, 'brand');
  await page.getByRole('link', { name: 'Drift report' }).click();
  await expect(page.getByRole('heading', { name: 'Drift report', level: 1 })).toBeVisible();
  await page.getByLabel('Kind').selectOption({ label: 'Stale override' });
  const row = page.locator('tr[data-place="austin-downtown"][data-field="summary"]');
  await expect(row).toContainText('Stale override');
  await expect(row).toContainText('Micro-Needling');
  await row.getByRole('button', { name: /Compare summary at/ }).click();
  const diff = page.locator('.console-diff').first();
  await expect(diff).toContainText('The brand’s rewritten summary.');
  await expect(diff).toContainText('Austin’s own summary, from before the rewrite.');
  await expectAccessible(page);
  await screenshot(page, 'drift-report');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Reset it to inherited (a draft), then publish it with the brand's change.
  await row.getByRole('checkbox', { name: /Select .*Austin Downtown’s summary/ }).check();
  await page.getByRole('button', { name: 'Reset selected to inherited (1)' }).click();
  await expect(page.getByRole('status')).toContainText('Reset 1 override to inherited');
  await expect(row).toHaveCount(0);

  await page.getByRole('link', { name: 'Your changes' }).click();
  const changes = page.getByRole('region', { name: 'Changes to publish' });
  const boxes = changes.getByRole('checkbox');
  await expect(boxes.first()).toBeVisible();
  // Only the two changes of this walk: other drafts of the brand stay drafts.
  for (const box of await boxes.all()) await box.uncheck();
  await changes.getByRole('checkbox', { name: 'Brand treatment' }).check();
  await changes
    .getByRole('checkbox', { name: 'This clinic’s summary (Lumen Aesthetics Austin Downtown)' })
    .check();
  await changes.getByRole('button', { name: 'Publish selected (2)' }).click();
  await expect(changes.getByRole('status')).toHaveText('Published 2 changes.');

  // Austin's delivered page, asked anonymously: the brand's value, from the brand.
  const response = await request.post('/graphql', {
    data: {
      query: `{ treatment(brand: "lumen-aesthetics", slug: "micro-needling", clinic: "austin-downtown") {
                 summary fieldSources { field scope stale } } }`,
    },
  });
  const { data } = await response.json();
  expect(data.treatment.summary).toBe('The brand’s rewritten summary.');
  expect(data.treatment.fieldSources).toContainEqual({
    field: 'summary',
    scope: 'BRAND',
    stale: false,
  });
});
