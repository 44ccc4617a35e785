import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers';

const PRICES = `query($slug: String!) {
  clinic(brand: "lumen-aesthetics", slug: $slug, preview: true) {
    treatment(slug: "micro-needling") { prices { itemId label } }
  }
}`;

test('the region editor’s tray covers every place of the region; a clinic editor’s only theirs', async ({
  page,
  request,
}) => {
  // Drafts at two Texas clinics, saved by the region editor.
  const texas = await api(request, 'texas');
  for (const [slug, label] of [
    ['dallas-uptown', 'Dallas add-on (tray)'],
    ['houston-galleria', 'Houston add-on (tray)'],
  ]) {
    const { clinic } = await texas(PRICES, { slug });
    const addOn = (clinic.treatment.prices as { itemId: string; label: string }[]).find(
      (price) => price.label === 'PRP add-on',
    )!;
    const { item } = await texas(
      `query($id: ID!) { item(type: PRICE_ITEM, id: $id) { version } }`,
      {
        id: addOn.itemId,
      },
    );
    await texas(
      `mutation($input: UpdatePriceItemInput!) { updatePriceItem(input: $input) { id } }`,
      { input: { id: addOn.itemId, version: item.version, label } },
    );
  }

  await signIn(page, 'texas');
  await page.getByRole('link', { name: 'Your changes' }).click();
  await expect(page.getByRole('heading', { name: 'Your changes', level: 1 })).toBeVisible();
  const changes = page.getByRole('region', { name: 'Changes to publish' });
  const dallas = changes.getByRole('checkbox', {
    name: 'Price “Dallas add-on (tray)” (Lumen Aesthetics Dallas Uptown)',
  });
  const houston = changes.getByRole('checkbox', {
    name: 'Price “Houston add-on (tray)” (Lumen Aesthetics Houston Galleria)',
  });
  await expect(dallas).toBeChecked();
  await expect(houston).toBeChecked();
  await expectAccessible(page);
  await screenshot(page, 'changes-tray');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Austin's editor: Austin's drafts only, never Dallas's or Houston's.
  const austin = await (await page.context().browser()!.newContext()).newPage();
  await signIn(austin, 'austin');
  await austin.getByRole('link', { name: 'Your changes' }).click();
  const austinChanges = austin.getByRole('region', { name: 'Changes to publish' });
  await expect(
    austinChanges.getByText(/Nothing waits|Price|FAQ|This clinic/).first(),
  ).toBeVisible();
  await expect(austinChanges).not.toContainText('Dallas');
  await expect(austinChanges).not.toContainText('Houston');

  // Published together, from one tray, for both clinics.
  await changes.getByRole('button', { name: /^Publish selected/ }).click();
  await expect(changes.getByRole('status')).toContainText('Published');
  for (const slug of ['dallas-uptown', 'houston-galleria']) {
    const response = await request.post('/graphql', {
      data: {
        query: `{ clinic(brand: "lumen-aesthetics", slug: "${slug}") {
          treatment(slug: "micro-needling") { prices { label } } } }`,
      },
    });
    const labels = (
      (await response.json()) as {
        data: { clinic: { treatment: { prices: { label: string }[] } } };
      }
    ).data.clinic.treatment.prices.map((price) => price.label);
    expect(labels).toContain(
      slug === 'dallas-uptown' ? 'Dallas add-on (tray)' : 'Houston add-on (tray)',
    );
  }
});
