import { newBrand, type BrandFixture } from './helpers/factories';
import { signInNewEditor, uniqueSlug } from './helpers/content-editing';
import { graphqlFrom, newLoopbackAddress } from './helpers/from-address';
import { startTestApp, TestApp } from './helpers/test-app';

/**
 * Issue #14 item 5: a brand admin invites an editor, who sets their own
 * password with a one-time token (the admin never sees or sets it), and
 * the People screen shows when each editor last signed in.
 */
const INVITE = `mutation($input: InviteUserInput!) {
  inviteUser(input: $input) {
    setPasswordToken expiresAt
    user { id email role displayName lastSignInAt disabledAt clinics { id } regions { id } }
  }
}`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { lastSignInAt } } }`;
const REFRESH = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken } }`;
const USERS = `{ users { id email lastSignInAt } }`;
const RIGHTS = `{ me { brand { viewerCanManageAccounts { allowed reason } } } }`;
const PASSWORD = 'harbor lantern quietly sings';

describe('account invitations and last sign-in', () => {
  let app: TestApp;
  // A brand of its own: the spec creates accounts.
  let brand: BrandFixture;
  let admin: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    brand = await newBrand(app.dataSource, { slug: uniqueSlug('invites') });
    admin = await signInNewEditor(app, brand.brand, 'BRAND_ADMIN');
  });
  afterAll(() => app?.close());

  const invite = (input: Record<string, unknown>, headers = admin) =>
    app.graphql(INVITE, { input }, headers);
  const newEmail = () => `invitee.${uniqueSlug('user')}@example.com`;
  // Each login from an address of its own, so the login limits stay out of the way.
  const login = async (email: string, password: string) =>
    (
      await graphqlFrom(app, newLoopbackAddress(), LOGIN, {
        input: { email, password, brand: brand.slug },
      })
    ).body;
  const lastSignInOf = async (userId: string): Promise<string | null> =>
    (await app.graphql(USERS, {}, admin)).body.data.users.find(
      (user: { id: string }) => user.id === userId,
    ).lastSignInAt;

  it('creates the account without a usable password and answers a one-time token, stored only as a hash', async () => {
    const email = newEmail();
    const { body } = await invite({
      email,
      displayName: 'Ines Invitee',
      role: 'CLINIC_EDITOR',
      clinicIds: [brand.clinic],
    });
    expect(body.errors).toBeUndefined();
    const { setPasswordToken, expiresAt, user } = body.data.inviteUser;
    expect(setPasswordToken).toMatch(/^cca_pr_[A-Za-z0-9_-]{43}$/);
    // Invitations last three days (INVITATION_TTL_HOURS), longer than a reset.
    const hoursLeft = (Date.parse(expiresAt) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(71);
    expect(hoursLeft).toBeLessThanOrEqual(72);
    expect(user).toEqual({
      id: expect.any(String),
      email,
      role: 'CLINIC_EDITOR',
      displayName: 'Ines Invitee',
      lastSignInAt: null,
      disabledAt: null,
      clinics: [{ id: brand.clinic }],
      regions: [],
    });
    const stored = await app.dataSource.query(
      `SELECT u.password_hash, r.token_hash FROM users u JOIN password_resets r ON r.user_id = u.id
        WHERE u.id = $1`,
      [user.id],
    );
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(setPasswordToken);
    expect(stored[0].password_hash).toMatch(/^\$argon2id\$/);
    // No password the admin could have guessed opens the account before the invitee sets one.
    for (const guess of ['', ' '.repeat(12), setPasswordToken, email]) {
      const refused = await login(email, guess || 'x');
      expect(refused.errors?.[0].extensions.code).toMatch(/UNAUTHENTICATED|BAD_USER_INPUT/);
    }
    const [audit] = await app.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'INVITE_USER' AND target_id = $1`,
      [user.id],
    );
    expect(audit.details).toMatchObject({ email, role: 'CLINIC_EDITOR' });
    expect(JSON.stringify(audit.details)).not.toContain(setPasswordToken);
  });

  it('invite → set password → sign in works once; the token is single-use and the sign-in is recorded', async () => {
    const email = newEmail();
    const invited = (await invite({ email, role: 'BRAND_EDITOR' })).body.data.inviteUser;
    expect(await lastSignInOf(invited.user.id)).toBeNull();

    const set = await app.graphql(RESET, {
      input: { token: invited.setPasswordToken, newPassword: PASSWORD },
    });
    expect(set.body).toEqual({ data: { resetPassword: true } });
    // Setting the password is not a sign-in.
    expect(await lastSignInOf(invited.user.id)).toBeNull();

    const before = Date.now();
    const signedIn = await login(email, PASSWORD);
    expect(signedIn.errors).toBeUndefined();
    const recorded = signedIn.data.login.user.lastSignInAt as string;
    expect(Date.parse(recorded)).toBeGreaterThanOrEqual(before - 5_000);
    expect(await lastSignInOf(invited.user.id)).toBe(recorded);

    // A refresh keeps the session going but is not a new sign-in.
    const refreshed = await app.graphql(REFRESH, {
      input: { refreshToken: signedIn.data.login.refreshToken },
    });
    expect(refreshed.body.errors).toBeUndefined();
    expect(await lastSignInOf(invited.user.id)).toBe(recorded);

    const again = await app.graphql(RESET, {
      input: { token: invited.setPasswordToken, newPassword: 'another quiet harbor lantern' },
    });
    expect(again.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(
        /^token: this reset token is unknown, expired or already used/,
      ),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await login(email, PASSWORD)).errors).toBeUndefined();
  });

  it('refuses an expired invitation token with a typed error, and the account stays closed', async () => {
    const email = newEmail();
    const invited = (await invite({ email, role: 'BRAND_EDITOR' })).body.data.inviteUser;
    await app.dataSource.query(
      `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [invited.user.id],
    );
    const { body } = await app.graphql(RESET, {
      input: { token: invited.setPasswordToken, newPassword: PASSWORD },
    });
    expect(body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toMatch(/expired or already used/);
    expect((await login(email, PASSWORD)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('lets only brand admins invite, and answers the console which callers may manage accounts', async () => {
    const editor = await signInNewEditor(app, brand.brand, 'BRAND_EDITOR');
    const clinicEditor = await signInNewEditor(app, brand.brand, 'CLINIC_EDITOR', {
      clinicIds: [brand.clinic],
    });
    const email = newEmail();
    for (const caller of [editor, clinicEditor]) {
      const { body } = await invite({ email, role: 'BRAND_EDITOR' }, caller);
      expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await app.graphql(RIGHTS, {}, caller)).body.data.me.brand).toEqual({
        viewerCanManageAccounts: { allowed: false, reason: 'Only brand admins may do this' },
      });
    }
    const PEOPLE = `query($after: String) { people(first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { email } } } }`;
    for (const caller of [editor, clinicEditor]) {
      const { body } = await app.graphql(PEOPLE, {}, caller);
      expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    // The People screen's list: the brand's accounts a page at a time, by email.
    const first = (await app.graphql(PEOPLE, {}, admin)).body.data.people;
    const { users } = (await app.graphql(`{ users { email } }`, {}, admin)).body.data;
    expect(first.totalCount).toBe(users.length);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await app.graphql(PEOPLE, { after: first.pageInfo.endCursor }, admin)).body.data
      .people;
    expect([first, second].map((page) => page.edges[0].node.email)).toEqual(
      users.slice(0, 2).map((user: { email: string }) => user.email),
    );

    const anonymous = await invite({ email, role: 'BRAND_EDITOR' }, {});
    expect(anonymous.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(
      await app.dataSource.query(`SELECT 1 FROM users WHERE lower(email) = $1`, [email]),
    ).toEqual([]);
    expect((await app.graphql(RIGHTS, {}, admin)).body.data.me.brand).toEqual({
      viewerCanManageAccounts: { allowed: true, reason: null },
    });
  });

  it('tells the console what the caller may do with each account: not disable or demote oneself', async () => {
    const VIEWER_CAN = `viewerCan { changeRole { allowed reason } disable { allowed } enable { allowed } }`;
    const { me } = (await app.graphql(`{ me { id ${VIEWER_CAN} } }`, {}, admin)).body.data;
    expect(me.viewerCan).toEqual({
      changeRole: {
        allowed: false,
        reason: 'You cannot change the role of your own account: ask another brand admin',
      },
      disable: { allowed: false },
      enable: { allowed: true },
    });
    // The mutation refuses what the answer says is refused.
    const own = await app.graphql(
      `mutation($input: DisableUserInput!) { disableUser(input: $input) { id } }`,
      { input: { userId: me.id } },
      admin,
    );
    expect(own.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    const invited = (await invite({ email: newEmail(), role: 'BRAND_EDITOR' })).body.data.inviteUser
      .user;
    const { users } = (await app.graphql(`{ users { id ${VIEWER_CAN} } }`, {}, admin)).body.data;
    expect(users.find((user: { id: string }) => user.id === invited.id).viewerCan).toEqual({
      changeRole: { allowed: true, reason: null },
      disable: { allowed: true },
      enable: { allowed: true },
    });

    const editor = await signInNewEditor(app, brand.brand, 'BRAND_EDITOR');
    const editorView = (await app.graphql(`{ me { ${VIEWER_CAN} } }`, {}, editor)).body.data.me;
    expect(editorView.viewerCan).toEqual({
      changeRole: { allowed: false, reason: 'Only brand admins may do this' },
      disable: { allowed: false },
      enable: { allowed: false },
    });
  });

  it('refuses a taken email, places that do not fit the role, and another brand’s clinic', async () => {
    const email = newEmail();
    expect((await invite({ email, role: 'BRAND_EDITOR' })).body.errors).toBeUndefined();
    const taken = await invite({ email: email.toUpperCase(), role: 'BRAND_EDITOR' });
    expect(taken.body.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT', argument: 'email' },
    });

    const noClinic = await invite({ email: newEmail(), role: 'CLINIC_EDITOR' });
    expect(noClinic.body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'clinicIds' },
    });

    const other = await newBrand(app.dataSource, { slug: uniqueSlug('invites-other') });
    const foreign = await invite({
      email: newEmail(),
      role: 'CLINIC_EDITOR',
      clinicIds: [other.clinic],
    });
    expect(foreign.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
