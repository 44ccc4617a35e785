import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers';

const IMPACT = `query($field: String!, $policy: FieldPolicy!) {
  fieldPolicyImpact(entityType: TREATMENT, field: $field, policy: $policy) {
    hiddenClinicOverrides hiddenRegionOverrides
  }
}`;

test('locking a field shows what it hides before saving; a policy is saved as a draft, then published', async ({
  page,
  request,
}) => {
  const brand = await api(request, 'brand');
  // What the API counts now (other specs may have added overrides of the disclaimer).
  const { fieldPolicyImpact: lock } = await brand(IMPACT, {
    field: 'disclaimer',
    policy: 'LOCKED',
  });
  expect(lock.hiddenClinicOverrides).toBeGreaterThanOrEqual(2);

  await signIn(page, 'brand');
  await page.getByRole('link', { name: 'Field policies' }).click();
  await expect(page.getByRole('heading', { name: 'Field policies', level: 1 })).toBeVisible();
  const disclaimer = page.locator('tr[data-field="disclaimer"]');
  await expect(disclaimer).toContainText('Clinic-required');
  await expectAccessible(page);

  await disclaimer.getByRole('button', { name: 'Change disclaimer' }).click();
  const form = page.getByRole('region', { name: 'Policy for disclaimer' });
  await form.getByRole('radio', { name: 'Locked' }).check();
  await expect(form.getByRole('alert').or(form.locator('.mantine-Alert-root'))).toContainText(
    `Locking disclaimer hides ${lock.hiddenClinicOverrides} clinic overrides and ${lock.hiddenRegionOverrides} region override`,
  );
  await expect(form).toContainText('missing a value today will no longer be reported');
  await expectAccessible(page);
  await screenshot(page, 'field-policy-impact');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  // Nothing is saved until asked: cancel, and the disclaimer stays clinic-required.
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toHaveCount(0);
  await expect(disclaimer).toContainText('Clinic-required');
  await expect(disclaimer).not.toContainText('not published');

  // Lock the aliases: saved as a draft, then published.
  const aliases = page.locator('tr[data-field="aliases"]');
  await aliases.getByRole('button', { name: 'Change aliases' }).click();
  const aliasesForm = page.getByRole('region', { name: 'Policy for aliases' });
  await aliasesForm.getByRole('radio', { name: 'Locked' }).check();
  await expect(aliasesForm).toContainText('Locking aliases hides');
  await aliasesForm.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status')).toContainText('Saved as a draft');
  await expect(aliases).toContainText('Locked (not published)');
  await aliases.getByRole('button', { name: 'Publish aliases policy' }).click();
  await expect(page.getByRole('status')).toContainText('The aliases policy is published');
  await expect(aliases.getByRole('cell').nth(0)).toHaveText('Locked');

  // Back to inheritable, for the specs after this one.
  const { fieldPolicySettings } = await brand(
    `{ fieldPolicySettings(entityType: TREATMENT) { field item { type id version } } }`,
  );
  const policy = fieldPolicySettings.find((s: { field: string }) => s.field === 'aliases').item;
  const { setFieldPolicy } = await brand(
    `mutation($input: SetFieldPolicyInput!) { setFieldPolicy(input: $input) { type id version } }`,
    {
      input: {
        entityType: 'TREATMENT',
        field: 'aliases',
        policy: 'INHERITABLE',
        version: policy.version,
      },
    },
  );
  await brand(`mutation($input: PublishInput!) { publish(input: $input) { id } }`, {
    input: { items: [setFieldPolicy] },
  });
});
