import {
  dataOf,
  errorOf,
  ITEM,
  Item,
  LUMEN,
  publish,
  publishedTreatment,
  ref,
  setSummaryAtAustin,
} from './helpers/editing';
import { signInNewEditor } from './helpers/content-editing';
import { type BrandFixture, newBrand } from './helpers/factories';
import { startIsolatedTestApp } from './helpers/isolated-app';
import { loginAs } from './helpers/login';
import type { TestApp } from './helpers/test-app';

type Headers = Record<string, string>;

describe('editing field policies', () => {
  let app: TestApp;
  let editor: Headers;
  let texas: Headers;
  let austin: Headers;
  let other: BrandFixture;
  let otherAdmin: Record<string, string>;

  // Creating, migrating and seeding a database of its own takes longer than 5 s.
  beforeAll(async () => {
    app = await startIsolatedTestApp();
    [editor, texas, austin] = await Promise.all([
      loginAs(app, 'editor'),
      loginAs(app, 'texas'),
      loginAs(app, 'austin'),
    ]);
    other = await newBrand(app.dataSource);
    otherAdmin = await signInNewEditor(app, other.brand, 'BRAND_ADMIN');
  });
  afterAll(() => app.close());

  const setFieldPolicy = (input: Record<string, unknown>, headers: Headers) =>
    app.graphql(
      `mutation($input: SetFieldPolicyInput!) { setFieldPolicy(input: $input) { ${ITEM} } }`,
      { input },
      headers,
    );
  const deliveredAtAustin = async (treatment: Item) => {
    const { body } = await app.graphql(
      `query($slug: String!) {
         treatment(brand: "lumen-aesthetics", slug: $slug, clinic: "austin-downtown") {
           name summary fieldSources { field scope missing }
         }
       }`,
      { slug: treatment.values.slug },
    );
    return body.data.treatment;
  };
  const policies = async (headers: Headers) =>
    dataOf(await app.graphql(`{ fieldPolicies { ${ITEM} } }`, {}, headers)).fieldPolicies as Item[];
  const policyRows = async (brandId: string) =>
    app.dataSource.query(
      `SELECT entity_type AS "entityType", field, policy, publication_status AS status
         FROM field_policies WHERE brand_id = $1 ORDER BY entity_type, field`,
      [brandId],
    );

  it('applies a policy once published: LOCKED refuses overrides and delivery ignores existing ones', async () => {
    const treatment = await publishedTreatment(app, editor);
    const local = dataOf(await setSummaryAtAustin(app, austin, treatment, 'Local.')).setOverride;
    await publish(app, austin, [local.item]);

    const draft = dataOf(
      await setFieldPolicy({ entityType: 'TREATMENT', field: 'summary', policy: 'LOCKED' }, editor),
    ).setFieldPolicy;
    expect(draft).toMatchObject({
      type: 'FIELD_POLICY',
      status: 'DRAFT',
      values: { entityType: 'TREATMENT', field: 'summary', policy: 'LOCKED' },
    });
    expect((await deliveredAtAustin(treatment)).summary).toBe('Local.');

    const [locked] = await publish(app, editor, [draft]);
    const shown = await deliveredAtAustin(treatment);
    expect(shown.summary).toBe('Brand summary.');
    expect(shown.fieldSources).toContainEqual({ field: 'summary', scope: 'BRAND', missing: false });
    const refused = await setSummaryAtAustin(
      app,
      austin,
      treatment,
      'Newer local.',
      local.item.version + 1,
    );
    expect(errorOf(refused)?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'summary',
      policy: 'LOCKED',
    });

    const unversioned = await setFieldPolicy(
      { entityType: 'TREATMENT', field: 'summary', policy: 'INHERITABLE' },
      editor,
    );
    expect(errorOf(unversioned)?.extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: locked.version,
    });
    const inheritable = dataOf(
      await setFieldPolicy(
        {
          entityType: 'TREATMENT',
          field: 'summary',
          policy: 'INHERITABLE',
          version: locked.version,
        },
        editor,
      ),
    ).setFieldPolicy;
    expect(inheritable).toMatchObject({ id: locked.id, values: { policy: 'INHERITABLE' } });
    await publish(app, editor, [inheritable]);
    expect((await deliveredAtAustin(treatment)).summary).toBe('Local.');

    const history = await app.graphql(
      `query($id: ID!) { revisions(type: FIELD_POLICY, id: $id) { edges { node { action changedFields } } } }`,
      { id: locked.id },
      editor,
    );
    expect(
      dataOf(history).revisions.edges.map((edge: { node: { action: string } }) => edge.node.action),
    ).toEqual(['PUBLISH', 'UPDATE', 'PUBLISH', 'CREATE']);
  });

  it('reports a CLINIC_REQUIRED field as missing where no clinic or region sets it; deleting the policy is staged', async () => {
    const treatment = await publishedTreatment(app, editor);
    const draft = dataOf(
      await setFieldPolicy(
        { entityType: 'TREATMENT', field: 'name', policy: 'CLINIC_REQUIRED' },
        editor,
      ),
    ).setFieldPolicy;
    const [required] = await publish(app, editor, [draft]);
    expect((await deliveredAtAustin(treatment)).fieldSources).toContainEqual({
      field: 'name',
      scope: 'BRAND',
      missing: true,
    });

    const deleted = dataOf(
      await app.graphql(
        `mutation($input: DeleteItemInput!) { deleteItem(input: $input) { ${ITEM} } }`,
        { input: { item: ref(required) } },
        editor,
      ),
    ).deleteItem;
    expect(deleted.pendingDelete).toBe(true);
    expect((await deliveredAtAustin(treatment)).fieldSources).toContainEqual(
      expect.objectContaining({ field: 'name', missing: true }),
    );
    await publish(app, editor, [deleted]);
    expect((await deliveredAtAustin(treatment)).fieldSources).toContainEqual({
      field: 'name',
      scope: 'BRAND',
      missing: false,
    });
  });

  it('LOCKED on FAQ.hidden stops clinics hiding brand FAQs', async () => {
    const topic = await publishedTreatment(app, editor);
    const created = dataOf(
      await app.graphql(
        `mutation($input: CreateFaqInput!) { createFaq(input: $input) { ${ITEM} } }`,
        { input: { question: 'Locked?', answer: 'Yes.', treatmentIds: [topic.id] } },
        editor,
      ),
    ).createFaq;
    const [faq] = await publish(app, editor, [created]);
    const policy = dataOf(
      await setFieldPolicy({ entityType: 'FAQ', field: 'hidden', policy: 'LOCKED' }, editor),
    ).setFieldPolicy;
    const [locked] = await publish(app, editor, [policy]);
    const hide = await app.graphql(
      `mutation($input: HideFaqInput!) { hideFaq(input: $input) { outcome } }`,
      { input: { faqId: faq.id, scope: 'CLINIC', clinicId: LUMEN.austin } },
      austin,
    );
    expect(errorOf(hide)).toMatchObject({
      message: expect.stringContaining('faqId: FAQ.hidden is LOCKED'),
      extensions: { code: 'BAD_USER_INPUT', argument: 'faqId', policy: 'LOCKED' },
    });
    const removed = dataOf(
      await app.graphql(
        `mutation($input: DeleteItemInput!) { deleteItem(input: $input) { ${ITEM} } }`,
        { input: { item: ref(locked) } },
        editor,
      ),
    ).deleteItem;
    await publish(app, editor, [removed]);
  });

  it('lists the brand’s policies, seeded ones included, and lets editors change those too', async () => {
    const listed = await policies(texas);
    const seeded = listed.find(
      (item) => item.values.entityType === 'TREATMENT' && item.values.field === 'aftercare',
    )!;
    expect(seeded).toMatchObject({ status: 'PUBLISHED', values: { policy: 'LOCKED' } });
    const changed = dataOf(
      await setFieldPolicy(
        {
          entityType: 'TREATMENT',
          field: 'aftercare',
          policy: 'INHERITABLE',
          version: seeded.version,
        },
        editor,
      ),
    ).setFieldPolicy;
    expect(changed).toMatchObject({
      id: seeded.id,
      hasDraft: true,
      values: { policy: 'INHERITABLE' },
      publishedValues: { policy: 'LOCKED' },
    });
    expect(errorOf(await app.graphql(`{ fieldPolicies { id } }`))?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  describe('access', () => {
    it.each([
      ['anonymous', 'UNAUTHENTICATED', () => ({})],
      ['a clinic editor', 'FORBIDDEN', () => austin],
      ['a region editor', 'FORBIDDEN', () => texas],
    ])('%s → %s, nothing stored', async (_who, code, headers) => {
      const before = await policyRows(LUMEN.brandId);
      const result = await setFieldPolicy(
        { entityType: 'TREATMENT', field: 'combinesWith', policy: 'LOCKED' },
        headers(),
      );
      expect(errorOf(result)?.extensions?.code).toBe(code);
      expect(await policyRows(LUMEN.brandId)).toEqual(before);
    });

    it('keeps each brand’s policies to itself', async () => {
      const before = await policyRows(LUMEN.brandId);
      const theirs = dataOf(
        await setFieldPolicy(
          { entityType: 'TREATMENT', field: 'aftercare', policy: 'CLINIC_REQUIRED' },
          otherAdmin,
        ),
      ).setFieldPolicy;
      expect(theirs.status).toBe('DRAFT');
      expect(await policyRows(LUMEN.brandId)).toEqual(before);
      expect(await policyRows(other.brand)).toEqual([
        { entityType: 'TREATMENT', field: 'aftercare', policy: 'CLINIC_REQUIRED', status: 'DRAFT' },
      ]);
      expect((await policies(otherAdmin)).map((item) => item.id)).toEqual([theirs.id]);
      const lumenPolicy = (await policies(editor))[0];
      const publishTheirs = await app.graphql(
        `mutation($input: PublishInput!) { publish(input: $input) { id } }`,
        { input: { items: [ref(lumenPolicy)] } },
        otherAdmin,
      );
      expect(errorOf(publishTheirs)?.extensions?.code).toBe('NOT_FOUND');
      const publishByClinic = await app.graphql(
        `mutation($input: PublishInput!) { publish(input: $input) { id } }`,
        { input: { items: [ref(lumenPolicy)] } },
        austin,
      );
      expect(errorOf(publishByClinic)?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('bad input', () => {
    it.each([
      [
        { entityType: 'TREATMENT', field: 'slug' },
        'field: "slug" is not an overridable field of TREATMENT',
      ],
      [
        { entityType: 'FAQ', field: 'treatmentIds' },
        'field: "treatmentIds" is not an overridable field of FAQ',
      ],
      [
        { entityType: 'TREATMENT', field: 'sections.intro' },
        'field: must be a field name such as "summary"',
      ],
    ])('%j → BAD_USER_INPUT, nothing stored', async (input, message) => {
      const before = await policyRows(LUMEN.brandId);
      const result = await setFieldPolicy({ ...input, policy: 'LOCKED' }, editor);
      expect(errorOf(result)?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errorOf(result)?.message).toContain(message);
      expect(await policyRows(LUMEN.brandId)).toEqual(before);
    });

    it.each([
      [{ entityType: 'PROVIDER', field: 'bio', policy: 'LOCKED' }, 'PROVIDER'],
      [{ entityType: 'TREATMENT', field: 'summary', policy: 'SOMETIMES' }, 'SOMETIMES'],
    ])('%j → refused by the schema', async (input, word) => {
      const result = await setFieldPolicy(input, editor);
      expect(result.status).toBe(400);
      expect(errorOf(result)?.message).toContain(word);
    });
  });
});
