import { ScheduledPublisherService } from '../src/editing/scheduled-publisher.service';
import { loginAs } from './helpers/login';
import { startTestApp, TestApp } from './helpers/test-app';

const ITEM = `type id version status hasDraft pendingDelete values publishedValues`;

interface Item {
  type: string;
  id: string;
  version: number;
  status: string;
  hasDraft: boolean;
  pendingDelete: boolean;
  values: Record<string, unknown>;
  publishedValues: Record<string, unknown>;
}

describe('editing: drafts, publishing, history', () => {
  let app: TestApp;
  let editor: Record<string, string>;
  let n = 0;

  beforeAll(async () => {
    app = await startTestApp();
    editor = await loginAs(app, 'editor');
  });
  afterAll(() => app.close());

  const create = async (extra: Record<string, unknown> = {}): Promise<Item> => {
    n += 1;
    const { body } = await app.graphql(
      `mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { ${ITEM} } }`,
      {
        input: {
          slug: `peel-${Date.now()}-${n}`,
          name: 'Chemical Peel',
          summary: 'First.',
          ...extra,
        },
      },
      editor,
    );
    expect(body.errors).toBeUndefined();
    return body.data.createTreatment;
  };
  const update = (input: Record<string, unknown>, headers = editor) =>
    app.graphql(
      `mutation($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { ${ITEM} } }`,
      { input },
      headers,
    );
  const publish = (items: { type: string; id: string; version: number }[], headers = editor) =>
    app.graphql(
      `mutation($input: PublishInput!) { publish(input: $input) { ${ITEM} } }`,
      { input: { items } },
      headers,
    );
  const delivered = async (slug: string) =>
    (await app.graphql(`{ treatment(brand: "lumen-aesthetics", slug: "${slug}") { summary } }`))
      .body.data.treatment;
  const ref = (item: Item) => ({ type: item.type, id: item.id, version: item.version });

  it('writes drafts only; publish makes them live', async () => {
    const created = await create();
    expect(created).toMatchObject({ status: 'DRAFT', version: 1 });
    const slug = created.values.slug as string;
    expect(await delivered(slug)).toBeNull();

    const [live] = (await publish([ref(created)])).body.data.publish;
    expect(live).toMatchObject({ status: 'PUBLISHED', version: 2, hasDraft: false });
    expect(await delivered(slug)).toEqual({ summary: 'First.' });

    const edited = (await update({ id: live.id, version: live.version, summary: 'Second.' })).body
      .data.updateTreatment;
    expect(edited).toMatchObject({ version: 3, hasDraft: true, values: { summary: 'Second.' } });
    expect(edited.publishedValues.summary).toBe('First.');
    expect(await delivered(slug)).toEqual({ summary: 'First.' });

    await publish([ref(edited)]);
    expect(await delivered(slug)).toEqual({ summary: 'Second.' });
  });

  it('lists, diffs and restores revisions; a restored revision round-trips exactly', async () => {
    const created = await create({
      sections: [{ key: 'intro', heading: 'Intro', body: 'One *two*' }],
      aliases: ['Peel'],
    });
    const v2 = (
      await update({ id: created.id, version: 1, summary: 'Changed.', aliases: [], sections: [] })
    ).body.data.updateTreatment;
    const history = await app.graphql(
      `query($id: ID!) { revisions(type: TREATMENT, id: $id) { edges { node { id action changedFields after } } } }`,
      { id: created.id },
      editor,
    );
    const [updated, original] = history.body.data.revisions.edges.map(
      (e: { node: unknown }) => e.node,
    );
    expect(updated.changedFields).toEqual(['aliases', 'sections', 'summary']);

    const diff = await app.graphql(
      `query($from: ID!, $to: ID!) { revisionDiff(from: $from, to: $to) { field from to } }`,
      { from: original.id, to: updated.id },
      editor,
    );
    expect(diff.body.data.revisionDiff).toEqual([
      { field: 'aliases', from: ['Peel'], to: [] },
      { field: 'sections', from: [{ key: 'intro', heading: 'Intro', body: 'One *two*' }], to: [] },
      { field: 'summary', from: 'First.', to: 'Changed.' },
    ]);

    const restored = await app.graphql(
      `mutation($input: RestoreRevisionInput!) { restoreRevision(input: $input) { ${ITEM} } }`,
      { input: { revisionId: original.id, version: v2.version } },
      editor,
    );
    expect(restored.body.errors).toBeUndefined();
    expect(restored.body.data.restoreRevision.values).toEqual(original.after);
  });

  it('diffs revisions as the writers compare values: a field one lacks and the other holds as null is no change', async () => {
    const created = await create();
    await update({ id: created.id, version: 1, summary: 'Changed.' });
    const history = await app.graphql(
      `query($id: ID!) { revisions(type: TREATMENT, id: $id) { edges { node { id after } } } }`,
      { id: created.id },
      editor,
    );
    const [updated, original] = history.body.data.revisions.edges.map(
      (e: { node: { id: string; after: Record<string, unknown> } }) => e.node,
    );
    const unset = Object.keys(original.after).find((field) => original.after[field] === null);
    expect(unset).toBeDefined();
    // As a revision written before the field existed has it.
    await app.dataSource.query(`UPDATE revisions SET after = after - $2::text WHERE id = $1`, [
      original.id,
      unset,
    ]);
    const diff = await app.graphql(
      `query($from: ID!, $to: ID!) { revisionDiff(from: $from, to: $to) { field from to } }`,
      { from: original.id, to: updated.id },
      editor,
    );
    expect(diff.body.data.revisionDiff).toEqual([
      { field: 'summary', from: 'First.', to: 'Changed.' },
    ]);
  });

  it('publishes scheduled changesets once, even with two workers claiming at the same time', async () => {
    const a = await create();
    const b = await create();
    const stale = await create();
    const schedule = (items: unknown[]) =>
      app.graphql(
        `mutation($input: SchedulePublishInput!) { schedulePublish(input: $input) { id status } }`,
        { input: { items, publishAt: new Date(Date.now() + 1500).toISOString() } },
        editor,
      );
    const good = await schedule([ref(a), ref(b)]);
    expect(good.body.data.schedulePublish.status).toBe('PENDING');
    const bad = await schedule([ref(stale)]);
    await update({ id: stale.id, version: 1, summary: 'Edited after scheduling.' });
    const past = await app.graphql(
      `mutation($input: SchedulePublishInput!) { schedulePublish(input: $input) { id } }`,
      { input: { items: [ref(a)], publishAt: '2020-01-01T00:00:00Z' } },
      editor,
    );
    expect(past.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');

    await new Promise((resolve) => setTimeout(resolve, 1600));
    const worker = app.app.get(ScheduledPublisherService);
    const handled = await Promise.all([worker.runDue(), worker.runDue()]);
    expect(handled[0] + handled[1]).toBeGreaterThanOrEqual(2);

    expect(await delivered(a.values.slug as string)).toEqual({ summary: 'First.' });
    expect(await delivered(b.values.slug as string)).toEqual({ summary: 'First.' });
    const list = await app.graphql(
      `{ scheduledPublications(first: 100) { edges { node { id status error } } } }`,
      {},
      editor,
    );
    const byId = new Map(
      list.body.data.scheduledPublications.edges.map(({ node }: { node: { id: string } }) => [
        node.id,
        node,
      ]),
    );
    expect(byId.get(good.body.data.schedulePublish.id)).toMatchObject({
      status: 'DONE',
      error: null,
    });
    expect(byId.get(bad.body.data.schedulePublish.id)).toMatchObject({ status: 'FAILED' });
    const audit = await app.dataSource.query(
      `SELECT action FROM audit_log WHERE target_id = ANY($1) ORDER BY id`,
      [[good.body.data.schedulePublish.id, bad.body.data.schedulePublish.id]],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'SCHEDULE_PUBLISH',
      'SCHEDULE_PUBLISH',
      'SCHEDULED_PUBLISH_FAILED',
    ]);
    const [{ revisions }] = await app.dataSource.query(
      `SELECT count(*)::int AS revisions FROM revisions WHERE entity_id = $1 AND action = 'PUBLISH' AND source = 'SCHEDULER'`,
      [a.id],
    );
    expect(revisions).toBe(1);
  });

  it('cancels a pending schedule once; a second cancel is a CONFLICT', async () => {
    const item = await create();
    const scheduled = await app.graphql(
      `mutation($input: SchedulePublishInput!) { schedulePublish(input: $input) { id } }`,
      { input: { items: [ref(item)], publishAt: new Date(Date.now() + 86_400_000).toISOString() } },
      editor,
    );
    const cancel = () =>
      app.graphql(
        `mutation($id: ID!) { cancelScheduledPublication(id: $id) { status } }`,
        { id: scheduled.body.data.schedulePublish.id },
        editor,
      );
    expect((await cancel()).body.data.cancelScheduledPublication.status).toBe('CANCELLED');
    expect((await cancel()).body.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      status: 'CANCELLED',
    });
  });

  it('restoring a revision withdraws a delete waiting for publish', async () => {
    const created = await create();
    const [live] = (await publish([ref(created)])).body.data.publish;
    const deleted = await app.graphql(
      `mutation($input: DeleteItemInput!) { deleteItem(input: $input) { ${ITEM} } }`,
      { input: { item: ref(live) } },
      editor,
    );
    const staged: Item = deleted.body.data.deleteItem;
    expect(staged.pendingDelete).toBe(true);
    const [revision] = await app.dataSource.query(
      `SELECT id::text FROM revisions WHERE entity_id = $1 AND action = 'PUBLISH'`,
      [created.id],
    );
    const restored = await app.graphql(
      `mutation($input: RestoreRevisionInput!) { restoreRevision(input: $input) { ${ITEM} } }`,
      { input: { revisionId: revision.id, version: staged.version } },
      editor,
    );
    expect(restored.body.data.restoreRevision).toMatchObject({
      pendingDelete: false,
      version: staged.version + 1,
    });
    await publish([ref(restored.body.data.restoreRevision)]);
    expect(await delivered(created.values.slug as string)).toEqual({ summary: 'First.' });
  });

  describe('bad input', () => {
    it.each([
      [{ summary: 'Call {{clinic.fax}}' }, 'summary'],
      [{ summary: 'Broken {{clinic.name' }, 'summary'],
      [{ facts: { sessions: { min: 6, max: 3 } } }, 'facts.sessions.max'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ sections: [{ key: 'Not A Key', heading: 'h', body: 'b' }] }, 'sections.0.key'],
    ])('refuses %j naming %s, storing nothing', async (change, field) => {
      const created = await create();
      const result = await update({ id: created.id, version: 1, ...change });
      expect(result.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.body.errors![0].message).toContain(field);
      const item = await app.graphql(
        `query($id: ID!) { item(type: TREATMENT, id: $id) { version } }`,
        { id: created.id },
        editor,
      );
      expect(item.body.data.item.version).toBe(1);
    });

    it('refuses unknown fields', async () => {
      const created = await create();
      const result = await update({ id: created.id, version: 1, colour: 'red' });
      expect(result.status).toBe(400);
      expect(result.body.errors![0].message).toContain('colour');
    });

    it('refuses a duplicate slug with CONFLICT', async () => {
      const created = await create();
      const result = await update({ id: created.id, version: 1, slug: 'micro-needling' });
      expect(result.body.errors![0].extensions.code).toBe('CONFLICT');
    });

    it('asks anonymous callers to sign in and keeps clinic editors off canonical content', async () => {
      const created = await create();
      const anonymous = await update({ id: created.id, version: 1, summary: 'x' }, {});
      expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      const austin = await update(
        { id: created.id, version: 1, summary: 'x' },
        await loginAs(app, 'austin'),
      );
      expect(austin.body.errors![0].extensions.code).toBe('FORBIDDEN');
    });
  });
});
