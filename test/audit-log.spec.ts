import { Headers } from './helpers/content-editing';
import { newEditor } from './helpers/factories';
import { createScratchBrand, ScratchBrand } from './helpers/scratch-brand';
import { startTestApp, TestApp } from './helpers/test-app';

const LOG = `query($first: Int, $after: String, $action: String, $userId: ID, $apiKeyId: ID,
                  $targetType: String, $targetId: String, $since: DateTime, $until: DateTime) {
  auditLog(first: $first, after: $after, action: $action, userId: $userId, apiKeyId: $apiKeyId,
           targetType: $targetType, targetId: $targetId, since: $since, until: $until) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { node { id action actorKind actorId targetType targetId createdAt revisionId
                   item { type id clinicIds } } }
  }
}`;

interface Entry {
  id: string;
  action: string;
  actorKind: string;
  actorId: string | null;
  targetType: string | null;
  targetId: string | null;
  createdAt: string;
  revisionId: string | null;
  item: { type: string; id: string; clinicIds: string[] } | null;
}

/**
 * The audit log's filters, through HTTP, on a brand of its own: a person, an
 * API key and the brand's admin act; each filter must narrow the log to
 * exactly the matching entries, and only brand admins may read it.
 */
describe('auditLog filters', () => {
  let app: TestApp;
  let brand: ScratchBrand;
  let admin: Headers;
  let editor: Headers;
  let editorId: string;
  let faqId: string;
  let midpoint: string;

  const signIn = async (email: string, password: string): Promise<Headers> => {
    const { body } = await app.graphql(
      `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { email, password } },
    );
    return { authorization: `Bearer ${body.data.login.accessToken}` };
  };
  const log = async (variables: Record<string, unknown>, headers: Headers = admin) => {
    const { body } = await app.graphql(LOG, { first: 100, ...variables }, headers);
    return body;
  };
  const entries = async (variables: Record<string, unknown>): Promise<Entry[]> => {
    const body = await log(variables);
    expect(body.errors).toBeUndefined();
    return body.data.auditLog.edges.map((edge: { node: Entry }) => edge.node);
  };
  const codeOf = (body: { errors?: { extensions?: { code?: string } }[] }) =>
    body.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    app = await startTestApp();
    brand = await createScratchBrand(app, 1);
    const adminUser = await newEditor(app.dataSource, brand.id, 'BRAND_ADMIN');
    const editorUser = await newEditor(app.dataSource, brand.id, 'BRAND_EDITOR');
    editorId = editorUser.id;
    admin = await signIn(adminUser.email, adminUser.password);
    editor = await signIn(editorUser.email, editorUser.password);

    // The person writes an FAQ at the clinic and publishes it.
    const created = await app.graphql(
      `mutation($input: CreateFaqInput!) { createFaq(input: $input) { id version } }`,
      {
        input: {
          clinicId: brand.clinicIds['clinic-1'],
          question: 'Is it audited?',
          answer: 'Yes.',
        },
      },
      editor,
    );
    expect(created.body.errors).toBeUndefined();
    faqId = created.body.data.createFaq.id;
    const published = await app.graphql(
      `mutation($input: PublishInput!) { publish(input: $input) { id } }`,
      {
        input: {
          items: [{ type: 'FAQ', id: faqId, version: created.body.data.createFaq.version }],
        },
      },
      editor,
    );
    expect(published.body.errors).toBeUndefined();

    // A boundary in time between the person's writes and the key's (the API
    // takes milliseconds: rounded up, and the key writes 10 ms later).
    [{ now: midpoint }] = await app.dataSource.query(
      `SELECT to_char((date_trunc('milliseconds', now()) + interval '1 ms') AT TIME ZONE 'UTC',
                      'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now`,
    );
    await app.dataSource.query(`SELECT pg_sleep(0.01)`);
    await brand.edit('TREATMENT', brand.treatmentId, { summary: 'Edited by the key.' });
  });
  afterAll(() => app.close());

  it('narrows to one person, one API key, one action, one item and a time range', async () => {
    const all = await entries({});
    const byPerson = await entries({ userId: editorId });
    expect(byPerson.length).toBeGreaterThan(0);
    expect(byPerson.length).toBeLessThan(all.length);
    expect(byPerson.every((e) => e.actorKind === 'USER' && e.actorId === editorId)).toBe(true);
    expect(byPerson.map((e) => e.action)).toEqual(
      expect.arrayContaining(['LOGIN', 'CONTENT_CREATE', 'CONTENT_PUBLISH']),
    );

    const byKey = await entries({ apiKeyId: brand.admin.id });
    expect(byKey.length).toBeGreaterThan(0);
    expect(byKey.every((e) => e.actorKind === 'API_KEY' && e.actorId === brand.admin.id)).toBe(
      true,
    );
    expect(byKey).toContainEqual(
      expect.objectContaining({ action: 'CONTENT_PUBLISH', targetId: brand.treatmentId }),
    );
    // A person's id is not a key's: the kinds never mix.
    expect(await entries({ apiKeyId: editorId })).toEqual([]);

    const creates = await entries({ action: 'CONTENT_CREATE' });
    expect(creates.every((e) => e.action === 'CONTENT_CREATE')).toBe(true);
    expect(creates.map((e) => e.targetId)).toContain(faqId);

    const aboutFaq = await entries({ targetType: 'FAQ', targetId: faqId });
    expect(aboutFaq.map((e) => e.action).sort()).toEqual(['CONTENT_CREATE', 'CONTENT_PUBLISH']);
    expect(await entries({ targetType: 'TREATMENT', targetId: faqId })).toEqual([]);

    const before = await entries({ until: midpoint });
    const after = await entries({ since: midpoint });
    expect(before.length + after.length).toBe(all.length);
    expect(before.every((e) => e.createdAt < midpoint)).toBe(true);
    expect(after.every((e) => e.createdAt >= midpoint)).toBe(true);
    expect(after.map((e) => e.actorId)).toContain(brand.admin.id);
    expect(after.map((e) => e.actorId)).not.toContain(editorId);

    // Filters combine.
    expect(await entries({ userId: editorId, since: midpoint })).toEqual([]);
    expect(await entries({ userId: editorId, action: 'CONTENT_PUBLISH' })).toEqual([
      expect.objectContaining({ targetId: faqId }),
    ]);
  });

  it('links content entries to their revision and to the item where it sits', async () => {
    const [published] = await entries({ action: 'CONTENT_PUBLISH', targetId: faqId });
    const [revision] = await app.dataSource.query(
      `SELECT id::text FROM revisions WHERE entity_id = $1 AND action = 'PUBLISH'`,
      [faqId],
    );
    expect(published.revisionId).toBe(revision.id);
    expect(published.item).toEqual({
      type: 'FAQ',
      id: faqId,
      clinicIds: [brand.clinicIds['clinic-1']],
    });
    const [login] = await entries({ action: 'LOGIN', userId: editorId });
    expect(login).toMatchObject({ revisionId: null, item: null });
  });

  it('pages by keyset: entries written between pages never shift or repeat the next page', async () => {
    const all = await entries({});
    const first = await log({ first: 2 });
    expect(first.data.auditLog.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
    });
    // A new entry at the top while the admin pages.
    await brand.edit('TREATMENT', brand.treatmentId, { summary: 'Edited meanwhile.' });
    const second = await log({ first: 2, after: first.data.auditLog.pageInfo.endCursor });
    expect(second.data.auditLog.pageInfo.hasPreviousPage).toBe(true);
    const ids = [...first.data.auditLog.edges, ...second.data.auditLog.edges].map(
      (edge: { node: Entry }) => edge.node.id,
    );
    expect(ids).toEqual(all.slice(0, 4).map((e) => e.id));
  });

  it('refuses bad arguments with BAD_USER_INPUT and other callers with FORBIDDEN', async () => {
    expect(codeOf(await log({ first: 0 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await log({ first: 101 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await log({ after: 'bm90LWEtY3Vyc29y' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await log({ since: midpoint, until: midpoint }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await log({ userId: 'not-a-uuid' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await log({}, editor))).toBe('FORBIDDEN');
    const delivery = await brand.createKey(['delivery']);
    expect(codeOf(await log({}, delivery.headers))).toBe('FORBIDDEN');
    expect(codeOf(await log({}, {}))).toBe('UNAUTHENTICATED');
  });

  it('tells the console who may open the audit log and the webhooks', async () => {
    const rights = `{ me { brand { viewerCanReadAuditLog { allowed reason } viewerCanManageWebhooks { allowed } } } }`;
    const asAdmin = await app.graphql(rights, {}, admin);
    expect(asAdmin.body.data.me.brand).toEqual({
      viewerCanReadAuditLog: { allowed: true, reason: null },
      viewerCanManageWebhooks: { allowed: true },
    });
    const asEditor = await app.graphql(rights, {}, editor);
    expect(asEditor.body.data.me.brand).toEqual({
      viewerCanReadAuditLog: { allowed: false, reason: 'Only brand admins may do this' },
      viewerCanManageWebhooks: { allowed: false },
    });
  });
});
