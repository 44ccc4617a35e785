import { uniqueSlug } from '../helpers/content-editing';
import { loginAs } from '../helpers/login';
import { startTestApp, TestApp } from '../helpers/test-app';

/**
 * Issue 9.8: only a password's length was checked, so twelve spaces, the
 * account's own email or "Password1234" were accepted.
 */
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email } }`;

describe('security: password policy', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
  });
  afterAll(() => app?.close());

  const create = (email: string, password: string) =>
    app.graphql(CREATE_USER, { input: { email, password, role: 'BRAND_EDITOR' } }, admin);

  it.each([
    ['only spaces', () => ' '.repeat(16), /password: must not be only spaces/],
    [
      'the email itself',
      (email: string) => email.toUpperCase(),
      /password: must not be the account’s email address/,
    ],
    [
      'the name in the email',
      (email: string) => `${email.split('@')[0]}-2026!`,
      /password: must not contain the name in the account’s email address/,
    ],
    ['a common password', () => 'Password1234', /password: is too easy to guess\. .*common/],
    ['a keyboard walk', () => 'qwertyuiop123', /password: is too easy to guess/],
    [
      'a repeated character',
      () => 'aaaaaaaaaaaaaaaa',
      /password: is too easy to guess\. .*[Rr]epeat/,
    ],
  ])(
    'refuses %s with BAD_USER_INPUT and advice, creating nothing',
    async (_case, passwordFor, message) => {
      const email = `policy.${uniqueSlug('person')}@example.com`;
      const { body } = await create(email, passwordFor(email));
      expect(body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(message),
        extensions: { code: 'BAD_USER_INPUT', argument: 'password' },
      });
      const rows = await app.dataSource.query(
        `SELECT 1 FROM users WHERE lower(email) = lower($1)`,
        [email],
      );
      expect(rows).toEqual([]);
    },
  );

  it('accepts a long passphrase of unrelated words', async () => {
    const email = `policy.${uniqueSlug('person')}@example.com`;
    const { body } = await create(email, 'velvet orbit canyon marmalade');
    expect(body.errors).toBeUndefined();
    expect(body.data.createUser.email).toBe(email);
  });

  it('stores the seeded demo editors’ and test accounts’ hashes with the cheap test parameters only', async () => {
    const rows: { password_hash: string }[] = await app.dataSource.query(
      `SELECT password_hash FROM users WHERE email LIKE '%@lumen-aesthetics.example'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
  });
});
