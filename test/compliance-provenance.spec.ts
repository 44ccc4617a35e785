import { stableId } from '../seeds/stable-id';
import { EditingFixture, Headers, SEEDED, startEditingFixture } from './helpers/content-editing';
import { loginAs } from './helpers/login';

/**
 * Provenance and re-review dates through GraphQL on PostgreSQL: seeded
 * clinical values point at their article paragraph, later changes name
 * their editors and approving reviewer, and approved values come due.
 */
describe('clinical provenance and re-review dates', () => {
  let f: EditingFixture;
  let reviewer: Headers;
  beforeAll(async () => {
    f = await startEditingFixture();
    reviewer = await loginAs(f.app, 'reviewer');
    await f.app.graphql(
      `mutation { updateComplianceSettings(input: { medicalReviewRequired: true, reviewIntervalMonths: 1 }) { reviewIntervalMonths } }`,
      {},
      f.as.admin,
    );
  });
  afterAll(() => f?.close());

  const PROVENANCE = `query($type: ContentType!, $id: ID!) {
    clinicalProvenance(type: $type, id: $id) {
      field source { document line quote }
      changes { version publishedBy editors approvedBy approvedAt }
    }
  }`;
  const provenance = async (type: string, id: string, headers = f.as.austin) => {
    const { body } = await f.app.graphql(PROVENANCE, { type, id }, headers);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.clinicalProvenance as any[];
  };
  const DUE = `query($within: Int!, $clinicId: ID, $regionId: ID) {
    reviewsDue(withinDays: $within, clinicId: $clinicId, regionId: $regionId) {
      type itemId field approvedBy status
    }
  }`;
  const due = async (variables: Record<string, unknown>) => {
    const { body } = await f.app.graphql(DUE, variables, f.as.austin);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.reviewsDue as any[];
  };

  it('links seeded facts and FAQ answers to the line of the article they come from', async () => {
    const fields = await provenance('TREATMENT', SEEDED.microNeedling);
    expect(fields.find((entry) => entry.field === 'facts.durationMinutes')).toEqual({
      field: 'facts.durationMinutes',
      source: {
        document: 'micro-needling-article.txt',
        line: 27,
        quote: 'The procedure usually lasts between 30 and 90 minutes.',
      },
      changes: [],
    });
    expect(fields.map((entry) => entry.field)).toEqual(
      expect.arrayContaining(['contraindications', 'aftercare', 'sections.benefits', 'disclaimer']),
    );
    expect(fields.find((entry) => entry.field === 'disclaimer').source).toBeNull();
    const [answer] = await provenance('FAQ', stableId('faq:is-micro-needling-painful'));
    expect(answer).toMatchObject({
      field: 'answer',
      source: { quote: 'Is Micro-Needling Painful', line: 38 },
    });
  });

  it('attributes a later change to its editor, publisher and approving reviewer, and dates its re-review', async () => {
    const before = await f.item('TREATMENT', SEEDED.microNeedling);
    const draft = await f.ok(
      'updateTreatment',
      {
        id: SEEDED.microNeedling,
        version: before.version,
        facts: { ...before.values.facts, durationMinutes: { min: 45, max: 90 } },
      },
      f.as.editor,
    );
    const approved = await f.app.graphql(
      `mutation($input: ReviewDraftInput!) { approveDraft(input: $input) { id } }`,
      { input: { item: { type: draft.type, id: draft.id, version: draft.version } } },
      reviewer,
    );
    expect(approved.body.errors).toBeUndefined();
    expect(await due({ within: 60 })).toEqual([]); // approved, not live yet
    const [published] = await f.publish([draft], f.as.admin);

    const duration = (await provenance('TREATMENT', SEEDED.microNeedling)).find(
      (entry) => entry.field === 'facts.durationMinutes',
    );
    expect(duration.source.line).toBe(27);
    expect(duration.changes).toEqual([
      {
        version: published.version,
        publishedBy: 'admin@lumen-aesthetics.example',
        editors: ['editor@lumen-aesthetics.example'],
        approvedBy: 'reviewer@lumen-aesthetics.example',
        approvedAt: expect.any(String),
      },
    ]);

    expect(await due({ within: 60 })).toEqual([
      {
        type: 'TREATMENT',
        itemId: SEEDED.microNeedling,
        field: 'TREATMENT.facts',
        approvedBy: 'reviewer@lumen-aesthetics.example',
        status: 'DUE_SOON',
      },
    ]);
    expect(await due({ within: 7 })).toEqual([]);
    const { body } = await f.app.graphql(
      `query($id: ID!) { item(type: TREATMENT, id: $id) { medicalReview { approvals { field status } } } }`,
      { id: SEEDED.microNeedling },
      f.as.austin,
    );
    expect(body.data.item.medicalReview.approvals).toEqual([
      { field: 'TREATMENT.facts', status: 'CURRENT' },
    ]);
  });

  it('lists overdue values per clinic and region', async () => {
    // A Denver override approved 13 months ago and published since: overdue now.
    const denver = stableId('override:denver-disclaimer');
    const reviewerId = (
      await f.app.dataSource.query(
        `SELECT id FROM users WHERE email = 'reviewer@lumen-aesthetics.example'`,
      )
    )[0].id;
    await f.app.dataSource.query(
      `INSERT INTO medical_reviews (brand_id, entity_type, entity_id, item_version, content_hash, decision,
                                    fields, reviewer_id, reviewer_label, level, region_ids, clinic_ids,
                                    review_due_at, created_at)
       VALUES ($1, 'OVERRIDE', $2, 1, repeat('a', 64), 'APPROVED', '{TREATMENT.disclaimer}', $3,
               'reviewer@lumen-aesthetics.example', 'CLINIC', $4, $5,
               now() - interval '1 month', now() - interval '13 months')`,
      [SEEDED.brand, denver, reviewerId, [SEEDED.colorado], [SEEDED.denver]],
    );
    await f.app.dataSource.query(
      `INSERT INTO revisions (brand_id, entity_type, entity_id, version, action, actor_kind, actor_label, source, created_at)
       VALUES ($1, 'OVERRIDE', $2, 2, 'PUBLISH', 'USER', 'editor@lumen-aesthetics.example', 'API', now() - interval '12 months')`,
      [SEEDED.brand, denver],
    );
    const overdue = {
      type: 'OVERRIDE',
      itemId: denver,
      field: 'TREATMENT.disclaimer',
      status: 'OVERDUE',
    };
    expect(await due({ within: 0, clinicId: SEEDED.denver })).toEqual([
      expect.objectContaining(overdue),
    ]);
    expect(await due({ within: 0, regionId: SEEDED.colorado })).toEqual([
      expect.objectContaining(overdue),
    ]);
    expect(await due({ within: 0, clinicId: SEEDED.austin })).toEqual([]);
    const brandWide = await due({ within: 60 });
    expect(brandWide.map((row) => row.status)).toEqual(['OVERDUE', 'DUE_SOON']);
  });

  it('answers provenance and due lists to the brand’s people only', async () => {
    const { body } = await f.app.graphql(PROVENANCE, {
      type: 'TREATMENT',
      id: SEEDED.microNeedling,
    });
    expect(body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const anonymous = await f.app.graphql(DUE, { within: 30 });
    expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
