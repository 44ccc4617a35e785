import { randomUUID } from 'node:crypto';
import { createOtherBrand, Headers, OtherBrand, signInNewEditor } from './helpers/content-editing';
import { DEMO_EDITORS, DEMO_PASSWORD, loginAs } from './helpers/login';
import { startTestApp, TestApp } from './helpers/test-app';

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { accessToken refreshToken accessTokenExpiresAt user { email role } }
}`;
const REFRESH = `mutation($input: RefreshSessionInput!) {
  refreshSession(input: $input) { accessToken refreshToken }
}`;
const ME = `{ me { email role } }`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('identities: sessions, API keys, accounts, audit log', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let n = 0;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
  });
  afterAll(() => app.close());

  const login = (email: string, password: string) =>
    app.graphql(LOGIN, { input: { email, password } });

  /** A fresh editor account, so rate limits and revocations touch no one else. */
  const newEditor = async () => {
    n += 1;
    const email = `auth-${Date.now()}-${n}@lumen-aesthetics.example`;
    const password = 'a-long-enough-password';
    const created = await app.graphql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id email role } }`,
      { input: { email, password, role: 'BRAND_EDITOR' } },
      admin,
    );
    expect(created.body.errors).toBeUndefined();
    return { email, password, id: created.body.data.createUser.id as string };
  };

  const codeOf = (body: { errors?: { extensions: { code: string } }[] }) =>
    body.errors?.[0]?.extensions.code;

  describe('login', () => {
    it('returns an access and a refresh token that identify the editor', async () => {
      const { body } = await login(DEMO_EDITORS.austin, DEMO_PASSWORD);
      expect(body.errors).toBeUndefined();
      const session = body.data.login;
      expect(session.accessToken).toMatch(/^cca_at_/);
      expect(session.refreshToken).toMatch(/^cca_rt_/);
      expect(session.user).toEqual({ email: DEMO_EDITORS.austin, role: 'CLINIC_EDITOR' });
      const me = await app.graphql(ME, {}, bearer(session.accessToken));
      expect(me.body.data.me).toEqual({ email: DEMO_EDITORS.austin, role: 'CLINIC_EDITOR' });
    });

    it('answers a wrong password and an unknown email alike', async () => {
      const editor = await newEditor();
      const wrong = await login(editor.email, 'not-the-password');
      const unknown = await login(`nobody-${Date.now()}@example.com`, 'not-the-password');
      expect(codeOf(wrong.body)).toBe('UNAUTHENTICATED');
      expect(wrong.body.errors![0].message).toBe(unknown.body.errors![0].message);
      expect(wrong.body.data).toBeNull();
    });

    it('stores passwords as argon2id hashes only', async () => {
      const editor = await newEditor();
      const [row] = await app.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [
        editor.id,
      ]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(editor.password);
    });

    it('refuses even the right password from the same address after five failures for the same email', async () => {
      const editor = await newEditor();
      for (let i = 0; i < 5; i++) {
        expect(codeOf((await login(editor.email, `wrong-password-${i}`)).body)).toBe(
          'UNAUTHENTICATED',
        );
      }
      const throttled = await login(editor.email, editor.password);
      expect(codeOf(throttled.body)).toBe('RATE_LIMITED');
      expect(throttled.body.errors![0].message).toMatch(/Too many login attempts/);
      expect(throttled.body.errors![0].extensions.retryAfterSeconds).toBeGreaterThan(0);
      // The limit is per email: other editors still sign in.
      expect((await login(DEMO_EDITORS.texas, DEMO_PASSWORD)).body.errors).toBeUndefined();
    });

    it('validates the input, naming the field', async () => {
      const { body } = await login('not-an-email', 'x');
      expect(codeOf(body)).toBe('BAD_USER_INPUT');
      expect(body.errors![0].message).toMatch(/email/);
    });
  });

  describe('tokens', () => {
    it('refuses a malformed, unknown or expired access token with 401', async () => {
      for (const authorization of [
        'Basic abc',
        'Bearer nonsense',
        `Bearer cca_at_${'x'.repeat(43)}`,
      ]) {
        const res = await app.graphql(ME, {}, { authorization });
        expect(res.status).toBe(401);
        expect(codeOf(res.body)).toBe('UNAUTHENTICATED');
      }
      const editor = await newEditor();
      const token = (await login(editor.email, editor.password)).body.data.login.accessToken;
      await app.dataSource.query(
        `UPDATE sessions SET access_expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [editor.id],
      );
      const expired = await app.graphql(ME, {}, bearer(token));
      expect(expired.status).toBe(401);
      expect(expired.body.errors![0].message).toMatch(/expired/);
    });

    it('rotates on refresh: the old pair stops working, and reusing the old refresh token ends the session', async () => {
      const editor = await newEditor();
      const first = (await login(editor.email, editor.password)).body.data.login;
      const second = (await app.graphql(REFRESH, { input: { refreshToken: first.refreshToken } }))
        .body.data.refreshSession;
      expect((await app.graphql(ME, {}, bearer(second.accessToken))).body.data.me.email).toBe(
        editor.email.toLowerCase(),
      );
      expect((await app.graphql(ME, {}, bearer(first.accessToken))).status).toBe(401);

      const replay = await app.graphql(REFRESH, { input: { refreshToken: first.refreshToken } });
      expect(codeOf(replay.body)).toBe('UNAUTHENTICATED');
      expect(replay.body.errors![0].message).toMatch(/already used/);
      // The replay revoked the whole session, including the newest tokens.
      expect((await app.graphql(ME, {}, bearer(second.accessToken))).status).toBe(401);
      const afterRevoke = await app.graphql(REFRESH, {
        input: { refreshToken: second.refreshToken },
      });
      expect(codeOf(afterRevoke.body)).toBe('UNAUTHENTICATED');
    });

    it('logout revokes the access and the refresh token at once', async () => {
      const editor = await newEditor();
      const session = (await login(editor.email, editor.password)).body.data.login;
      const out = await app.graphql(`mutation { logout }`, {}, bearer(session.accessToken));
      expect(out.body.data.logout).toBe(true);
      expect((await app.graphql(ME, {}, bearer(session.accessToken))).status).toBe(401);
      const refresh = await app.graphql(REFRESH, { input: { refreshToken: session.refreshToken } });
      expect(codeOf(refresh.body)).toBe('UNAUTHENTICATED');
    });

    it('does not take a refresh token as a bearer token', async () => {
      const editor = await newEditor();
      const session = (await login(editor.email, editor.password)).body.data.login;
      const res = await app.graphql(ME, {}, bearer(session.refreshToken));
      expect(res.status).toBe(401);
    });
  });

  describe('API keys', () => {
    const CREATE_KEY = `mutation($input: CreateApiKeyInput!) {
      createApiKey(input: $input) { key apiKey { id name prefix scopes clinicIds expiresAt revokedAt } }
    }`;
    const createKey = (input: Record<string, unknown>, headers = admin) =>
      app.graphql(CREATE_KEY, { input }, headers);

    it('shows a new key once, stores only its hash, and lists it by prefix', async () => {
      const { body } = await createKey({ name: 'Website', scopes: ['DELIVERY'] });
      expect(body.errors).toBeUndefined();
      const { key, apiKey } = body.data.createApiKey;
      expect(key.startsWith(`${apiKey.prefix}_`)).toBe(true);
      const [row] = await app.dataSource.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [
        apiKey.id,
      ]);
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(await app.dataSource.query(`SELECT * FROM api_keys`))).not.toContain(
        key,
      );
      const list = await app.graphql(`{ apiKeys { id prefix name } }`, {}, admin);
      expect(list.body.data.apiKeys).toContainEqual({
        id: apiKey.id,
        prefix: apiKey.prefix,
        name: 'Website',
      });
      expect(JSON.stringify(list.body)).not.toContain(key);
    });

    it('authenticates with the key until it is revoked or expires', async () => {
      const created = (await createKey({ name: 'Preview', scopes: ['PREVIEW'] })).body.data
        .createApiKey;
      const ok = await app.graphql(`{ brands { slug } }`, {}, bearer(created.key));
      expect(ok.status).toBe(200);
      const revoked = await app.graphql(
        `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { revokedAt } }`,
        { input: { id: created.apiKey.id } },
        admin,
      );
      expect(revoked.body.data.revokeApiKey.revokedAt).not.toBeNull();
      const after = await app.graphql(`{ brands { slug } }`, {}, bearer(created.key));
      expect(after.status).toBe(401);
      expect(after.body.errors![0].message).toMatch(/revoked/);

      const expiring = (
        await createKey({
          name: 'Short-lived',
          scopes: ['DELIVERY'],
          expiresAt: new Date(Date.now() + 60_000).toISOString(),
        })
      ).body.data.createApiKey;
      await app.dataSource.query(
        `UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [expiring.apiKey.id],
      );
      const expired = await app.graphql(`{ brands { slug } }`, {}, bearer(expiring.key));
      expect(expired.status).toBe(401);
      expect(expired.body.errors![0].message).toMatch(/expired/);
    });

    it('lets only brand admins manage keys', async () => {
      for (const who of ['editor', 'texas', 'austin'] as const) {
        const headers = await loginAs(app, who);
        expect(codeOf((await createKey({ name: 'x', scopes: ['DELIVERY'] }, headers)).body)).toBe(
          'FORBIDDEN',
        );
        expect(codeOf((await app.graphql(`{ apiKeys { id } }`, {}, headers)).body)).toBe(
          'FORBIDDEN',
        );
      }
      expect(codeOf((await createKey({ name: 'x', scopes: ['DELIVERY'] }, {})).body)).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('refuses bad input, naming the field, and stores nothing', async () => {
      // A name of its own: other specs create keys in the shared database meanwhile.
      const name = `refused ${randomUUID()}`;
      for (const input of [
        { name: '', scopes: ['DELIVERY'] },
        { name, scopes: [] },
        { name, scopes: ['DELIVERY'], expiresAt: '2001-01-01T00:00:00Z' },
        { name, scopes: ['ADMIN'], clinicIds: ['00000000-0000-4000-8000-000000000000'] },
      ]) {
        expect(codeOf((await createKey(input)).body)).toBe('BAD_USER_INPUT');
      }
      const stored = await app.dataSource.query(
        `SELECT count(*)::int AS n FROM api_keys WHERE name IN ('', $1)`,
        [name],
      );
      expect(stored).toEqual([{ n: 0 }]);
    });
  });

  describe('accounts and brands', () => {
    let other: OtherBrand;
    let otherAdmin: Headers;

    beforeAll(async () => {
      other = await createOtherBrand(app, `auth-other-${Date.now()}`);
      otherAdmin = await signInNewEditor(app, other.brand, 'BRAND_ADMIN');
    });

    const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email role } }`;

    it('keeps brands apart: users, keys and assignments of another brand are refused', async () => {
      const users = await app.graphql(`{ users { email } }`, {}, otherAdmin);
      expect(users.body.data.users.map((u: { email: string }) => u.email)).not.toContain(
        DEMO_EDITORS.admin,
      );
      const keys = await app.graphql(`{ apiKeys { id } }`, {}, otherAdmin);
      const ours = await app.graphql(`{ apiKeys { id } }`, {}, admin);
      const theirIds = keys.body.data.apiKeys.map((k: { id: string }) => k.id);
      for (const key of ours.body.data.apiKeys) expect(theirIds).not.toContain(key.id);

      const assign = await app.graphql(
        CREATE_USER,
        {
          input: {
            email: `cross-${Date.now()}@example.com`,
            password: 'a-long-enough-password',
            role: 'CLINIC_EDITOR',
            clinicIds: [other.clinic],
          },
        },
        admin,
      );
      expect(codeOf(assign.body)).toBe('FORBIDDEN');
    });

    it('refuses an email of the brand again whatever its case, and a weak password', async () => {
      const duplicate = await app.graphql(
        CREATE_USER,
        {
          input: {
            email: DEMO_EDITORS.editor.toUpperCase(),
            password: 'a-long-enough-password',
            role: 'BRAND_EDITOR',
          },
        },
        admin,
      );
      expect(codeOf(duplicate.body)).toBe('CONFLICT');
      const weak = await app.graphql(
        CREATE_USER,
        {
          input: {
            email: `weak-${Date.now()}@example.com`,
            password: 'short',
            role: 'BRAND_EDITOR',
          },
        },
        admin,
      );
      expect(codeOf(weak.body)).toBe('BAD_USER_INPUT');
      expect(weak.body.errors![0].message).toMatch(/password/);
    });

    it('requires assignments that fit the role', async () => {
      const { body } = await app.graphql(
        CREATE_USER,
        {
          input: {
            email: `role-${Date.now()}@example.com`,
            password: 'a-long-enough-password',
            role: 'CLINIC_EDITOR',
          },
        },
        admin,
      );
      expect(codeOf(body)).toBe('BAD_USER_INPUT');
      expect(body.errors![0].message).toMatch(/clinicIds/);
    });
  });

  describe('audit log', () => {
    it('records logins and content writes for brand admins, and only for them', async () => {
      const editor = await loginAs(app, 'editor');
      const created = await app.graphql(
        `mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { id } }`,
        { input: { slug: `audited-${Date.now()}`, name: 'Audited' } },
        editor,
      );
      const id = created.body.data.createTreatment.id;
      const log = await app.graphql(
        `{ auditLog(first: 100) { edges { node { action actorKind actorLabel targetType targetId } } } }`,
        {},
        admin,
      );
      const nodes = log.body.data.auditLog.edges.map((e: { node: unknown }) => e.node);
      expect(nodes).toContainEqual({
        action: 'CONTENT_CREATE',
        actorKind: 'USER',
        actorLabel: DEMO_EDITORS.editor,
        targetType: 'TREATMENT',
        targetId: id,
      });
      expect(nodes).toContainEqual(
        expect.objectContaining({ action: 'LOGIN', actorLabel: DEMO_EDITORS.editor }),
      );
      expect(codeOf((await app.graphql(`{ auditLog { totalCount } }`, {}, editor)).body)).toBe(
        'FORBIDDEN',
      );
    });
  });
});
