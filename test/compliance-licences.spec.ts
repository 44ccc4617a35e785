import {
  EditingFixture,
  Headers,
  SEEDED,
  startEditingFixture,
  uniqueSlug,
} from './helpers/content-editing';
import { loginAs } from './helpers/login';
import { stableId } from '../seeds/stable-id';

/**
 * Provider licences through GraphQL on PostgreSQL: the brand's credential
 * rules decide who may be linked to perform a treatment in a state, and an
 * expired licence takes its provider off the clinic page by itself.
 */
describe('provider licences', () => {
  let f: EditingFixture;
  let reviewer: Headers;
  beforeAll(async () => {
    f = await startEditingFixture();
    reviewer = await loginAs(f.app, 'reviewer');
  });
  afterAll(() => f?.close());

  const LICENCE = `id providerId credentialType issuingState expiresAt verifiedBy verifiedAt status expiresInDays warning`;
  const gql = async (
    query: string,
    variables: Record<string, unknown>,
    headers: Headers,
  ): Promise<any> => {
    const { body } = await f.app.graphql(query, variables, headers);
    return body;
  };
  const addLicence = async (input: Record<string, unknown>, headers = f.as.editor) =>
    gql(
      `mutation($input: AddProviderLicenceInput!) { addProviderLicence(input: $input) { ${LICENCE} } }`,
      { input },
      headers,
    );
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${f.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { cache: response.headers.get('x-cache'), json: await response.json() };
  };
  const CLINIC_PAGE = `query Page($clinic: String!) {
    clinic(brand: "lumen-aesthetics", slug: $clinic) {
      providers { slug jsonLd }
      treatment(slug: "micro-needling") { providers { slug } }
    }
  }`;
  const TX_RULE = ['DO', 'MD', 'NP', 'PA', 'RN'];

  it('refuses to link an esthetician to perform micro-needling in a state whose rule forbids it', async () => {
    const rule = await gql(
      `mutation($input: SetCredentialRuleInput!) { setCredentialRule(input: $input) { treatmentId state credentialTypes } }`,
      { input: { treatmentId: SEEDED.microNeedling, state: 'TX', credentialTypes: TX_RULE } },
      f.as.editor,
    );
    expect(rule.data.setCredentialRule).toEqual({
      treatmentId: SEEDED.microNeedling,
      state: 'TX',
      credentialTypes: TX_RULE,
    });
    const created = await f.ok(
      'createProvider',
      { slug: uniqueSlug('lee'), name: 'Lee Park', clinicIds: [SEEDED.austin, SEEDED.denver] },
      f.as.editor,
    );
    for (const issuingState of ['TX', 'CO']) {
      const added = await addLicence({
        providerId: created.id,
        credentialType: 'LICENSED_ESTHETICIAN',
        licenceNumber: `LE-${issuingState}-1`,
        issuingState,
        expiresAt: '2031-01-01T00:00:00Z',
      });
      expect(added.errors).toBeUndefined();
    }
    const refused = await f.mutate(
      'updateProvider',
      { id: created.id, version: created.version, treatmentIds: [SEEDED.microNeedling] },
      f.as.editor,
    );
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.message).toMatch(
      /in TX \(Lumen Aesthetics Austin Downtown\) Micro-Needling may be performed only with a current TX licence of type DO, MD, NP, PA, RN/,
    );
    expect(refused.errors![0].extensions.problems).toEqual([
      expect.objectContaining({ state: 'TX', allowed: TX_RULE }),
    ]);
    expect((await f.item('PROVIDER', created.id)).values.treatmentIds).toEqual([]);

    // Colorado has no rule: the same provider may perform it at Denver only.
    const denverOnly = await f.mutate(
      'updateProvider',
      {
        id: created.id,
        version: created.version,
        clinicIds: [SEEDED.denver],
        treatmentIds: [SEEDED.microNeedling],
      },
      f.as.editor,
    );
    expect(denverOnly.errors).toBeUndefined();

    // A registered nurse licensed in Texas may be linked at Austin.
    const nurse = await f.ok(
      'createProvider',
      { slug: uniqueSlug('noa'), name: 'Noa Reed' },
      f.as.editor,
    );
    await addLicence({
      providerId: nurse.id,
      credentialType: 'RN',
      licenceNumber: 'RN-TX-9',
      issuingState: 'TX',
      expiresAt: '2031-01-01T00:00:00Z',
    });
    const linked = await f.mutate(
      'updateProvider',
      {
        id: nurse.id,
        version: nurse.version,
        clinicIds: [SEEDED.austin],
        treatmentIds: [SEEDED.microNeedling],
      },
      f.as.editor,
    );
    expect(linked.errors).toBeUndefined();
  });

  it('shows verified, unexpired licences as hasCredential; an unverified one only once verified', async () => {
    const maya = SEEDED.provider('maya-ellison');
    const credentials = async () => {
      const { json } = await post(CLINIC_PAGE, { clinic: 'dallas-uptown' });
      const node = json.data.clinic.providers.find(
        (p: { slug: string }) => p.slug === 'maya-ellison',
      );
      return node.jsonLd.hasCredential.map(
        (c: { name: string; validIn: { name: string } }) => `${c.name} ${c.validIn.name}`,
      );
    };
    expect(await credentials()).toEqual(['Doctor of Medicine (MD) TX']);
    const added = await addLicence({
      providerId: maya,
      credentialType: 'MD',
      licenceNumber: 'MD-CO-77',
      issuingState: 'CO',
      expiresAt: '2032-01-01T00:00:00Z',
    });
    expect(added.data.addProviderLicence).toMatchObject({
      verifiedBy: null,
      status: 'VALID',
      warning: null,
    });
    expect(await credentials()).toEqual(['Doctor of Medicine (MD) TX']);
    const denied = await gql(
      `mutation($input: LicenceIdInput!) { verifyProviderLicence(input: $input) { id } }`,
      { input: { id: added.data.addProviderLicence.id } },
      f.as.editor,
    );
    expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
    const verified = await gql(
      `mutation($input: LicenceIdInput!) { verifyProviderLicence(input: $input) { verifiedBy verifiedAt } }`,
      { input: { id: added.data.addProviderLicence.id } },
      reviewer,
    );
    expect(verified.data.verifyProviderLicence.verifiedBy).toBe(
      'reviewer@lumen-aesthetics.example',
    );
    // Verifying invalidated the cached page.
    expect(await credentials()).toEqual([
      'Doctor of Medicine (MD) CO',
      'Doctor of Medicine (MD) TX',
    ]);
  });

  it('takes a provider off the clinic page the moment their licence expires, with no write and no cached copy outliving it', async () => {
    const jordanLicence = stableId('licence:jordan-reyes:TX:RN');
    const expiresAt = new Date(Date.now() + 8_000);
    const renewed = await gql(
      `mutation($input: UpdateProviderLicenceInput!) { updateProviderLicence(input: $input) { ${LICENCE} } }`,
      { input: { id: jordanLicence, expiresAt: expiresAt.toISOString() } },
      f.as.editor,
    );
    expect(renewed.data.updateProviderLicence).toMatchObject({
      verifiedBy: null,
      status: 'EXPIRING_SOON',
      expiresInDays: 0,
      warning: 'expires today',
    });
    const expiring = await gql(
      `{ expiringLicences(withinDays: 30) { id status } }`,
      {},
      f.as.austin,
    );
    expect(expiring.data.expiringLicences).toContainEqual({
      id: jordanLicence,
      status: 'EXPIRING_SOON',
    });

    const slugsOf = (json: any) => ({
      clinic: json.data.clinic.providers.map((p: { slug: string }) => p.slug),
      performers: json.data.clinic.treatment.providers.map((p: { slug: string }) => p.slug),
    });
    const first = await post(CLINIC_PAGE, { clinic: 'austin-downtown' });
    const second = await post(CLINIC_PAGE, { clinic: 'austin-downtown' });
    expect(slugsOf(first.json).clinic).toContain('jordan-reyes');
    expect(slugsOf(first.json).performers).toContain('jordan-reyes');
    expect([first.cache, second.cache]).toEqual(['MISS', 'HIT']);
    // A public GET may be reused by browsers and CDNs: never past the expiry.
    const search = new URLSearchParams({
      query: CLINIC_PAGE,
      variables: JSON.stringify({ clinic: 'austin-downtown' }),
    });
    const got = await fetch(`${f.app.url}/graphql?${search}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    const maxAge = Number(/max-age=(\d+)/.exec(got.headers.get('cache-control') ?? '')?.[1]);
    expect(maxAge).toBeLessThanOrEqual(Math.ceil((expiresAt.getTime() - Date.now()) / 1000));
    expect(maxAge).toBeLessThan(60);

    const writes = async () =>
      f.app.dataSource.query(
        `SELECT (SELECT max(id) FROM revisions) AS revisions, (SELECT max(id) FROM audit_log) AS audit,
                (SELECT max(updated_at) FROM provider_licences) AS licences`,
      );
    const before = await writes();
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, expiresAt.getTime() - Date.now()) + 1_100),
    );

    const after = await post(CLINIC_PAGE, { clinic: 'austin-downtown' });
    expect(after.cache).toBe('MISS');
    expect(slugsOf(after.json).clinic).not.toContain('jordan-reyes');
    expect(slugsOf(after.json).performers).not.toContain('jordan-reyes');
    expect(slugsOf(after.json).clinic).toContain('maya-ellison');
    const listed = await post(
      `{ providers(brand: "lumen-aesthetics", first: 50) { edges { node { slug } } } }`,
    );
    expect(
      listed.json.data.providers.edges.map((e: { node: { slug: string } }) => e.node.slug),
    ).not.toContain('jordan-reyes');
    expect(await writes()).toEqual(before);
    const warned = await gql(
      `query($id: ID!) { providerLicences(providerId: $id) { status warning } }`,
      { id: SEEDED.provider('jordan-reyes') },
      f.as.austin,
    );
    expect(warned.data.providerLicences).toEqual([
      { status: 'EXPIRED', warning: expect.stringMatching(/^expired today/) },
    ]);
  });

  it('lets only brand-wide editors record licences and rules', async () => {
    const local = await addLicence(
      {
        providerId: SEEDED.provider('jordan-reyes'),
        credentialType: 'RN',
        licenceNumber: 'RN-TX-LOCAL',
        issuingState: 'TX',
        expiresAt: '2031-01-01T00:00:00Z',
      },
      f.as.austin,
    );
    expect(local.errors[0].extensions.code).toBe('FORBIDDEN');
    const duplicate = await addLicence({
      providerId: SEEDED.provider('maya-ellison'),
      credentialType: 'MD',
      licenceNumber: 'SAMPLE-TX-MD-1001',
      issuingState: 'TX',
      expiresAt: '2031-01-01T00:00:00Z',
    });
    expect(duplicate.errors[0].extensions.code).toBe('CONFLICT');
    const badState = await addLicence({
      providerId: SEEDED.provider('maya-ellison'),
      credentialType: 'MD',
      licenceNumber: 'X',
      issuingState: 'Texas',
      expiresAt: '2031-01-01T00:00:00Z',
    });
    expect(badState.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
