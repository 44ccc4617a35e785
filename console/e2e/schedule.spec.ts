import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn, sql } from './helpers';

const HOUSTON_PRICES = `{
  clinic(brand: "lumen-aesthetics", slug: "houston-galleria") {
    treatment(slug: "micro-needling") { prices { label amount { amountMinor } } }
  }
}`;

/** Houston's live prices, as an anonymous delivery query reads them. */
async function livePrices(baseURL: string): Promise<Record<string, number>> {
  const response = await fetch(new URL('/graphql', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: HOUSTON_PRICES }),
  });
  const body = (await response.json()) as {
    data: {
      clinic: { treatment: { prices: { label: string; amount: { amountMinor: number } }[] } };
    };
  };
  return Object.fromEntries(
    body.data.clinic.treatment.prices.map((price) => [price.label, price.amount.amountMinor]),
  );
}

const SCHEDULES = `{ scheduledPublications(first: 100) { edges { node { id status publishAt } } } }`;

interface Schedule {
  id: string;
  status: string;
  publishAt: string;
}

/** The schedules an editor sees, latest scheduled first. */
const schedulesOf = async (editor: Awaited<ReturnType<typeof api>>): Promise<Schedule[]> =>
  (await editor(SCHEDULES)).scheduledPublications.edges.map(
    (edge: { node: Schedule }) => edge.node,
  );

test('a publish scheduled on the clinic’s clock appears, is cancelled, and never fires', async ({
  page,
  request,
  baseURL,
}) => {
  await signIn(page, 'texas');
  await page.goto('/console/clinics/houston-galleria/treatments/micro-needling');
  await page.getByRole('button', { name: 'Edit price Micro-needling session' }).click();
  const form = page.getByRole('form', { name: 'Edit price Micro-needling session' });
  await form.getByRole('textbox', { name: 'Amount (USD)' }).fill('279');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(form.getByRole('status')).toContainText('Saved as a draft');

  // 9:30 in the morning in Houston (America/Chicago, UTC−6 in January).
  const changes = page.getByRole('region', { name: 'Changes to publish' });
  const scheduleForm = changes.getByRole('form', { name: 'Schedule the selected changes' });
  await scheduleForm.getByLabel('Day').fill('2031-01-15');
  await scheduleForm.getByLabel('Time').fill('09:30');
  await scheduleForm.getByRole('button', { name: 'Schedule selected (1)' }).click();
  await expect(changes.getByRole('status')).toHaveText(
    'Scheduled for Jan 15, 2031, 9:30 AM (America/Chicago).',
  );
  const scheduled = changes.getByRole('list', { name: 'Scheduled publications' });
  await expect(scheduled.getByRole('listitem')).toHaveText([
    /Jan 15, 2031, 9:30 AM \(America\/Chicago\): 1 change, scheduled by texas@lumen-aesthetics\.example/,
  ]);
  const texas = await api(request, 'texas');
  const [schedule] = (await schedulesOf(texas)).filter((s) => s.publishAt.startsWith('2031-01-15'));
  expect(schedule.publishAt).toBe('2031-01-15T15:30:00.000Z');
  await expectAccessible(page);
  await screenshot(page, 'scheduled');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await scheduled.getByRole('button', { name: 'Cancel schedule' }).click();
  await expect(changes.getByRole('status')).toHaveText(
    'The schedule is cancelled: nothing will be published then.',
  );
  await expect(scheduled.getByRole('listitem')).toHaveCount(0);
  await expect(changes.getByText('No publication is scheduled.')).toBeVisible();

  // It never fires, even once its time has come: make it due now, and let
  // the scheduler run a due schedule (another change) past it.
  await sql(
    `UPDATE scheduled_publications SET publish_at = now() - interval '1 minute' WHERE id = $1`,
    [schedule.id],
  );
  const { clinic } = await texas(
    `{ clinic(brand: "lumen-aesthetics", slug: "houston-galleria", preview: true) {
         treatment(slug: "micro-needling") { prices { itemId label } } } }`,
  );
  const addOn = (clinic.treatment.prices as { itemId: string; label: string }[]).find(
    (price) => price.label === 'PRP add-on',
  )!;
  const { item } = await texas(`query($id: ID!) { item(type: PRICE_ITEM, id: $id) { version } }`, {
    id: addOn.itemId,
  });
  const { updatePriceItem } = await texas(
    `mutation($input: UpdatePriceItemInput!) { updatePriceItem(input: $input) { type id version } }`,
    { input: { id: addOn.itemId, version: item.version, amountMinor: 21000 } },
  );
  const { schedulePublish: control } = await texas(
    `mutation($input: SchedulePublishInput!) { schedulePublish(input: $input) { id } }`,
    { input: { items: [updatePriceItem], publishAt: '2031-01-16T15:30:00.000Z' } },
  );
  await sql(
    `UPDATE scheduled_publications SET publish_at = now() - interval '1 minute' WHERE id = $1`,
    [control.id],
  );
  const statusOf = async (id: string) =>
    (await schedulesOf(texas)).find((s) => s.id === id)?.status;
  await expect.poll(() => statusOf(control.id)).toBe('DONE');
  expect(await statusOf(schedule.id)).toBe('CANCELLED');
  expect(await livePrices(baseURL!)).toMatchObject({
    'PRP add-on': 21000,
    'Micro-needling session': 29900,
  });
});
