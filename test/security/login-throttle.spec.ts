import * as argon2 from 'argon2';
import { createHash } from 'node:crypto';
import { graphqlFrom, newLoopbackAddress } from '../helpers/from-address';
import { UsersService } from '../../src/auth/users.service';
import { SEEDED, uniqueSlug } from '../helpers/content-editing';
import { startTestApp, TestApp } from '../helpers/test-app';

/**
 * Issue 9.4: login throttling was check-then-act (30 parallel wrong passwords
 * were all verified), a guesser locked the owner out from everywhere, and
 * argon2 ran unbounded.
 */
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;
const PASSWORD = 'a-long-enough-password';

describe('security: login throttling', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  /** A new editor account of the demo brand. */
  const newAccount = async (): Promise<string> => {
    const email = `throttle-${uniqueSlug('user')}@example.com`;
    await app.app
      .get(UsersService)
      .createUserInBrand(
        SEEDED.brand,
        { email, password: PASSWORD, role: 'BRAND_EDITOR' },
        { kind: 'SYSTEM', id: null, label: 'test' },
      );
    return email;
  };
  const login = (address: string, email: string, password: string) =>
    graphqlFrom(app, address, LOGIN, { input: { email, password } });
  const checkedFailures = async (column: 'actor_label' | 'ip', value: string) =>
    Number(
      (
        await app.dataSource.query(
          `SELECT count(*) AS n FROM audit_log WHERE action = 'LOGIN_FAILED' AND ${column} = $1`,
          [value],
        )
      )[0].n,
    );

  it('checks at most 5 of 30 parallel wrong passwords for one account from one address', async () => {
    const email = await newAccount();
    const guesser = newLoopbackAddress();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(guesser, email, `wrong-guess-number-${i}`)),
    );
    expect(answers.every(({ body }) => body.errors?.length === 1)).toBe(true);
    expect(await checkedFailures('actor_label', email)).toBe(5);
    const refused = answers
      .map(({ body }) => body.errors![0])
      .filter((error) => error.extensions.code === 'RATE_LIMITED');
    expect(refused).toHaveLength(25);
    for (const error of refused) expect(error.extensions.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('lets the owner in from another address while the guesser waits', async () => {
    const email = await newAccount();
    const guesser = newLoopbackAddress();
    for (let i = 0; i < 5; i++) await login(guesser, email, `wrong-guess-number-${i}`);

    const fromGuesser = await login(guesser, email, PASSWORD);
    expect(fromGuesser.body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    const fromOwner = await login(newLoopbackAddress(), email, PASSWORD);
    expect(fromOwner.body.errors).toBeUndefined();
    expect(fromOwner.body.data.login.accessToken).toMatch(/^cca_at_/);
  });

  it('makes each lockout of an account from one address longer than the last', async () => {
    const email = await newAccount();
    const guesser = newLoopbackAddress();
    const lockOut = async () => {
      for (let i = 0; i < 5; i++) await login(guesser, email, `wrong-guess-number-${i}`);
      const { body } = await login(guesser, email, 'one-more-wrong-guess');
      expect(body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
      return body.errors![0].extensions.retryAfterSeconds as number;
    };
    const first = await lockOut();
    expect(first).toBeLessThanOrEqual(60);
    // The wait ends (its row expires) without waiting a minute in the test.
    const account = createHash('sha256').update(email).digest('hex');
    await app.dataSource.query(`UPDATE login_throttle SET expire = 0 WHERE key = $1`, [
      `login_guess:${account}:${guesser}`,
    ]);
    const second = await lockOut();
    expect(second).toBeGreaterThan(60);
    expect(second).toBeLessThanOrEqual(120);
  });

  it('stops one address spraying wrong passwords over many accounts after 20 failures, even in parallel', async () => {
    const sprayer = newLoopbackAddress();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        login(sprayer, `spray-${uniqueSlug('x')}-${i}@example.com`, 'Winter2026-password!'),
      ),
    );
    expect(answers.every(({ body }) => body.errors?.length === 1)).toBe(true);
    expect(await checkedFailures('ip', sprayer)).toBeLessThanOrEqual(20);
    const codes = answers.map(({ body }) => body.errors![0].extensions.code);
    expect(codes.filter((code) => code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(10);
  });
});

describe('security: password checks in flight are bounded', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      loginMaxConcurrentVerifications: 1,
      loginMaxQueuedVerifications: 1,
    });
  });
  afterAll(() => app?.close());

  it('queues a few checks and refuses the rest with a retry time, instead of running them all', async () => {
    const email = `busy-${uniqueSlug('user')}@example.com`;
    const [{ id }] = await app.dataSource.query(
      `INSERT INTO users (brand_id, email, password_hash, role) VALUES ($1, $2, $3, 'BRAND_EDITOR') RETURNING id`,
      // Production cost, so that the checks overlap however fast the machine.
      [SEEDED.brand, email, await argon2.hash(PASSWORD, { type: argon2.argon2id })],
    );
    expect(id).toBeDefined();

    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        graphqlFrom(app, newLoopbackAddress(), LOGIN, { input: { email, password: PASSWORD } }),
      ),
    );
    const errors = answers.flatMap(({ body }) => body.errors ?? []);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions.code).toBe('RATE_LIMITED');
      expect(error.message).toMatch(/busy/);
      expect(error.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    expect(answers.filter(({ body }) => body.data?.login).length).toBeGreaterThanOrEqual(2);
  });
});
