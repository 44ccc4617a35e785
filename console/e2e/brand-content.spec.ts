import { expect, type Locator, type Page, test } from '@playwright/test';
import { api, brandRewritesMicroNeedling, expectAccessible, screenshot, signIn } from './helpers';

const SUMMARY = 'Micro-needling, **rewritten** by the brand in the console.';
const ANSWER = 'Most clients feel a light scratch; the brand’s console answer.';
const COLORADO_SUMMARY = 'Colorado’s own micro-needling summary.';
const THEIR_ALIAS = 'Collagen induction (saved meanwhile)';

/** Presses Tab until `target` has the focus (the keyboard reaches it), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** axe at the desktop width and at a phone's. */
async function accessibleAtBothWidths(page: Page) {
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a brand editor rewrites the brand’s summary and a brand FAQ, sees them in the brand-wide tray by place, publishes: delivery shows both', async ({
  page,
  request,
}) => {
  // A long walk over four screens, each checked with axe at two widths.
  test.slow();
  await signIn(page, 'brand');

  // The list of the brand's treatments, reached by keyboard from the header.
  const brandLink = page.getByRole('link', { name: 'Brand content' });
  await tabTo(page, brandLink);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Brand content', level: 1 })).toBeVisible();
  const list = page.getByRole('table', { name: 'The brand’s treatments' });
  const microNeedling = list.getByRole('link', { name: 'Micro-Needling' });
  await expect(microNeedling).toBeVisible();
  await accessibleAtBothWidths(page);
  await screenshot(page, 'brand-content');

  await tabTo(page, microNeedling);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { name: 'Micro-Needling: the brand’s page', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Colorado’s values' })).toBeVisible();
  await accessibleAtBothWidths(page);

  // The brand's summary, in Markdown with the live preview; leaving unsaved asks first.
  const edit = page.getByRole('button', { name: 'Edit the brand’s page' });
  await tabTo(page, edit);
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Edit the brand’s Micro-Needling' });
  const summary = form.getByRole('textbox', { name: 'Summary (Markdown)' });
  await summary.fill(SUMMARY);
  await expect(
    form
      .getByRole('region', { name: 'Preview (as the public page shows it)' })
      .first()
      .locator('strong', { hasText: 'rewritten' }),
  ).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Section 1 heading' })).not.toHaveValue('');
  await accessibleAtBothWidths(page);
  // The summary and its preview (the whole form is many screens long).
  await screenshot(page, 'brand-treatment-edit', form.locator('.console-diff').first());
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('link', { name: '← Brand content' }).click();
  await expect(summary).toHaveValue(SUMMARY);

  // Meanwhile another brand editor saves other names: the save meets CONFLICT, nothing is lost.
  const { treatment } = await (
    await api(request, 'brand')
  )(`{ treatment(brand: "lumen-aesthetics", slug: "micro-needling") { itemId aliases } }`);
  await brandRewritesMicroNeedling(request, treatment.itemId, {
    aliases: [...treatment.aliases, THEIR_ALIAS],
  });
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(
    form.getByRole('heading', { name: 'Someone else changed this while you were editing' }),
  ).toBeVisible();
  await expect(form.getByTestId('mine-summary')).toHaveText(SUMMARY);
  await expect(form.getByTestId('current-aliases')).toContainText(THEIR_ALIAS);
  await expectAccessible(page);
  // Only the editor's own change is applied on top of theirs.
  await form.getByRole('button', { name: 'Save mine on top of theirs' }).click();
  await expect(edit).toBeVisible();

  // Live now: the old summary; after publishing: the new one.
  const preview = page.getByRole('region', { name: 'Public page: live and after publishing' });
  await expect(preview.getByRole('region', { name: 'After publishing (preview)' })).toContainText(
    'Micro-needling, rewritten by the brand in the console.',
  );
  await expect(preview.getByRole('region', { name: 'Live now' })).not.toContainText(
    'rewritten by the brand',
  );

  // A brand FAQ about the treatment: its answer.
  const faqs = page.getByRole('region', { name: 'Brand FAQs about Micro-Needling' });
  const editFaq = faqs.getByRole('button', { name: /^Edit “/ }).first();
  const question = ((await editFaq.textContent()) ?? '').replace(/^Edit “|”$/g, '');
  await editFaq.click();
  const faqForm = faqs.getByRole('form', { name: `Edit FAQ “${question}”` });
  await faqForm.getByRole('textbox', { name: 'Answer (Markdown)' }).fill(ANSWER);
  await accessibleAtBothWidths(page);
  await faqForm.getByRole('button', { name: 'Save draft' }).click();
  await expect(faqForm).toHaveCount(0);

  // Colorado's own summary (a region override, a draft).
  const regions = page.getByRole('region', { name: 'Regions’ own values' });
  await regions.getByLabel('Region').selectOption({ label: 'Colorado' });
  await regions.getByRole('button', { name: 'Edit Colorado’s Summary' }).click();
  const regionForm = regions.getByRole('form', { name: 'Edit summary' });
  await regionForm.getByRole('textbox', { name: 'summary (Markdown)' }).fill(COLORADO_SUMMARY);
  await regionForm.getByRole('button', { name: 'Save draft' }).click();
  await expect(regionForm).toHaveCount(0);
  const coloradoValues = regions.getByRole('table', { name: 'Colorado’s values' });
  await expect(coloradoValues).toContainText(`${COLORADO_SUMMARY} (draft)`);
  await accessibleAtBothWidths(page);
  await screenshot(page, 'brand-region-values', regions);

  // The brand-wide tray, grouped by place: the brand's two drafts, Colorado's one.
  await page.getByRole('banner').getByRole('link', { name: 'Your changes' }).click();
  const changes = page.getByRole('region', { name: 'Changes to publish' });
  const atBrand = changes.getByRole('region', { name: 'The brand (every clinic)' });
  const treatmentDraft = atBrand.getByRole('checkbox', { name: 'Brand treatment' });
  const faqDraft = atBrand.getByRole('checkbox', { name: `FAQ “${question}”` });
  await expect(treatmentDraft).toBeVisible();
  await expect(faqDraft).toBeVisible();
  const atColorado = changes.getByRole('region', { name: 'Region Colorado' });
  const coloradoDraft = atColorado.getByRole('checkbox', { name: 'The region’s summary' });
  await expect(coloradoDraft).toBeVisible();
  // What publishing changes, draft by draft.
  const whatChanges = atBrand.getByText(/^What changes \(.*summary.*\)$/);
  await whatChanges.click();
  await expect(atBrand).toContainText(`After publishing: ${SUMMARY}`);
  await accessibleAtBothWidths(page);
  await screenshot(page, 'brand-tray');

  // Only the brand's two drafts of this walk: other drafts (Colorado's too) stay drafts.
  for (const box of await changes.getByRole('checkbox').all()) {
    if (await box.isEnabled()) await box.uncheck();
  }
  await treatmentDraft.check();
  await faqDraft.check();
  await changes.getByRole('button', { name: 'Publish selected (2)' }).click();
  await expect(changes.getByRole('status')).toHaveText('Published 2 changes.');
  await expect(coloradoDraft).toBeVisible();

  // The delivered page, asked anonymously: the new summary and answer, at the brand and at Austin.
  const response = await request.post('/graphql', {
    data: {
      query: `{
        brand: treatment(brand: "lumen-aesthetics", slug: "micro-needling") { summary aliases faqs { question answer } }
        austin: treatment(brand: "lumen-aesthetics", slug: "micro-needling", clinic: "austin-downtown") { summary }
      }`,
    },
  });
  const { data } = (await response.json()) as {
    data: {
      brand: { summary: string; aliases: string[]; faqs: { question: string; answer: string }[] };
      austin: { summary: string };
    };
  };
  expect(data.brand.summary).toBe(SUMMARY);
  expect(data.brand.aliases).toContain(THEIR_ALIAS);
  expect(data.austin.summary).toBe(SUMMARY);
  expect(data.brand.faqs.find((faq) => faq.question === question)?.answer).toBe(ANSWER);

  // Colorado's draft is reset to the brand's: nothing of it is left to publish.
  await page.goBack();
  await expect(
    page.getByRole('heading', { name: 'Micro-Needling: the brand’s page', level: 1 }),
  ).toBeVisible();
  await regions.getByLabel('Region').selectOption({ label: 'Colorado' });
  await regions.getByRole('button', { name: 'Reset Colorado’s Summary to the brand’s' }).click();
  await expect(regions.getByRole('status')).toContainText('reset to the brand’s');
  await expect(coloradoValues.getByRole('row', { name: /^Summary/ })).toContainText(
    'Inherits the brand’s',
  );
  // A draft that was never published goes at once: the tray has nothing of Colorado left.
  await page.getByRole('banner').getByRole('link', { name: 'Your changes' }).click();
  // The tray has loaded: its drafts, or the words that none waits.
  await expect(
    changes.getByText(/^(Nothing waits to be published\.|Publish selected \(\d+\))$/),
  ).toBeVisible();
  await expect(atColorado).toHaveCount(0);
});
