import { EditingFixture, SEEDED, startEditingFixture } from './helpers/content-editing';

/**
 * Inputs that used to be accepted, or refused with a misleading answer, and
 * now get a clear BAD_USER_INPUT (or 400) without anything being stored.
 */
describe('input integrity', () => {
  let f: EditingFixture;
  beforeAll(async () => {
    f = await startEditingFixture();
  });
  afterAll(() => f?.close());

  const austinOffering = SEEDED.offering('austin-downtown');
  const price = (extra: Record<string, unknown>) => ({
    clinicTreatmentId: austinOffering,
    label: 'Evening session',
    kind: 'SINGLE_SESSION',
    amountMinor: 30000,
    currency: 'USD',
    ...extra,
  });

  it('refuses a price in another currency than its clinic’s, on create and on update', async () => {
    const euro = await f.mutate('createPriceItem', price({ currency: 'EUR' }), f.as.austin);
    expect(euro.code).toBe('BAD_USER_INPUT');
    expect(euro.message).toContain('currency');
    expect(euro.message).toContain('USD');

    const dollars = await f.ok('createPriceItem', price({}), f.as.austin);
    await f.refusedUpdate(
      'updatePriceItem',
      'PRICE_ITEM',
      dollars.id,
      { currency: 'EUR' },
      'austin',
      'BAD_USER_INPUT',
    );
  });

  it('refuses a changeset that names one item twice as bad input, not as a conflict', async () => {
    const draft = await f.ok('createPriceItem', price({ label: 'Twice' }), f.as.austin);
    const ref = { type: draft.type, id: draft.id, version: draft.version };
    const { body } = await f.app.graphql(
      `mutation($input: PublishInput!) { publish(input: $input) { id } }`,
      { input: { items: [ref, ref] } },
      f.as.austin,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('once');
    expect((await f.item('PRICE_ITEM', draft.id)).status).toBe('DRAFT');
  });

  it('says a past publishAt must be in the future, without showing source code', async () => {
    const draft = await f.ok('createPriceItem', price({ label: 'Past' }), f.as.austin);
    const { body } = await f.app.graphql(
      `mutation($input: SchedulePublishInput!) { schedulePublish(input: $input) { id } }`,
      {
        input: {
          items: [{ type: draft.type, id: draft.id, version: draft.version }],
          publishAt: '2020-01-01T00:00:00Z',
        },
      },
      f.as.austin,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('publishAt: must be in the future');
    expect(body.errors?.[0]?.message).not.toContain('=>');
  });

  it('refuses a publishAt without a time zone, saying how to write one', async () => {
    const draft = await f.ok('createPriceItem', price({ label: 'Zoneless' }), f.as.austin);
    const items = [{ type: draft.type, id: draft.id, version: draft.version }];
    const schedule = (publishAt: string) =>
      f.app.graphql(
        `mutation($input: SchedulePublishInput!) { schedulePublish(input: $input) { id publishAt } }`,
        { input: { items, publishAt } },
        f.as.austin,
      );
    for (const zoneless of ['2031-01-01T10:00:00', '2031-01-01T10:00', '2031-01-01']) {
      const { body } = await schedule(zoneless);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/input\.publishAt.*time zone.*Z or an offset/);
      expect(body.errors?.[0]?.message).not.toContain('=>');
    }
    const { body } = await schedule('2031-01-01T10:00:00+02:00');
    expect(body.errors).toBeUndefined();
    expect(body.data.schedulePublish.publishAt).toBe('2031-01-01T08:00:00.000Z');
  });

  it('refuses a body that is not valid UTF-8 with 400 instead of storing U+FFFD', async () => {
    const text = JSON.stringify({
      query: `mutation($input: CreatePriceItemInput!) { createPriceItem(input: $input) { id } }`,
      variables: { input: price({ label: 'Broken XX' }) },
    });
    const body = Buffer.from(text, 'utf8');
    const at = body.indexOf('XX');
    body[at] = 0xff; // never valid in UTF-8
    body[at + 1] = 0xfe;
    const response = await fetch(`${f.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...f.as.austin },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('UTF-8');
    const stored = await f.app.dataSource.query(
      `SELECT count(*)::int AS n FROM price_items WHERE label LIKE 'Broken%' OR draft->>'label' LIKE 'Broken%'`,
    );
    expect(stored[0].n).toBe(0);
  });
});
