import { expect, type Locator, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './helpers';

const EVENING = 'Do you offer evening appointments?';
const PARKING = 'Is there parking at Lumen Aesthetics Austin Downtown?';

const order = (list: Locator) =>
  list
    .locator(':scope > li')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-faq')));

/** Anonymous delivery: Austin's FAQ questions, in order. */
async function liveQuestions(baseURL: string): Promise<string[]> {
  const response = await fetch(new URL('/graphql', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{ clinic(brand: "lumen-aesthetics", slug: "austin-downtown") { faqs { question } } }`,
    }),
  });
  const body = (await response.json()) as { data: { clinic: { faqs: { question: string }[] } } };
  return body.data.clinic.faqs.map((faq) => faq.question);
}

test('the Austin editor hides and shows a brand FAQ, adds and edits a local one, and reorders by keyboard and by dragging', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'austin');
  await page.goto('/console/clinics/austin-downtown');
  await page.getByRole('link', { name: 'FAQs shown here' }).click();
  const list = page.getByRole('list', { name: 'FAQs in the order shown' });
  await expect(list.locator(`li[data-faq="${PARKING}"]`)).toContainText('This clinic');
  const before = await order(list);
  const brandQuestion = before.find((question) => question !== PARKING)!;

  // Hide a brand FAQ here, then show it again.
  const hidden = page.getByRole('list', { name: 'Brand FAQs hidden here' });
  await list.getByRole('button', { name: `Hide “${brandQuestion}” here` }).click();
  await expect(hidden).toContainText(brandQuestion);
  await expect(list.locator(`li[data-faq="${brandQuestion}"]`)).toHaveCount(0);
  await expectAccessible(page);
  await hidden.getByRole('button', { name: `Show “${brandQuestion}” here again` }).click();
  await expect(list.locator(`li[data-faq="${brandQuestion}"]`)).toBeVisible();
  await expect(hidden.getByRole('listitem')).toHaveCount(0);

  // A local FAQ, with the answer's live preview.
  await page.getByRole('button', { name: 'Add a FAQ' }).click();
  const create = page.getByRole('form', { name: 'New FAQ at this clinic' });
  await create.getByLabel('Question').fill(EVENING);
  await create.getByRole('textbox', { name: 'Answer (Markdown)' }).fill('Yes, until **8 pm** at ');
  await create.getByRole('button', { name: 'Insert {{clinic.name}}' }).click();
  await expect(
    create.getByRole('region', { name: 'Preview (as the public page shows it)' }),
  ).toContainText('Yes, until 8 pm at Lumen Aesthetics Austin Downtown');
  await create.getByRole('button', { name: 'Add FAQ (draft)' }).click();
  await expect(create).toBeHidden();
  await expect(list.locator(`li[data-faq="${EVENING}"]`)).toContainText('This clinic');

  // Edit it.
  await list.getByRole('button', { name: `Edit “${EVENING}”` }).click();
  const edit = page.getByRole('form', { name: `Edit FAQ “${EVENING}”` });
  const answer = edit.getByRole('textbox', { name: 'Answer (Markdown)' });
  await expect(answer).toHaveValue('Yes, until **8 pm** at {{clinic.name}}');
  await answer.fill('Yes, on weekdays until **8 pm** at {{clinic.name}}.');
  await edit.getByRole('button', { name: 'Save draft' }).click();
  await expect(edit).toBeHidden();

  // Keyboard: lift the row with Space, move it up place by place (the
  // screen reader hears each place), drop it with Space.
  const count = (await order(list)).length;
  const from = (await order(list)).indexOf(EVENING) + 1;
  const heard = page.locator('[id^="DndLiveRegion"]');
  await list.getByRole('button', { name: `Move “${EVENING}”` }).focus();
  await page.keyboard.press('Space');
  await expect(heard).toContainText(`“${EVENING}” is now at place ${from} of ${count}.`);
  for (let place = from - 1; place >= 1; place--) {
    await page.keyboard.press('ArrowUp');
    await expect(heard).toContainText(`“${EVENING}” is now at place ${place} of ${count}.`);
  }
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: `Moved “${EVENING}”` })).toBeVisible();
  await expect.poll(async () => (await order(list))[0]).toBe(EVENING);
  await expectAccessible(page);
  await screenshot(page, 'faqs');

  // Dragging: the parking FAQ onto the first row (a tall window shows the whole list).
  await page.setViewportSize({ width: 1280, height: 1600 });
  await list.scrollIntoViewIfNeeded();
  const handle = await list.getByRole('button', { name: `Move “${PARKING}”` }).boundingBox();
  const first = await list.locator(':scope > li').first().boundingBox();
  await page.mouse.move(handle!.x + handle!.width / 2, handle!.y + handle!.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle!.x + handle!.width / 2, first!.y + 4, { steps: 25 });
  await page.mouse.up();
  await expect.poll(async () => (await order(list)).slice(0, 2)).toEqual([PARKING, EVENING]);

  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Published together, the public list follows.
  const changes = page.getByRole('region', { name: 'Changes to publish' });
  await changes.getByRole('button', { name: /^Publish selected/ }).click();
  await expect(changes.getByRole('status')).toContainText('Published');
  await expect
    .poll(async () => (await liveQuestions(baseURL!)).slice(0, 2))
    .toEqual([PARKING, EVENING]);
});
