import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn, watchConsole } from './helpers';

test.describe('the start page and a clinic’s workspace', () => {
  test('the Texas region editor sees only Texas clinics and cannot reach another region’s clinic by URL', async ({
    page,
  }) => {
    const problems = watchConsole(page);
    await signIn(page, 'texas');
    const clinics = page.getByRole('table', { name: 'Clinics you may edit' });
    await expect(clinics.getByRole('link')).toHaveText([
      'Lumen Aesthetics Austin Downtown',
      'Lumen Aesthetics Dallas Uptown',
      'Lumen Aesthetics Houston Galleria',
    ]);
    await expectAccessible(page);
    await screenshot(page, 'start-page');

    await page.getByLabel('Search by name or city').fill('dallas');
    await expect(clinics.getByRole('link')).toHaveText(['Lumen Aesthetics Dallas Uptown']);

    await page.goto('/console/clinics/denver-cherry-creek');
    await expect(page.getByRole('heading', { name: /You cannot edit/ })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText('This is outside the regions you edit');
    await expect(page.getByTestId('workspace-ready')).toHaveCount(0);
    await expectAccessible(page);

    await page.goto('/console/clinics/no-such-clinic');
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('the Austin editor opens the workspace: details, hours in the clinic’s time zone, treatments and their fields’ sources', async ({
    page,
  }) => {
    await signIn(page, 'austin');
    await expect(
      page.getByRole('table', { name: 'Clinics you may edit' }).getByRole('link'),
    ).toHaveText(['Lumen Aesthetics Austin Downtown']);
    await page.getByRole('link', { name: 'Lumen Aesthetics Austin Downtown' }).click();
    await expect(
      page.getByRole('heading', { name: 'Lumen Aesthetics Austin Downtown', level: 1 }),
    ).toBeVisible();
    await expect(page.getByText('Times in the clinic’s time zone, America/Chicago.')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'clinic-workspace');

    await page.getByRole('link', { name: 'Micro-Needling' }).click();
    const fields = page.getByRole('table', { name: 'Fields of the treatment page' });
    await expect(fields.getByRole('rowheader', { name: 'disclaimer' })).toBeVisible();
    await expect(fields.locator('tr[data-field="name"]')).toContainText('Brand');
    await expectAccessible(page);
    await screenshot(page, 'treatment-page');

    // The same at a phone's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
  });
});
