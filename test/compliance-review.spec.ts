import { ScheduledPublisherService } from '../src/editing/scheduled-publisher.service';
import { stableId } from '../seeds/stable-id';
import {
  EditingFixture,
  Headers,
  ITEM,
  Item,
  SEEDED,
  signInNewEditor,
  startEditingFixture,
} from './helpers/content-editing';
import { loginAs } from './helpers/login';

/**
 * Medical review before publish, through GraphQL on PostgreSQL: with review
 * required, a changeset holding an unapproved regulated change is refused
 * whole; an approval binds to the exact draft; scheduled publishes check
 * again when they run.
 */
describe('medical review before publish', () => {
  let f: EditingFixture;
  let reviewer: Headers;
  beforeAll(async () => {
    f = await startEditingFixture();
    reviewer = await loginAs(f.app, 'reviewer');
    const { body } = await f.app.graphql(
      `mutation { updateComplianceSettings(input: { medicalReviewRequired: true, reviewIntervalMonths: 6 }) {
          medicalReviewRequired reviewIntervalMonths regulatedFields } }`,
      {},
      f.as.admin,
    );
    expect(body.data.updateComplianceSettings).toMatchObject({
      medicalReviewRequired: true,
      reviewIntervalMonths: 6,
      regulatedFields: expect.arrayContaining(['TREATMENT.contraindications', 'FAQ.answer']),
    });
  });
  afterAll(() => f?.close());

  const REVIEW = `medicalReview { regulatedChanges approved blocksPublish contentHash
    history { decision fields comment reviewerLabel itemVersion contentHash reviewDueAt } }`;
  const current = async (type: string, id: string) => {
    const { body } = await f.app.graphql(
      `query($type: ContentType!, $id: ID!) { item(type: $type, id: $id) { ${ITEM} ${REVIEW} } }`,
      { type, id },
      f.as.admin,
    );
    return body.data.item as Item & { medicalReview: Record<string, any> };
  };
  const editContraindications = async (list: string[], headers = f.as.editor) =>
    f.ok(
      'updateTreatment',
      {
        id: SEEDED.microNeedling,
        version: (await current('TREATMENT', SEEDED.microNeedling)).version,
        contraindications: list,
      },
      headers,
    );
  const publish = (items: Item[], headers = f.as.editor) =>
    f.app.graphql(
      `mutation($input: PublishInput!) { publish(input: $input) { id } }`,
      { input: { items: items.map(({ type, id, version }) => ({ type, id, version })) } },
      headers,
    );
  const review = (
    name: 'approveDraft' | 'requestChanges',
    item: Item,
    headers: Headers,
    comment?: string,
  ) =>
    f.app.graphql(
      `mutation($input: ${name === 'approveDraft' ? 'ReviewDraftInput' : 'RequestChangesInput'}!) {
         ${name}(input: $input) { decision fields reviewDueAt createdAt }
       }`,
      { input: { item: { type: item.type, id: item.id, version: item.version }, comment } },
      headers,
    );
  const deliveredContraindications = async () =>
    (
      await f.app.graphql(
        `{ treatment(brand: "lumen-aesthetics", slug: "micro-needling") { contraindications } }`,
      )
    ).body.data.treatment.contraindications as string[];
  /** A draft price change at Austin: not regulated. */
  const priceDraft = async () => {
    const id = SEEDED.price('austin-downtown', 'Micro-needling session');
    const before = await current('PRICE_ITEM', id);
    return f.ok(
      'updatePriceItem',
      { id, version: before.version, amountMinor: before.values.amountMinor + 100 },
      f.as.editor,
    );
  };

  it('refuses a changeset with an unapproved regulated change, naming item and field, and publishes none of it', async () => {
    const before = await deliveredContraindications();
    const treatment = await editContraindications([
      ...before,
      'Isotretinoin in the last six months',
    ]);
    const price = await priceDraft();
    const refused = await publish([treatment, price]);
    const error = refused.body.errors![0];
    expect(error.extensions.code).toBe('COMPLIANCE_BLOCKED');
    expect(error.extensions.problems).toEqual([
      {
        type: 'TREATMENT',
        id: SEEDED.microNeedling,
        field: 'TREATMENT.contraindications',
        kind: 'REVIEW_REQUIRED',
        reason: expect.stringContaining('approval'),
      },
    ]);
    expect(await deliveredContraindications()).toEqual(before);
    expect((await current('PRICE_ITEM', price.id)).hasDraft).toBe(true);
    const item = await current('TREATMENT', SEEDED.microNeedling);
    expect(item.medicalReview).toMatchObject({
      regulatedChanges: ['TREATMENT.contraindications'],
      approved: false,
      blocksPublish: true,
    });
    const queue = await f.app.graphql(`{ reviewQueue { type id } }`, {}, reviewer);
    expect(queue.body.data.reviewQueue).toContainEqual({
      type: 'TREATMENT',
      id: SEEDED.microNeedling,
    });
  });

  it('publishes once a reviewer approves exactly that draft; the approval is in the history and the audit log', async () => {
    const item = await current('TREATMENT', SEEDED.microNeedling);
    const approved = await review('approveDraft', item, reviewer, 'Matches the protocol.');
    expect(approved.body.data.approveDraft).toMatchObject({
      decision: 'APPROVED',
      fields: ['TREATMENT.contraindications'],
    });
    const due = new Date(approved.body.data.approveDraft.reviewDueAt);
    const given = new Date(approved.body.data.approveDraft.createdAt);
    expect(due.getUTCMonth()).toBe((given.getUTCMonth() + 6) % 12);
    expect((await current('TREATMENT', SEEDED.microNeedling)).medicalReview).toMatchObject({
      approved: true,
      blocksPublish: false,
    });
    const published = await publish([item, await priceDraft()]);
    expect(published.body.errors).toBeUndefined();
    expect(await deliveredContraindications()).toContain('Isotretinoin in the last six months');
    const after = await current('TREATMENT', SEEDED.microNeedling);
    expect(after.medicalReview.history[0]).toMatchObject({
      decision: 'APPROVED',
      comment: 'Matches the protocol.',
      reviewerLabel: 'reviewer@lumen-aesthetics.example',
    });
    const audit = await f.app.dataSource.query(
      `SELECT action, actor_label FROM audit_log WHERE target_id = $1 AND action LIKE 'MEDICAL_%'`,
      [SEEDED.microNeedling],
    );
    expect(audit).toEqual([
      { action: 'MEDICAL_APPROVE', actor_label: 'reviewer@lumen-aesthetics.example' },
    ]);
  });

  it('voids an approval when the draft is edited after it', async () => {
    const first = await editContraindications(['Active infections']);
    expect((await review('approveDraft', first, reviewer)).body.errors).toBeUndefined();
    const edited = await editContraindications(['Active infections', 'Pregnancy']);
    expect(edited.version).toBeGreaterThan(first.version);
    const refused = await publish([edited]);
    expect(refused.body.errors![0].extensions.code).toBe('COMPLIANCE_BLOCKED');
    expect((await current('TREATMENT', SEEDED.microNeedling)).medicalReview.approved).toBe(false);
    // The approval of a stale version is refused outright.
    const stale = await review('approveDraft', first, reviewer);
    expect(stale.body.errors![0].extensions.code).toBe('CONFLICT');
  });

  it('refuses a reviewer’s approval of a draft they edited themselves', async () => {
    const colleague = await signInNewEditor(f.app, SEEDED.brand, 'BRAND_EDITOR');
    const drafted = await editContraindications(['Active infections', 'Open wounds'], colleague);
    // The colleague becomes a medical reviewer: the draft is still theirs.
    await f.app.dataSource.query(
      `UPDATE users SET role = 'MEDICAL_REVIEWER'
        WHERE id = (SELECT actor_id::uuid FROM revisions WHERE entity_id = $1 ORDER BY id DESC LIMIT 1)`,
      [SEEDED.microNeedling],
    );
    const own = await review('approveDraft', drafted, colleague);
    expect(own.body.errors![0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringContaining('another medical reviewer'),
    });
    expect((await current('TREATMENT', SEEDED.microNeedling)).medicalReview.approved).toBe(false);
    // Another reviewer may; an editor may not approve at all.
    expect(
      (await review('approveDraft', drafted, f.as.admin)).body.errors![0].extensions.code,
    ).toBe('FORBIDDEN');
    expect((await review('approveDraft', drafted, reviewer)).body.errors).toBeUndefined();
    expect((await publish([drafted])).body.errors).toBeUndefined();
  });

  it('limits a regional reviewer to their regions, and checks overrides of regulated fields', async () => {
    const colorado = await signInNewEditor(f.app, SEEDED.brand, 'MEDICAL_REVIEWER', {
      regionIds: [SEEDED.colorado],
    });
    const override = async (clinicId: string, key: string) => {
      const id = stableId(`override:${key}`);
      const version = (await current('OVERRIDE', id)).version;
      const { body } = await f.app.graphql(
        `mutation($input: SetOverrideInput!) { setOverride(input: $input) { item { ${ITEM} } } }`,
        {
          input: {
            scope: 'CLINIC',
            clinicId,
            entityType: 'TREATMENT',
            entityId: SEEDED.microNeedling,
            field: 'disclaimer',
            value: `Performed under medical supervision at {{clinic.name}} (${key}).`,
            version,
          },
        },
        f.as.admin,
      );
      return body.data.setOverride.item as Item;
    };
    const austin = await override(SEEDED.austin, 'austin-disclaimer');
    const denver = await override(SEEDED.denver, 'denver-disclaimer');
    const refused = await publish([austin, denver]);
    expect(
      refused.body.errors![0].extensions.problems.map((p: { id: string; field: string }) => [
        p.id,
        p.field,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [austin.id, 'TREATMENT.disclaimer'],
        [denver.id, 'TREATMENT.disclaimer'],
      ]),
    );
    expect((await review('approveDraft', austin, colorado)).body.errors![0].extensions.code).toBe(
      'FORBIDDEN',
    );
    const queueOf = async (headers: Headers) =>
      (await f.app.graphql(`{ reviewQueue { id } }`, {}, headers)).body.data.reviewQueue.map(
        (i: { id: string }) => i.id,
      );
    expect(await queueOf(colorado)).toEqual([denver.id]);
    expect((await review('approveDraft', denver, colorado)).body.errors).toBeUndefined();
    expect(await queueOf(colorado)).toEqual([]);
    expect(await queueOf(reviewer)).toEqual([austin.id]);
    expect((await publish([denver])).body.errors).toBeUndefined();
  });

  it('checks approval again when a scheduled publish runs', async () => {
    const worker = f.app.app.get(ScheduledPublisherService);
    const schedule = async (item: Item) => {
      const { body } = await f.app.graphql(
        `mutation($input: SchedulePublishInput!) { schedulePublish(input: $input) { id } }`,
        {
          input: {
            items: [{ type: item.type, id: item.id, version: item.version }],
            publishAt: new Date(Date.now() + 60_000).toISOString(),
          },
        },
        f.as.editor,
      );
      // Due now, without waiting: only its time is moved.
      await f.app.dataSource.query(
        `UPDATE scheduled_publications SET publish_at = now() WHERE id = $1`,
        [body.data.schedulePublish.id],
      );
      return body.data.schedulePublish.id as string;
    };
    const statusOf = async (id: string) =>
      (
        await f.app.dataSource.query(
          `SELECT status, failure_reason AS "failureReason" FROM scheduled_publications WHERE id = $1`,
          [id],
        )
      )[0];

    const unapproved = await editContraindications(['Active infections', 'Sunburn']);
    const first = await schedule(unapproved);
    await worker.runDue();
    expect(await statusOf(first)).toEqual({
      status: 'FAILED',
      failureReason: 'COMPLIANCE_BLOCKED',
    });

    // Approved, then withdrawn by a change request on the same content before it runs.
    expect((await review('approveDraft', unapproved, reviewer)).body.errors).toBeUndefined();
    const withdrawn = await schedule(unapproved);
    expect(
      (await review('requestChanges', unapproved, reviewer, 'Name the sunburn window.')).body
        .errors,
    ).toBeUndefined();
    await worker.runDue();
    expect(await statusOf(withdrawn)).toEqual({
      status: 'FAILED',
      failureReason: 'COMPLIANCE_BLOCKED',
    });

    expect((await review('approveDraft', unapproved, reviewer)).body.errors).toBeUndefined();
    const approved = await schedule(unapproved);
    await worker.runDue();
    expect(await statusOf(approved)).toEqual({ status: 'DONE', failureReason: null });
    expect(await deliveredContraindications()).toEqual(['Active infections', 'Sunburn']);
  });

  it('keeps review records append-only', async () => {
    await expect(
      f.app.dataSource.query(`UPDATE medical_reviews SET comment = 'edited'`),
    ).rejects.toThrow(/append-only/);
  });
});
