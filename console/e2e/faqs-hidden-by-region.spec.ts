import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers';

const COLORADO_DENVER = '/console/clinics/denver-cherry-creek/faqs';

test('a brand FAQ hidden by the clinic’s region is listed under “hidden here”, says who hid it, and may be shown at the clinic again', async ({
  page,
  request,
}) => {
  // The Colorado region hides one of Denver's brand FAQs, published.
  const brand = await api(request, 'brand');
  const { clinic } = await brand(`{
    clinic(brand: "lumen-aesthetics", slug: "denver-cherry-creek", preview: true) {
      region { itemId }
      faqs { itemId scope question }
    }
  }`);
  const target = clinic.faqs.find((faq: { scope: string }) => faq.scope === 'BRAND');
  const { hideFaq } = await brand(
    `mutation($input: HideFaqInput!) { hideFaq(input: $input) { item { type id version } } }`,
    { input: { faqId: target.itemId, scope: 'REGION', regionId: clinic.region.itemId } },
  );
  await brand(`mutation($input: PublishInput!) { publish(input: $input) { id } }`, {
    input: { items: [hideFaq.item] },
  });

  await signIn(page, 'brand');
  await page.goto(COLORADO_DENVER);
  const list = page.getByRole('list', { name: 'FAQs in the order shown' });
  const hidden = page.getByRole('list', { name: 'Brand FAQs hidden here' });
  const entry = hidden.locator(`li[data-hidden-faq="${target.question}"]`);
  await expect(entry).toContainText('Hidden by the region');
  await expect(entry).toContainText(
    'Hidden for every clinic of the Colorado region. Showing it here overrides the region for this clinic only.',
  );
  await expect(list.locator(`li[data-faq="${target.question}"]`)).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'faqs-hidden-by-region');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Shown here again: back in Denver's list, and no longer listed as hidden.
  await entry.getByRole('button', { name: `Show “${target.question}” here again` }).click();
  await expect(list.locator(`li[data-faq="${target.question}"]`)).toBeVisible();
  await expect(hidden.getByRole('listitem')).toHaveCount(0);
  await expectAccessible(page);
});

test('a brand FAQ the region hides in a draft is listed as hidden, and showing it here sticks', async ({
  page,
  request,
}) => {
  // The Colorado region hides another of Denver's brand FAQs, not published yet.
  const brand = await api(request, 'brand');
  const { clinic } = await brand(`{
    clinic(brand: "lumen-aesthetics", slug: "denver-cherry-creek", preview: true) {
      region { itemId }
      faqs { itemId scope question }
    }
  }`);
  const target = clinic.faqs.filter((faq: { scope: string }) => faq.scope === 'BRAND')[1];
  await brand(
    `mutation($input: HideFaqInput!) { hideFaq(input: $input) { item { type id version } } }`,
    { input: { faqId: target.itemId, scope: 'REGION', regionId: clinic.region.itemId } },
  );

  await signIn(page, 'brand');
  await page.goto(COLORADO_DENVER);
  const list = page.getByRole('list', { name: 'FAQs in the order shown' });
  const hidden = page.getByRole('list', { name: 'Brand FAQs hidden here' });
  const entry = hidden.locator(`li[data-hidden-faq="${target.question}"]`);
  await expect(entry).toContainText('Hidden by the region');
  await expect(list.locator(`li[data-faq="${target.question}"]`)).toHaveCount(0);

  await entry.getByRole('button', { name: `Show “${target.question}” here again` }).click();
  await expect(list.locator(`li[data-faq="${target.question}"]`)).toBeVisible();
  await expect(hidden.locator(`li[data-hidden-faq="${target.question}"]`)).toHaveCount(0);
  await expectAccessible(page);
});
