import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './helpers';

/** Anonymous delivery: Jordan Reyes as Austin's page shows him. */
async function liveJordan(baseURL: string) {
  const response = await fetch(new URL('/graphql', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{ providers(brand: "lumen-aesthetics", clinic: "austin-downtown") {
        edges { node { slug title photoUrl bioHtml } } } }`,
    }),
  });
  const body = (await response.json()) as {
    data: {
      providers: {
        edges: { node: { slug: string; title: string; photoUrl: string; bioHtml: string } }[];
      };
    };
  };
  return body.data.providers.edges.find((edge) => edge.node.slug === 'jordan-reyes')!.node;
}

test('the Austin editor keeps a provider’s bio, title and photo current; the treatments performed are the brand’s', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'austin');
  await page.goto('/console/clinics/austin-downtown');
  await page.getByRole('link', { name: 'Providers working here' }).click();
  const jordan = page.getByRole('article', { name: 'Jordan Reyes' });
  await expect(jordan).toContainText('Aesthetic Nurse');
  await expect(jordan).toContainText('Performs here:');
  await jordan.getByRole('button', { name: 'Edit Jordan Reyes' }).click();

  const form = page.getByRole('form', { name: 'Edit Jordan Reyes' });
  // Which treatments he performs is the brand's to say: shown, not editable here.
  const treatments = form.getByRole('group', { name: 'Treatments performed here' });
  await expect(treatments).toHaveAccessibleDescription(
    'Only brand editors may change these fields',
  );
  for (const box of await treatments.getByRole('checkbox').all()) await expect(box).toBeDisabled();

  await form.getByLabel('Title').fill('Senior Aesthetic Nurse');
  await form.getByLabel('Photo URL').fill('https://images.lumen-aesthetics.example/jordan.jpg');
  await form
    .getByRole('textbox', { name: 'Bio (Markdown)' })
    .fill('Jordan leads **new-patient** consultations in Austin.');
  // A bio is rendered without tokens (delivery fills none there): no token buttons.
  await expect(form.getByRole('button', { name: /Insert/ })).toHaveCount(0);
  const preview = form.getByRole('region', { name: 'Preview (as the public page shows it)' });
  await expect(preview).toContainText('Jordan leads new-patient consultations in Austin.');
  await expect(preview.locator('strong')).toHaveText('new-patient');
  await expectAccessible(page);
  await screenshot(page, 'provider-edit');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(form).toBeHidden();
  await expect(jordan).toContainText('Senior Aesthetic Nurse');

  // Not live until published: the provider's draft waits in this clinic's tray.
  expect((await liveJordan(baseURL!)).title).toBe('Aesthetic Nurse');
  const changes = page.getByRole('region', { name: 'Changes to publish' });
  await expect(changes.getByRole('checkbox', { name: 'Provider Jordan Reyes' })).toBeChecked();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await changes.getByRole('button', { name: /^Publish selected/ }).click();
  await expect(changes.getByRole('status')).toContainText('Published');
  await expect.poll(async () => (await liveJordan(baseURL!)).title).toBe('Senior Aesthetic Nurse');
  const live = await liveJordan(baseURL!);
  expect(live.photoUrl).toBe('https://images.lumen-aesthetics.example/jordan.jpg');
  expect(live.bioHtml).toContain(
    'Jordan leads <strong>new-patient</strong> consultations in Austin.',
  );
});
