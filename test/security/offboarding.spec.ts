import { UsersService } from '../../src/auth/users.service';
import { createOtherBrand, SEEDED, signInNewEditor, uniqueSlug } from '../helpers/content-editing';
import { graphqlFrom, newLoopbackAddress } from '../helpers/from-address';
import { loginAs } from '../helpers/login';
import { startTestApp, TestApp } from '../helpers/test-app';

/**
 * Issue 9.5: no API or CLI could disable a user, change or reset a password,
 * end another user's sessions or change a role, and sessions renewed forever.
 */
const PASSWORD = 'a-long-enough-password';
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken } }`;
const ME = `{ me { email role } }`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('security: offboarding', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let otherAdmin: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    const other = await createOtherBrand(app, uniqueSlug('offboarding-brand'));
    otherAdmin = await signInNewEditor(app, other.brand, 'BRAND_ADMIN');
  });
  afterAll(() => app?.close());

  /** A new brand editor of the demo brand. */
  const newEditor = async () => {
    const email = `offboard.${uniqueSlug('user')}@example.com`;
    const user = await app.app
      .get(UsersService)
      .createUserInBrand(
        SEEDED.brand,
        { email, password: PASSWORD, role: 'BRAND_EDITOR' },
        { kind: 'SYSTEM', id: null, label: 'test' },
      );
    return { id: user.id, email };
  };
  /** Each login from an address of its own, so the login limits stay out of the way. */
  const login = async (email: string, password = PASSWORD) =>
    (await graphqlFrom(app, newLoopbackAddress(), LOGIN, { input: { email, password } })).body;
  const session = async (email: string, password = PASSWORD) => {
    const body = await login(email, password);
    expect(body.errors).toBeUndefined();
    return body.data.login as { accessToken: string; refreshToken: string };
  };
  const mutate = (
    name: string,
    input: Record<string, unknown>,
    headers: Record<string, string>,
    selection = '',
  ) =>
    app.graphql(
      `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) ${selection} }`,
      { input },
      headers,
    );
  const audited = async (action: string, targetId: string) =>
    (await app.dataSource.query(
      `SELECT actor_label, details FROM audit_log WHERE action = $1 AND target_id = $2`,
      [action, targetId],
    )) as { actor_label: string; details: Record<string, unknown> }[];

  describe('disableUser and enableUser', () => {
    it('ends every session at once, refuses sign-in, cancels pending schedules, and enabling lets them back', async () => {
      const editor = await newEditor();
      const [first, second] = [await session(editor.email), await session(editor.email)];
      const [{ id: scheduleId }] = await app.dataSource.query(
        `INSERT INTO scheduled_publications (brand_id, items, publish_at, actor)
         VALUES ($1, '[]', now() + interval '1 day', $2) RETURNING id`,
        [SEEDED.brand, JSON.stringify({ kind: 'USER', userId: editor.id, email: editor.email })],
      );

      const disabled = await mutate(
        'disableUser',
        { userId: editor.id },
        admin,
        '{ id disabledAt }',
      );
      expect(disabled.body.errors).toBeUndefined();
      expect(disabled.body.data.disableUser.disabledAt).toEqual(expect.any(String));

      for (const { accessToken } of [first, second]) {
        const me = await app.graphql(ME, {}, bearer(accessToken));
        expect(me.status).toBe(401);
      }
      const refreshed = await app.graphql(REFRESH, {
        input: { refreshToken: second.refreshToken },
      });
      expect(refreshed.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await login(editor.email)).errors?.[0].message).toBe(
        'This account is disabled: ask your brand admin',
      );
      const [schedule] = await app.dataSource.query(
        `SELECT status, error FROM scheduled_publications WHERE id = $1`,
        [scheduleId],
      );
      expect(schedule).toEqual({
        status: 'CANCELLED',
        error: 'Cancelled: the user who scheduled it was disabled',
      });
      expect(await audited('DISABLE_USER', editor.id)).toEqual([
        {
          actor_label: 'admin@lumen-aesthetics.example',
          details: { email: editor.email, sessionsEnded: 2, schedulesCancelled: 1 },
        },
      ]);

      const enabled = await mutate('enableUser', { userId: editor.id }, admin, '{ disabledAt }');
      expect(enabled.body.data.enableUser.disabledAt).toBeNull();
      expect((await login(editor.email)).errors).toBeUndefined();
      expect(await audited('ENABLE_USER', editor.id)).toHaveLength(1);
    });

    it('answers a user of another brand exactly like a missing one, and changes nothing', async () => {
      const editor = await newEditor();
      const foreign = await mutate('disableUser', { userId: editor.id }, otherAdmin, '{ id }');
      const missing = await mutate(
        'disableUser',
        { userId: '00000000-0000-4000-8000-000000000000' },
        otherAdmin,
        '{ id }',
      );
      expect(foreign.body.errors).toEqual(missing.body.errors);
      expect(foreign.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect((await login(editor.email)).errors).toBeUndefined();
    });

    it('refuses disabling your own account, and editors who are not brand admins', async () => {
      const me = (await app.graphql(`{ me { email } }`, {}, admin)).body.data.me;
      const [{ id }] = await app.dataSource.query(`SELECT id FROM users WHERE email = $1`, [
        me.email,
      ]);
      const self = await mutate('disableUser', { userId: id }, admin, '{ id }');
      expect(self.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const editor = await newEditor();
      const byEditor = await mutate(
        'disableUser',
        { userId: editor.id },
        await loginAs(app, 'editor'),
        '{ id }',
      );
      expect(byEditor.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });

  it('revokeSessions ends every session of the user at once', async () => {
    const editor = await newEditor();
    const tokens = [await session(editor.email), await session(editor.email)];
    const revoked = await mutate('revokeSessions', { userId: editor.id }, admin);
    expect(revoked.body.data.revokeSessions).toBe(2);
    for (const { accessToken } of tokens) {
      expect((await app.graphql(ME, {}, bearer(accessToken))).status).toBe(401);
    }
    expect(await audited('REVOKE_SESSIONS', editor.id)).toHaveLength(1);
  });

  it('updateUserRole changes the role and places, effective on the next request', async () => {
    const editor = await newEditor();
    const { accessToken } = await session(editor.email);
    const updated = await mutate(
      'updateUserRole',
      { userId: editor.id, role: 'CLINIC_EDITOR', clinicIds: [SEEDED.austin] },
      admin,
      '{ role clinics { slug } }',
    );
    expect(updated.body.data.updateUserRole).toEqual({
      role: 'CLINIC_EDITOR',
      clinics: [{ slug: 'austin-downtown' }],
    });
    expect((await app.graphql(ME, {}, bearer(accessToken))).body.data.me.role).toBe(
      'CLINIC_EDITOR',
    );
    const unfit = await mutate(
      'updateUserRole',
      { userId: editor.id, role: 'REGION_EDITOR' },
      admin,
      '{ role }',
    );
    expect(unfit.body.errors?.[0].message).toBe(
      'regionIds: a REGION_EDITOR needs at least one region',
    );
    expect((await audited('UPDATE_USER_ROLE', editor.id))[0].details).toEqual({
      before: { role: 'BRAND_EDITOR', regionIds: [], clinicIds: [] },
      after: { role: 'CLINIC_EDITOR', regionIds: [], clinicIds: [SEEDED.austin] },
    });
  });

  describe('changePassword', () => {
    it('needs the current password, refuses a weak one, and ends the other sessions only', async () => {
      const editor = await newEditor();
      const other = await session(editor.email);
      const mine = await session(editor.email);
      const headers = bearer(mine.accessToken);

      const wrong = await mutate(
        'changePassword',
        { currentPassword: 'not-my-password', newPassword: 'velvet orbit canyon marmalade' },
        headers,
      );
      expect(wrong.body.errors?.[0].message).toBe(
        'currentPassword: this is not your current password',
      );
      const weak = await mutate(
        'changePassword',
        { currentPassword: PASSWORD, newPassword: 'Password1234' },
        headers,
      );
      expect(weak.body.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', argument: 'newPassword' },
      });

      const changed = await mutate(
        'changePassword',
        { currentPassword: PASSWORD, newPassword: 'velvet orbit canyon marmalade' },
        headers,
      );
      expect(changed.body).toEqual({ data: { changePassword: true } });
      expect((await app.graphql(ME, {}, headers)).body.data.me.email).toBe(editor.email);
      expect((await app.graphql(ME, {}, bearer(other.accessToken))).status).toBe(401);
      expect((await login(editor.email)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await login(editor.email, 'velvet orbit canyon marmalade')).errors).toBeUndefined();
      expect((await audited('CHANGE_PASSWORD', editor.id))[0].details).toEqual({
        sessionsEnded: 1,
      });
    });
  });

  describe('createPasswordReset and resetPassword', () => {
    it('gives the admin a one-time token, never the password; its holder sets one and every session ends', async () => {
      const editor = await newEditor();
      const before = await session(editor.email);
      const issued = await mutate(
        'createPasswordReset',
        { userId: editor.id },
        admin,
        '{ token expiresAt }',
      );
      const { token, expiresAt } = issued.body.data.createPasswordReset;
      expect(token).toMatch(/^cca_pr_[A-Za-z0-9_-]{43}$/);
      expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
      const stored = await app.dataSource.query(
        `SELECT token_hash FROM password_resets WHERE user_id = $1`,
        [editor.id],
      );
      expect(JSON.stringify(stored)).not.toContain(token);

      const weak = await mutate('resetPassword', { token, newPassword: ' '.repeat(14) }, {});
      expect(weak.body.errors?.[0].message).toBe('newPassword: must not be only spaces');
      const reset = await mutate(
        'resetPassword',
        { token, newPassword: 'harbor lantern quietly sings' },
        {},
      );
      expect(reset.body).toEqual({ data: { resetPassword: true } });
      expect((await app.graphql(ME, {}, bearer(before.accessToken))).status).toBe(401);
      expect((await login(editor.email, 'harbor lantern quietly sings')).errors).toBeUndefined();

      const again = await mutate(
        'resetPassword',
        { token, newPassword: 'another quiet harbor lantern' },
        {},
      );
      expect(again.body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(
          /^token: this reset token is unknown, expired or already used/,
        ),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(await audited('CREATE_PASSWORD_RESET', editor.id)).toHaveLength(1);
      expect(await audited('RESET_PASSWORD', editor.id)).toHaveLength(1);
    });

    it('refuses an expired token, and a token superseded by a newer one', async () => {
      const editor = await newEditor();
      const issue = async () =>
        (await mutate('createPasswordReset', { userId: editor.id }, admin, '{ token }')).body.data
          .createPasswordReset.token as string;
      const superseded = await issue();
      const expired = await issue();
      await app.dataSource.query(
        `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL`,
        [editor.id],
      );
      for (const token of [superseded, expired]) {
        const { body } = await mutate(
          'resetPassword',
          { token, newPassword: 'harbor lantern quietly sings' },
          {},
        );
        expect(body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      }
      expect((await login(editor.email)).errors).toBeUndefined();
    });
  });

  describe('session lifetime', () => {
    it('ends a session at its maximum age however often it is refreshed', async () => {
      const editor = await newEditor();
      const { refreshToken } = await session(editor.email);
      const fresh = await app.graphql(REFRESH, { input: { refreshToken } });
      const [row] = await app.dataSource.query(
        `SELECT refresh_expires_at <= now() + interval '7 days' AS idle_bound,
                refresh_expires_at <= created_at + interval '30 days' AS age_bound
           FROM sessions WHERE user_id = $1`,
        [editor.id],
      );
      expect(row).toEqual({ idle_bound: true, age_bound: true });

      // Used every day for a month: refreshes keep it alive only until day 30.
      await app.dataSource.query(
        `UPDATE sessions SET created_at = now() - interval '30 days 1 minute' WHERE user_id = $1`,
        [editor.id],
      );
      const tooOld = await app.graphql(REFRESH, {
        input: { refreshToken: fresh.body.data.refreshSession.refreshToken },
      });
      expect(tooOld.body.errors?.[0]).toMatchObject({
        message: 'Sessions last at most 30 days: log in again',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    });
  });
});
