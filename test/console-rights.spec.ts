import { dataOf, ITEM, LUMEN } from './helpers/editing';
import { startIsolatedTestApp } from './helpers/isolated-app';
import { loginAs } from './helpers/login';
import type { TestApp } from './helpers/test-app';

/**
 * The rights the console reads instead of copying rules: what the caller may
 * do with a scheduled publication (and who made it), answered by the rules
 * the mutations apply.
 */
describe('rights the console reads: scheduled publications', () => {
  let app: TestApp;
  let as: Record<'editor' | 'texas' | 'austin', Record<string, string>>;

  // It schedules and cancels: on a database of its own.
  beforeAll(async () => {
    app = await startIsolatedTestApp();
    as = {
      editor: await loginAs(app, 'editor'),
      texas: await loginAs(app, 'texas'),
      austin: await loginAs(app, 'austin'),
    };
  });
  afterAll(() => app.close());

  const SCHEDULES = `{ scheduledPublications { id status createdBy viewerCan { cancel { allowed reason } } } }`;
  const scheduleAs = async (who: keyof typeof as, id: string) =>
    dataOf(await app.graphql(SCHEDULES, {}, as[who])).scheduledPublications.find(
      (schedule: { id: string }) => schedule.id === id,
    );

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
    const austinView = await scheduleAs('austin', schedulePublish.id);
    expect(austinView.viewerCan.cancel).toEqual({
      allowed: false,
      reason: 'Only its author or a brand editor may cancel it',
    });
    // The mutation agrees with the answer.
    const refused = await app.graphql(
      `mutation($id: ID!) { cancelScheduledPublication(id: $id) { status } }`,
      { id: schedulePublish.id },
      as.austin,
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
});
