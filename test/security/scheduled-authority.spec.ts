import { ApiKeysService } from '../../src/auth/api-keys.service';
import { ScheduledPublisherService } from '../../src/editing/scheduled-publisher.service';
import {
  EditingFixture,
  Headers,
  SEEDED,
  signInNewEditor,
  startEditingFixture,
  uniqueSlug,
} from '../helpers/content-editing';

interface Schedule {
  id: string;
  status: string;
  error: string | null;
  failureReason: string | null;
}

/**
 * Issue 9.6: a schedule carries no authority of its own. At run time the
 * scheduler acts with what its creator may do now: a revoked or expired
 * key, a disabled account, or a role or place taken away fails it with a
 * recorded reason, and revoking a key cancels its pending schedules at once.
 * The run is triggered directly (the schedule is made due by SQL), so
 * nothing waits on a clock.
 */
describe('security: scheduled publications run with their creator’s current authority', () => {
  let f: EditingFixture;
  let scheduler: ScheduledPublisherService;

  beforeAll(async () => {
    f = await startEditingFixture();
    scheduler = f.app.app.get(ScheduledPublisherService);
  });
  afterAll(() => f?.close());

  const adminKey = async (expiresAt?: Date) => {
    const created = await f.app.app
      .get(ApiKeysService)
      .createApiKeyInBrand(
        SEEDED.brand,
        { name: uniqueSlug('scheduler'), scopes: ['admin'], expiresAt },
        { kind: 'SYSTEM', id: null, label: 'test' },
      );
    return { id: created.apiKey.id, headers: { authorization: `Bearer ${created.key}` } };
  };

  /** A new draft price at Austin, as a changeset item. */
  const draftPrice = async () => {
    const [{ id, version }] = await f.app.dataSource.query(
      `INSERT INTO price_items (clinic_treatment_id, label, kind, amount_minor, currency, publication_status)
       VALUES ($1, $2, 'ADD_ON', 1000, 'USD', 'DRAFT') RETURNING id, version`,
      [SEEDED.offering('austin-downtown'), uniqueSlug('Scheduled')],
    );
    return { type: 'PRICE_ITEM', id: id as string, version: version as number };
  };
  const statusOf = async (id: string): Promise<string> =>
    (
      await f.app.dataSource.query(`SELECT publication_status FROM price_items WHERE id = $1`, [id])
    )[0].publication_status;

  const schedule = async (items: unknown[], headers: Headers): Promise<string> => {
    const { body } = await f.app.graphql(
      `mutation($input: SchedulePublishInput!) { schedulePublish(input: $input) { id status } }`,
      { input: { items, publishAt: new Date(Date.now() + 86_400_000).toISOString() } },
      headers,
    );
    expect(body.errors).toBeUndefined();
    return body.data.schedulePublish.id;
  };
  /** Makes every pending schedule due and runs the scheduler once. */
  const runDueNow = async () => {
    await f.app.dataSource.query(
      `UPDATE scheduled_publications SET publish_at = now() - interval '1 second' WHERE status = 'PENDING'`,
    );
    await scheduler.runDue();
  };
  const scheduleById = async (id: string): Promise<Schedule> => {
    const { body } = await f.app.graphql(
      `{ scheduledPublications(first: 100) { edges { node { id status error failureReason } } } }`,
      {},
      f.as.admin,
    );
    return (body.data.scheduledPublications.edges as { node: Schedule }[])
      .map((edge) => edge.node)
      .find((s) => s.id === id)!;
  };

  it('revoking an admin key cancels what it scheduled, and nothing is published', async () => {
    const key = await adminKey();
    const item = await draftPrice();
    const id = await schedule([item], key.headers);
    const { body } = await f.app.graphql(
      `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { id } }`,
      { input: { id: key.id } },
      f.as.admin,
    );
    expect(body.errors).toBeUndefined();
    expect(await scheduleById(id)).toMatchObject({
      status: 'CANCELLED',
      failureReason: 'CREATOR_REVOKED',
    });
    await runDueNow();
    expect(await statusOf(item.id)).toBe('DRAFT');
  });

  it('fails the schedule of a key revoked or expired behind the API’s back', async () => {
    const revoked = await adminKey();
    const expiring = await adminKey(new Date(Date.now() + 86_400_000));
    const a = await draftPrice();
    const b = await draftPrice();
    const first = await schedule([a], revoked.headers);
    const second = await schedule([b], expiring.headers);
    await f.app.dataSource.query(`UPDATE api_keys SET revoked_at = now() WHERE id = $1`, [
      revoked.id,
    ]);
    await f.app.dataSource.query(`UPDATE api_keys SET expires_at = now() WHERE id = $1`, [
      expiring.id,
    ]);
    await runDueNow();
    expect(await scheduleById(first)).toMatchObject({
      status: 'FAILED',
      failureReason: 'CREATOR_REVOKED',
      error: 'The API key that scheduled it was revoked',
    });
    expect(await scheduleById(second)).toMatchObject({
      status: 'FAILED',
      failureReason: 'CREATOR_REVOKED',
      error: 'The API key that scheduled it has expired',
    });
    expect(await statusOf(a.id)).toBe('DRAFT');
    expect(await statusOf(b.id)).toBe('DRAFT');
  });

  it('fails the schedule of a disabled account', async () => {
    const editor = await signInNewEditor(f.app, SEEDED.brand, 'BRAND_EDITOR');
    const item = await draftPrice();
    const id = await schedule([item], editor);
    await f.app.dataSource.query(
      `UPDATE users SET disabled_at = now()
        WHERE id = (SELECT (actor->>'userId')::uuid FROM scheduled_publications WHERE id = $1)`,
      [id],
    );
    await runDueNow();
    expect(await scheduleById(id)).toMatchObject({
      status: 'FAILED',
      failureReason: 'CREATOR_REVOKED',
    });
    expect(await statusOf(item.id)).toBe('DRAFT');
  });

  it('acts with the current role and places: a demoted or moved editor’s schedule fails', async () => {
    const demoted = await signInNewEditor(f.app, SEEDED.brand, 'BRAND_EDITOR');
    const moved = await signInNewEditor(f.app, SEEDED.brand, 'CLINIC_EDITOR', {
      clinicIds: [SEEDED.austin],
    });
    const a = await draftPrice();
    const b = await draftPrice();
    const first = await schedule([a], demoted);
    const second = await schedule([b], moved);
    const userOf = `(SELECT (actor->>'userId')::uuid FROM scheduled_publications WHERE id = $1)`;
    // Now a clinic editor of Denver only; the other one loses Austin for Denver.
    await f.app.dataSource.query(`UPDATE users SET role = 'CLINIC_EDITOR' WHERE id = ${userOf}`, [
      first,
    ]);
    for (const id of [first, second]) {
      await f.app.dataSource.query(`DELETE FROM user_clinics WHERE user_id = ${userOf}`, [id]);
      await f.app.dataSource.query(
        `INSERT INTO user_clinics (user_id, clinic_id) SELECT ${userOf}, $2`,
        [id, SEEDED.denver],
      );
    }
    await runDueNow();
    for (const id of [first, second]) {
      expect(await scheduleById(id)).toMatchObject({
        status: 'FAILED',
        failureReason: 'CREATOR_NOT_ALLOWED',
      });
    }
    expect(await statusOf(a.id)).toBe('DRAFT');
    expect(await statusOf(b.id)).toBe('DRAFT');
  });

  it('still publishes for a creator who keeps the right', async () => {
    const key = await adminKey();
    const item = await draftPrice();
    const id = await schedule([item], key.headers);
    await runDueNow();
    expect(await scheduleById(id)).toMatchObject({
      status: 'DONE',
      error: null,
      failureReason: null,
    });
    expect(await statusOf(item.id)).toBe('PUBLISHED');
  });

  it('lists a schedule only to those who may see its places: not to another clinic’s editor', async () => {
    const id = await schedule([await draftPrice()], f.as.austin);
    const listed = async (headers: Headers) => {
      const { body } = await f.app.graphql(
        `{ scheduledPublications(first: 100) { edges { node { id createdBy items { id } } } } }`,
        {},
        headers,
      );
      expect(body.errors).toBeUndefined();
      return (body.data.scheduledPublications.edges as { node: { id: string } }[]).map(
        (edge) => edge.node.id,
      );
    };
    const dallas = await signInNewEditor(f.app, SEEDED.brand, 'CLINIC_EDITOR', {
      clinicIds: [SEEDED.dallas],
    });
    const colorado = await signInNewEditor(f.app, SEEDED.brand, 'REGION_EDITOR', {
      regionIds: [SEEDED.colorado],
    });
    expect(await listed(f.as.austin)).toContain(id);
    expect(await listed(f.as.texas)).toContain(id);
    expect(await listed(f.as.editor)).toContain(id);
    expect(await listed(dallas)).not.toContain(id);
    expect(await listed(colorado)).not.toContain(id);
  });

  /** A page of schedules as `headers` sees it, items and page info included. */
  const page = async (headers: Headers, args: string) => {
    const { body } = await f.app.graphql(
      `{ scheduledPublications(${args}) {
           totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
           edges { cursor node { id status items { type id version } } } } }`,
      {},
      headers,
    );
    expect(body.errors).toBeUndefined();
    const connection: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      edges: { node: Schedule & { items: unknown[] } }[];
    } = body.data.scheduledPublications;
    const nodes = connection.edges.map((edge) => edge.node);
    return {
      totalCount: connection.totalCount,
      pageInfo: connection.pageInfo,
      ids: nodes.map((node) => node.id),
      nodes,
    };
  };

  it('pages the schedules latest first with a cursor, filters them by status, and answers their items', async () => {
    const items = [
      [await draftPrice()],
      [await draftPrice(), await draftPrice()],
      [await draftPrice()],
    ];
    const ids: string[] = [];
    for (const changeset of items) ids.push(await schedule(changeset, f.as.austin));
    const [oldest, middle, newest] = ids;

    const first = await page(f.as.editor, 'first: 2');
    expect(first.ids).toEqual([newest, middle]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    // Each schedule's items come whole (the unpaginated list refused this for its cost).
    expect(first.nodes[1].items).toEqual(items[1]);
    // A schedule made meanwhile does not shift the next page.
    const later = await schedule([await draftPrice()], f.as.austin);
    const second = await page(f.as.editor, `first: 2, after: "${first.pageInfo.endCursor}"`);
    expect(second.ids[0]).toBe(oldest);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(second.totalCount).toBe(first.totalCount + 1);

    await f.app.graphql(
      `mutation($id: ID!) { cancelScheduledPublication(id: $id) { id } }`,
      { id: middle },
      f.as.austin,
    );
    const pending = await page(f.as.editor, 'status: [PENDING], first: 100');
    expect(pending.ids).toEqual(expect.arrayContaining([later, newest, oldest]));
    expect(pending.ids).not.toContain(middle);
    expect(pending.nodes.every((node) => node.status === 'PENDING')).toBe(true);
    const cancelled = await page(f.as.editor, 'status: [CANCELLED, FAILED]');
    expect(cancelled.ids).toContain(middle);
    expect(cancelled.ids).not.toContain(newest);
    expect(pending.totalCount + cancelled.totalCount).toBeLessThanOrEqual(second.totalCount);
  });

  it('pages a clinic editor through their places’ schedules only, past any number of others', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i += 1) ids.push(await schedule([await draftPrice()], f.as.austin));
    // More schedules of items not Austin's than one batch of the scan holds, newer than Austin's.
    await f.app.dataSource.query(
      `INSERT INTO scheduled_publications (brand_id, items, publish_at, actor, created_at)
       SELECT $1, jsonb_build_array(jsonb_build_object('type', 'PRICE_ITEM', 'id', gen_random_uuid(), 'version', 1)),
              now() + interval '1 day', '{"kind": "SYSTEM", "id": null, "label": "test"}', now() + interval '1 minute'
         FROM generate_series(1, 450)`,
      [SEEDED.brand],
    );
    const dallas = await signInNewEditor(f.app, SEEDED.brand, 'CLINIC_EDITOR', {
      clinicIds: [SEEDED.dallas],
    });
    expect(await page(dallas, 'first: 5')).toMatchObject({ ids: [], totalCount: 0 });

    const first = await page(f.as.austin, 'first: 1');
    expect(first.ids).toEqual([ids[1]]);
    const second = await page(f.as.austin, `first: 1, after: "${first.pageInfo.endCursor}"`);
    expect(second.ids).toEqual([ids[0]]);
    const all = await page(f.as.austin, 'first: 100');
    expect(all.totalCount).toBe(first.totalCount);
    expect(all.ids.length).toBe(Math.min(100, all.totalCount));
  });

  it('refuses a cursor of another list and a page over 100', async () => {
    const query = (args: string) =>
      f.app.graphql(`{ scheduledPublications(${args}) { totalCount } }`, {}, f.as.editor);
    const foreign = Buffer.from('audit-log:12').toString('base64url');
    for (const args of [`after: "${foreign}"`, 'first: 101']) {
      const { body } = await query(args);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
