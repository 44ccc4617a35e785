import { dataOf, ITEM, LUMEN, publish } from './helpers/editing';
import { loginAs } from './helpers/login';
import { startIsolatedTestApp } from './helpers/isolated-app';
import type { TestApp } from './helpers/test-app';

const DRAFTS = `query($slug: String!) {
  clinic(brand: "lumen-aesthetics", slug: $slug, preview: true) { drafts { ${ITEM} } }
}`;
const PRICES = `{
  clinic(brand: "lumen-aesthetics", slug: "austin-downtown", preview: true) {
    treatment(slug: "micro-needling") { prices { itemId label } }
  }
}`;

describe('Clinic.drafts: the changes tray of a clinic', () => {
  let app: TestApp;
  let austin: Record<string, string>;
  let texas: Record<string, string>;

  // It publishes a change to Austin's seeded price: on a database of its
  // own, so the delivery specs on the shared one keep their figures.
  beforeAll(async () => {
    app = await startIsolatedTestApp();
    [austin, texas] = await Promise.all([loginAs(app, 'austin'), loginAs(app, 'texas')]);
  });
  afterAll(() => app.close());

  const draftIds = async (slug: string, headers: Record<string, string>) =>
    dataOf(await app.graphql(DRAFTS, { slug }, headers)).clinic.drafts?.map(
      (item: { id: string }) => item.id,
    ) ?? null;

  it('lists a saved draft until it is published, for editors of the clinic only', async () => {
    const [price] = dataOf(await app.graphql(PRICES, {}, austin)).clinic.treatment.prices;
    const { item } = dataOf(
      await app.graphql(
        `query($id: ID!) { item(type: PRICE_ITEM, id: $id) { ${ITEM} } }`,
        {
          id: price.itemId,
        },
        austin,
      ),
    );
    const draft = dataOf(
      await app.graphql(
        `mutation($input: UpdatePriceItemInput!) { updatePriceItem(input: $input) { ${ITEM} } }`,
        { input: { id: item.id, version: item.version, isFromPrice: true } },
        austin,
      ),
    ).updatePriceItem;
    expect(await draftIds('austin-downtown', austin)).toContain(draft.id);
    const listed = dataOf(
      await app.graphql(DRAFTS, { slug: 'austin-downtown' }, austin),
    ).clinic.drafts.find((d: { id: string }) => d.id === draft.id);
    expect(listed).toMatchObject({ type: 'PRICE_ITEM', version: draft.version, hasDraft: true });

    // Not for an editor of another place.
    expect(await draftIds('denver-cherry-creek', texas)).toBeNull();

    await publish(app, austin, [draft]);
    expect(await draftIds('austin-downtown', austin)).not.toContain(draft.id);
    expect(LUMEN.austin).toBeTruthy();
  });
});
