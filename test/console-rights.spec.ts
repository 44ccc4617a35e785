import { dataOf, ITEM, LUMEN } from './helpers/editing';
import { startIsolatedTestApp } from './helpers/isolated-app';
import { SEEDED, signInNewEditor } from './helpers/content-editing';
import { loginAs } from './helpers/login';
import type { TestApp } from './helpers/test-app';

/**
 * The rights the console reads instead of copying rules: what the caller may
 * do with a scheduled publication (and who made it), answered by the rules
 * the mutations apply.
 */
describe('rights the console reads: scheduled publications', () => {
  let app: TestApp;
  let as: Record<'editor' | 'texas' | 'otherTexas' | 'austin', Record<string, string>>;

  // It schedules and cancels: on a database of its own.
  beforeAll(async () => {
    app = await startIsolatedTestApp();
    as = {
      editor: await loginAs(app, 'editor'),
      texas: await loginAs(app, 'texas'),
      austin: await loginAs(app, 'austin'),
      // Another editor of the Texas region: sees its schedules, did not make them.
      otherTexas: await signInNewEditor(app, SEEDED.brand, 'REGION_EDITOR', {
        regionIds: [SEEDED.texas],
      }),
    };
  });
  afterAll(() => app.close());

  const SCHEDULES = `{ scheduledPublications(first: 100) { edges { node {
    id status createdBy viewerCan { cancel { allowed reason } } } } } }`;
  const scheduleAs = async (who: keyof typeof as, id: string) =>
    dataOf(await app.graphql(SCHEDULES, {}, as[who]))
      .scheduledPublications.edges.map((edge: { node: { id: string } }) => edge.node)
      .find((schedule: { id: string }) => schedule.id === id);

  it('says who may cancel a pending schedule (its author, brand editors), and that none may once it is cancelled', async () => {
    const { clinic } = dataOf(
      await app.graphql(
        `{ clinic(brand: "lumen-aesthetics", slug: "dallas-uptown", preview: true) {
             treatment(slug: "micro-needling") { prices { itemId } } } }`,
        {},
        as.texas,
      ),
    );
    const priceId = clinic.treatment.prices[0].itemId;
    const { item } = dataOf(
      await app.graphql(
        `query($id: ID!) { item(type: PRICE_ITEM, id: $id) { ${ITEM} } }`,
        { id: priceId },
        as.texas,
      ),
    );
    const draft = dataOf(
      await app.graphql(
        `mutation($input: UpdatePriceItemInput!) { updatePriceItem(input: $input) { ${ITEM} } }`,
        { input: { id: item.id, version: item.version, isFromPrice: true } },
        as.texas,
      ),
    ).updatePriceItem;
    const { schedulePublish } = dataOf(
      await app.graphql(
        `mutation($input: SchedulePublishInput!) { schedulePublish(input: $input) { id } }`,
        {
          input: {
            items: [{ type: draft.type, id: draft.id, version: draft.version }],
            publishAt: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
          },
        },
        as.texas,
      ),
    );

    expect(await scheduleAs('texas', schedulePublish.id)).toEqual({
      id: schedulePublish.id,
      status: 'PENDING',
      createdBy: 'texas@lumen-aesthetics.example',
      viewerCan: { cancel: { allowed: true, reason: null } },
    });
    expect((await scheduleAs('editor', schedulePublish.id)).viewerCan.cancel.allowed).toBe(true);
    // A Dallas price's schedule is no business of Austin's editor.
    expect(await scheduleAs('austin', schedulePublish.id)).toBeUndefined();
    const otherView = await scheduleAs('otherTexas', schedulePublish.id);
    expect(otherView.viewerCan.cancel).toEqual({
      allowed: false,
      reason: 'Only its author or a brand editor may cancel it',
    });
    // The mutation agrees with the answer.
    const refused = await app.graphql(
      `mutation($id: ID!) { cancelScheduledPublication(id: $id) { status } }`,
      { id: schedulePublish.id },
      as.otherTexas,
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const cancelled = dataOf(
      await app.graphql(
        `mutation($id: ID!) { cancelScheduledPublication(id: $id) { status } }`,
        { id: schedulePublish.id },
        as.texas,
      ),
    );
    expect(cancelled.cancelScheduledPublication.status).toBe('CANCELLED');
    expect((await scheduleAs('texas', schedulePublish.id)).viewerCan.cancel).toEqual({
      allowed: false,
      reason: 'It is cancelled, not pending',
    });
    expect(LUMEN.dallas).toBeTruthy();
  });

  const RIGHTS = `viewerCan {
    edit { allowed reason } editBrandFields { allowed reason }
    publish { allowed reason } delete { allowed reason }
  }`;
  const rightsOf = async (who: keyof typeof as, type: string, id: string) =>
    dataOf(
      await app.graphql(
        `query($type: ContentType!, $id: ID!) { item(type: $type, id: $id) { ${RIGHTS} } }`,
        { type, id },
        as[who],
      ),
    ).item.viewerCan;
  const yes = { allowed: true, reason: null };

  it('answers EditableItem.viewerCan for every kind of item, as the mutations decide', async () => {
    const { providers, faqs } = dataOf(
      await app.graphql(
        `{ providers(brand: "lumen-aesthetics", clinic: "austin-downtown", preview: true) {
             edges { node { itemId slug } } }
           faqs(brand: "lumen-aesthetics", clinic: "austin-downtown", preview: true, first: 50) {
             edges { node { itemId scope } } } }`,
        {},
        as.austin,
      ),
    );
    const jordan = providers.edges.find(
      (edge: { node: { slug: string } }) => edge.node.slug === 'jordan-reyes',
    ).node.itemId;
    // A provider at Austin: the bio, title and photo are Austin's to change.
    expect(await rightsOf('austin', 'PROVIDER', jordan)).toEqual({
      edit: yes,
      editBrandFields: { allowed: false, reason: 'Only brand editors may change these fields' },
      publish: yes,
      delete: { allowed: false, reason: 'Only brand editors may delete or unpublish it' },
    });
    const bio = await app.graphql(
      `mutation($input: UpdateProviderInput!) { updateProvider(input: $input) { version } }`,
      { input: { id: jordan, version: 1, name: 'Someone else' } },
      as.austin,
    );
    expect(bio.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // A brand FAQ: the brand's, not Austin's (Austin hides or moves it instead).
    const brandFaq = faqs.edges.find(
      (edge: { node: { scope: string } }) => edge.node.scope === 'BRAND',
    ).node.itemId;
    expect((await rightsOf('austin', 'FAQ', brandFaq)).edit).toEqual({
      allowed: false,
      reason: 'This is the brand’s content: only brand editors may change it',
    });
    expect((await rightsOf('editor', 'FAQ', brandFaq)).edit).toEqual(yes);

    // Austin's own FAQ: Austin's to change and delete; another region's editor may not.
    const ownFaq = faqs.edges.find(
      (edge: { node: { scope: string } }) => edge.node.scope === 'CLINIC',
    ).node.itemId;
    expect(await rightsOf('austin', 'FAQ', ownFaq)).toMatchObject({ edit: yes, delete: yes });

    // The clinic itself: edited by its editors, deleted only by the brand's.
    const clinic = await rightsOf('texas', 'CLINIC', LUMEN.austin);
    expect(clinic.edit).toEqual(yes);
    expect(clinic.delete.allowed).toBe(false);
    const { item } = dataOf(
      await app.graphql(`{ item(type: CLINIC, id: "${LUMEN.austin}") { version } }`, {}, as.texas),
    );
    const deleted = await app.graphql(
      `mutation($input: DeleteItemInput!) { deleteItem(input: $input) { id } }`,
      { input: { item: { type: 'CLINIC', id: LUMEN.austin, version: item.version } } },
      as.texas,
    );
    expect(deleted.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives a clinic’s FAQs and providers their editable twin: raw text, version, rights; null for the public', async () => {
    const QUERY = `query($preview: Boolean!) {
      clinic(brand: "lumen-aesthetics", slug: "austin-downtown", preview: $preview) {
        faqs { scope editable { type version values viewerCan { edit { allowed } } } }
        providers { slug editable { type version values viewerCan { edit { allowed } } } }
      }
    }`;
    const { clinic } = dataOf(await app.graphql(QUERY, { preview: true }, as.austin));
    const parking = clinic.faqs.find((faq: { scope: string }) => faq.scope === 'CLINIC').editable;
    expect(parking).toMatchObject({ type: 'FAQ', viewerCan: { edit: { allowed: true } } });
    expect(parking.values.answer).toContain('{{clinic.phone}}');
    const brandFaq = clinic.faqs.find((faq: { scope: string }) => faq.scope === 'BRAND').editable;
    expect(brandFaq.viewerCan.edit.allowed).toBe(false);
    const jordan = clinic.providers.find(
      (provider: { slug: string }) => provider.slug === 'jordan-reyes',
    ).editable;
    expect(jordan).toMatchObject({ type: 'PROVIDER', viewerCan: { edit: { allowed: true } } });
    expect(typeof jordan.version).toBe('number');

    const published = dataOf(await app.graphql(QUERY, { preview: false }, {})).clinic;
    expect(published.faqs.every((faq: { editable: unknown }) => faq.editable === null)).toBe(true);
    expect(published.providers[0].editable).toBeNull();
  });

  it('lists in editableDrafts the drafts each editor may publish, at all of their places', async () => {
    const { providers } = dataOf(
      await app.graphql(
        `{ providers(brand: "lumen-aesthetics", clinic: "austin-downtown", preview: true) {
             edges { node { slug editable { id version } } } } }`,
        {},
        as.austin,
      ),
    );
    const bySlug = (slug: string) =>
      providers.edges.find((edge: { node: { slug: string } }) => edge.node.slug === slug).node
        .editable;
    const jordan = bySlug('jordan-reyes');
    const maya = bySlug('maya-ellison');
    const update = async (who: keyof typeof as, input: Record<string, unknown>) =>
      dataOf(
        await app.graphql(
          `mutation($input: UpdateProviderInput!) { updateProvider(input: $input) { id } }`,
          { input },
          as[who],
        ),
      );
    // Austin's editor drafts Jordan's bio; the brand editor drafts Maya's name.
    await update('austin', { id: jordan.id, version: jordan.version, bio: 'Jordan, in Austin.' });
    await update('editor', { id: maya.id, version: maya.version, name: 'Dr. Maya Ellison' });

    const DRAFTS = `{ editableDrafts { type id clinicIds viewerCan { publish { allowed } } } }`;
    const drafts = async (who: keyof typeof as) =>
      dataOf(await app.graphql(DRAFTS, {}, as[who])).editableDrafts as {
        type: string;
        id: string;
        clinicIds: string[];
        viewerCan: { publish: { allowed: boolean } };
      }[];
    const ids = async (who: keyof typeof as) => (await drafts(who)).map((draft) => draft.id);

    expect(await ids('austin')).toContain(jordan.id);
    // Maya's name is the brand's to publish: not in Austin's tray.
    expect(await ids('austin')).not.toContain(maya.id);
    // The Texas editor's tray covers the region: Dallas's price and Austin's provider.
    const texas = await drafts('texas');
    expect(texas.map((draft) => draft.id)).toContain(jordan.id);
    const dallasPrice = texas.find((draft) => draft.type === 'PRICE_ITEM');
    expect(dallasPrice?.clinicIds).toEqual([LUMEN.dallas]);
    expect(texas.every((draft) => draft.viewerCan.publish.allowed)).toBe(true);
    // Austin's editor does not see Dallas's drafts.
    expect(await ids('austin')).not.toContain(dallasPrice!.id);
    expect(await ids('editor')).toEqual(
      expect.arrayContaining([jordan.id, maya.id, dallasPrice!.id]),
    );
  });

  it('gives a treatment’s offering and its prices their editable twin: the offering takes new prices, each price says whether it may be deleted', async () => {
    const QUERY = `query($preview: Boolean!) {
      clinic(brand: "lumen-aesthetics", slug: "austin-downtown", preview: $preview) {
        treatment(slug: "micro-needling") {
          offering { type id version viewerCan { edit { allowed reason } } }
          prices { itemId label editable { type id version viewerCan { delete { allowed reason } } } }
        }
      }
    }`;
    const treatment = async () =>
      dataOf(await app.graphql(QUERY, { preview: true }, as.austin)).clinic.treatment;
    const { offering, prices } = await treatment();
    expect(offering).toMatchObject({ type: 'CLINIC_TREATMENT', viewerCan: { edit: yes } });
    expect(prices[0].editable).toMatchObject({ type: 'PRICE_ITEM', id: prices[0].itemId });

    const { createPriceItem } = dataOf(
      await app.graphql(
        `mutation($input: CreatePriceItemInput!) { createPriceItem(input: $input) { id version } }`,
        {
          input: {
            clinicTreatmentId: offering.id,
            label: 'Aftercare kit',
            kind: 'ADD_ON',
            amountMinor: 4500,
            currency: 'USD',
          },
        },
        as.austin,
      ),
    );
    const added = (await treatment()).prices.find(
      (price: { itemId: string }) => price.itemId === createPriceItem.id,
    );
    expect(added.editable.viewerCan.delete).toEqual(yes);
    // The answer agrees with the mutation: the draft price is deleted at once.
    dataOf(
      await app.graphql(
        `mutation($input: DeleteItemInput!) { deleteItem(input: $input) { id } }`,
        {
          input: {
            item: { type: 'PRICE_ITEM', id: added.itemId, version: added.editable.version },
          },
        },
        as.austin,
      ),
    );
    expect(
      (await treatment()).prices.map((price: { itemId: string }) => price.itemId),
    ).not.toContain(added.itemId);

    // The public gets neither twin.
    const published = dataOf(await app.graphql(QUERY, { preview: false }, {})).clinic.treatment;
    expect(published.offering).toBeNull();
    expect(published.prices[0].editable).toBeNull();
  });

  it('lists the brand FAQs a clinic’s list leaves out, with who hid each (region or clinic) and whether the caller may show it again', async () => {
    const QUERY = `{
      clinic(brand: "lumen-aesthetics", slug: "austin-downtown", preview: true) {
        faqs { itemId }
        hiddenFaqs { faq { itemId question } hiddenBy viewerCan { show { allowed reason } } }
      }
    }`;
    const austin = async () => dataOf(await app.graphql(QUERY, {}, as.austin)).clinic;
    const brandFaqs = dataOf(
      await app.graphql(
        `{ faqs(brand: "lumen-aesthetics", preview: true, first: 50) { edges { node { itemId } } } }`,
        {},
        as.austin,
      ),
    ).faqs.edges.map((edge: { node: { itemId: string } }) => edge.node.itemId);
    const shown = (await austin()).faqs.map((faq: { itemId: string }) => faq.itemId);
    const [byRegion, byClinic] = brandFaqs.filter((id: string) => shown.includes(id));
    // The region's hide is published: a clinic inherits what its region publishes.
    const regionHide = dataOf(
      await app.graphql(
        `mutation($input: HideFaqInput!) { hideFaq(input: $input) { item { type id version } } }`,
        { input: { faqId: byRegion, scope: 'REGION', regionId: LUMEN.texas } },
        as.texas,
      ),
    ).hideFaq.item;
    dataOf(
      await app.graphql(
        `mutation($input: PublishInput!) { publish(input: $input) { id } }`,
        { input: { items: [regionHide] } },
        as.texas,
      ),
    );
    dataOf(
      await app.graphql(
        `mutation($input: HideFaqInput!) { hideFaq(input: $input) { outcome } }`,
        { input: { faqId: byClinic, scope: 'CLINIC', clinicId: LUMEN.austin } },
        as.austin,
      ),
    );

    const clinic = await austin();
    const hiddenIds = clinic.hiddenFaqs.map(
      (hidden: { faq: { itemId: string } }) => hidden.faq.itemId,
    );
    expect(clinic.faqs.map((faq: { itemId: string }) => faq.itemId)).not.toContain(byRegion);
    const hiddenBy = (id: string) =>
      clinic.hiddenFaqs.find((hidden: { faq: { itemId: string } }) => hidden.faq.itemId === id);
    expect(hiddenBy(byRegion)).toMatchObject({ hiddenBy: 'REGION', viewerCan: { show: yes } });
    expect(hiddenBy(byClinic)).toMatchObject({ hiddenBy: 'CLINIC', viewerCan: { show: yes } });
    expect(hiddenIds).toHaveLength(2);

    // Showing it at the clinic overrides the region there only.
    dataOf(
      await app.graphql(
        `mutation($input: ShowFaqInput!) { showFaq(input: $input) { outcome } }`,
        { input: { faqId: byRegion, scope: 'CLINIC', clinicId: LUMEN.austin } },
        as.austin,
      ),
    );
    const after = await austin();
    expect(after.faqs.map((faq: { itemId: string }) => faq.itemId)).toContain(byRegion);
    expect(after.hiddenFaqs.map((hidden: { hiddenBy: string }) => hidden.hiddenBy)).toEqual([
      'CLINIC',
    ]);
    // Only the clinic's editors are told.
    const anonymous = await app.graphql(
      `{ clinic(brand: "lumen-aesthetics", slug: "austin-downtown") { hiddenFaqs { hiddenBy } } }`,
      {},
      {},
    );
    expect(dataOf(anonymous).clinic.hiddenFaqs).toBeNull();
  });
});
