import { expect, test } from '@playwright/test';
import {
  api,
  brandRewritesMicroNeedling,
  expectAccessible,
  publishAustinOverride,
  screenshot,
  signIn,
} from './helpers';

test('a stale override is shown as stale, beside the brand’s value, reset to the brand value or kept', async ({
  page,
  request,
}) => {
  // Austin overrides the micro-needling summary; later the brand rewrites it, and the
  // disclaimer, which Austin overrides in the seed.
  const { treatmentId } = await publishAustinOverride(request, 'summary', 'Austin’s own summary.');
  const rewrite = await brandRewritesMicroNeedling(request, treatmentId, {
    summary: 'The brand’s new summary.',
    disclaimer: 'The brand’s new disclaimer.',
  });
  const brand = await api(request, 'brand');
  await brand(`mutation($input: PublishInput!) { publish(input: $input) { id } }`, {
    input: { items: [rewrite] },
  });

  await signIn(page, 'austin');
  await page.goto('/console/clinics/austin-downtown/treatments/micro-needling');
  const summary = page.locator('tr[data-field="summary"]');
  await expect(summary).toContainText('The brand changed it since.');
  await expect(summary).toContainText('Brand now');
  await expect(summary).toContainText('The brand’s new summary.');
  await expect(summary).toContainText('Austin’s own summary.');
  await expectAccessible(page);
  await screenshot(page, 'stale-override');

  await summary.getByRole('button', { name: 'Reset summary to inherited' }).click();
  await expect(summary).not.toContainText('Stale');
  await expect(summary).toContainText('The brand’s new summary.');
  await expect(summary).not.toContainText('Austin’s own summary.');
  await expect(summary.getByRole('cell', { name: 'Brand', exact: true })).toBeVisible();

  // Keep mine: the clinic's disclaimer stays, and is no longer stale.
  const disclaimer = page.locator('tr[data-field="disclaimer"]');
  await expect(disclaimer).toContainText('The brand changed it since.');
  const mine = await disclaimer.locator('.console-diff > div').nth(1).textContent();
  await disclaimer.getByRole('button', { name: 'Keep this clinic’s disclaimer' }).click();
  await expect(disclaimer).not.toContainText('Stale');
  await expect(disclaimer).toContainText(mine!.replace(/^This clinic/, ''));
  await expect(disclaimer.getByRole('cell', { name: 'This clinic', exact: true })).toBeVisible();
});
