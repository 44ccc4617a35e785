import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers';

test('a clinic’s details and opening hours are edited on the clinic’s clock, with refusals beside the field', async ({
  page,
  request,
}) => {
  await signIn(page, 'brand');
  await page.goto('/console/clinics/denver-cherry-creek');
  await expect(page.getByText('Times in the clinic’s time zone, America/Denver.')).toBeVisible();
  await page.getByRole('button', { name: 'Edit details and hours' }).click();
  const form = page.getByRole('form', { name: 'Edit details and hours' });
  await form.getByLabel('Phone').fill('+1 303-555-0199');
  await form.getByRole('combobox', { name: 'Time zone' }).fill('Phoenix');
  await page.getByRole('option', { name: 'America/Phoenix' }).click();
  await expect(form.getByText('Opening hours (America/Phoenix)')).toBeVisible();

  // A Saturday that closes before it opens is refused beside its closing time.
  await form.getByRole('button', { name: 'Add opening interval' }).click();
  const saturday = form.getByRole('group', { name: /^Interval \d+$/ }).last();
  await saturday.getByLabel('Closes').fill('09:00');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(saturday.getByLabel('Closes')).toHaveAccessibleDescription(
    /Must be later than opens \(10:00\)/,
  );
  await expectAccessible(page);
  await screenshot(page, 'clinic-details');

  await saturday.getByLabel('Closes').fill('15:00');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText('Times in the clinic’s time zone, America/Phoenix.')).toBeVisible();
  const hours = page.getByRole('table', { name: 'Opening hours' });
  await expect(hours.getByRole('row', { name: /Saturday/ })).toContainText('10:00–15:00');
  await expect(page.getByText('Phone: +1 303-555-0199')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);

  // A draft: published, anonymous delivery shows it.
  const brand = await api(request, 'brand');
  const { clinic } = await brand(
    `{ clinic(brand: "lumen-aesthetics", slug: "denver-cherry-creek", preview: true) { itemId } }`,
  );
  const { item } = await brand(
    `query($id: ID!) { item(type: CLINIC, id: $id) { type id version } }`,
    {
      id: clinic.itemId,
    },
  );
  await brand(`mutation($input: PublishInput!) { publish(input: $input) { id } }`, {
    input: { items: [item] },
  });
  const response = await request.post('/graphql', {
    data: {
      query: `{ clinic(brand: "lumen-aesthetics", slug: "denver-cherry-creek") {
        phone timezone openingHours { day opens closes } } }`,
    },
  });
  const live = (
    (await response.json()) as {
      data: { clinic: { phone: string; timezone: string; openingHours: { day: string }[] } };
    }
  ).data.clinic;
  expect(live).toMatchObject({ phone: '+1 303-555-0199', timezone: 'America/Phoenix' });
  expect(live.openingHours).toContainEqual({ day: 'SATURDAY', opens: '10:00', closes: '15:00' });
});
