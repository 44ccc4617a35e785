import { CONTENT_TYPE_DEFS } from '../src/content-types/registry';
import { runCli } from '../src/cli/run-cli';
import { createScratchDatabase, ScratchDatabase } from './helpers/scratch-database';
import { linesOf, runNpmScript, ScriptResult } from './helpers/run-npm-script';
import { startTestApp, TestApp } from './helpers/test-app';

const BRAND = 'lumen-aesthetics';
const ADMIN = { email: 'first.admin@lumen.example', password: 'a long admin passphrase' };

const NO_DATABASE = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };

/**
 * The operator's path on a production database, through the real npm
 * scripts in child processes. Each costs ~2 s of CPU (ts-node), so there
 * are few, they run up front (side by side where independent) and each test
 * checks one outcome; every other case runs in-process below.
 */
describe('CLI and npm run seed on a production database', () => {
  let scratch: ScratchDatabase;
  let app: TestApp;
  const results: Record<string, ScriptResult> = {};
  let revisionsAfterFirstSeed: number;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const env = { DATABASE_URL: scratch.url, NODE_ENV: 'production' };
    [results.seed, results.badArgument] = await Promise.all([
      runNpmScript('seed', [], { env }),
      runNpmScript(
        'cli',
        ['create-user', '--brand', BRAND, '--email', 'not-an-email', '--role', 'BRAND_EDITOR'],
        { env },
      ),
    ]);
    revisionsAfterFirstSeed = await count(`SELECT count(*) FROM revisions`);
    [results.seedAgain, results.createAdmin, results.createKey] = await Promise.all([
      runNpmScript('seed', [], { env }),
      runNpmScript(
        'cli',
        ['create-admin', '--brand', BRAND, '--email', ADMIN.email, '--name', 'First Admin'],
        // A password piped in: only its first line counts.
        { env, input: `${ADMIN.password}\nignored second line\n` },
      ),
      runNpmScript(
        'cli',
        ['create-key', `--brand=${BRAND}`, '--name=Ops', '--scopes=admin', '--expires=2099-01-01'],
        { env },
      ),
    ]);
    app = await startTestApp({ databaseUrl: scratch.url });
  });
  afterAll(async () => {
    await app?.close();
    await scratch?.drop();
  });

  const count = async (sql: string): Promise<number> =>
    Number((await scratch.dataSource.query(sql))[0].count);
  const login = async ({ email, password }: { email: string; password: string }) => {
    const { body } = await app.graphql(
      `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { email, password } },
    );
    expect(body.errors).toBeUndefined();
    return { authorization: `Bearer ${body.data.login.accessToken}` };
  };

  it('seeds the demo franchise without accounts, with a SEED revision per editable item', async () => {
    expect(results.seed).toMatchObject({ code: 0 });
    const added = Object.fromEntries(
      linesOf(results.seed.stdout)
        .map((line) => /^\s+(\w+)\s+(\d+)$/.exec(line))
        .filter((match) => match !== null)
        .map(([, table, rows]) => [table, Number(rows)]),
    );
    expect(added).toMatchObject({ brands: 1, treatments: 1, clinics: 5 });
    expect(added.users).toBeUndefined();
    expect(results.seed.stdout).toContain('NODE_ENV=production: no demo editor accounts');

    let editableRows = 0;
    for (const def of Object.values(CONTENT_TYPE_DEFS)) {
      const rows = await count(`SELECT count(*) FROM ${def.table}`);
      const revisions = await count(
        `SELECT count(*) FROM revisions WHERE entity_type = '${def.type}' AND action = 'CREATE'
            AND source = 'SEED' AND actor_kind = 'SYSTEM' AND actor_label = 'seed'`,
      );
      expect({ type: def.type, revisions }).toEqual({ type: def.type, revisions: rows });
      editableRows += rows;
    }
    expect(added.revisions).toBe(editableRows);
    expect(await count(`SELECT count(*) FROM audit_log WHERE action = 'CONTENT_CREATE'`)).toBe(
      editableRows,
    );
  });

  it('adds nothing on a second run', async () => {
    expect(results.seedAgain).toMatchObject({ code: 0 });
    expect(results.seedAgain.stdout).toMatch(/^Nothing to add/);
    expect(await count(`SELECT count(*) FROM revisions`)).toBe(revisionsAfterFirstSeed);
  });

  it('creates the first brand admin (password piped in), who signs in over GraphQL', async () => {
    expect(results.createAdmin).toMatchObject({ code: 0 });
    expect(results.createAdmin.stdout).toContain(
      `Created BRAND_ADMIN ${ADMIN.email} in brand ${BRAND}`,
    );
    const me = await app.graphql(`{ me { email role displayName } }`, {}, await login(ADMIN));
    expect(me.body.data.me).toEqual({
      email: ADMIN.email,
      role: 'BRAND_ADMIN',
      displayName: 'First Admin',
    });
    const entries = await scratch.dataSource.query(
      `SELECT actor_kind, actor_id, actor_label FROM audit_log WHERE action = 'CREATE_USER'`,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_kind: 'CLI', actor_id: null });
    expect(entries[0].actor_label).toMatch(/^cli \(.+\)$/);
  });

  it('creates an API key, printed once on the last line, that authenticates', async () => {
    expect(results.createKey).toMatchObject({ code: 0 });
    const key = linesOf(results.createKey.stdout).at(-1)!;
    expect(key).toMatch(/^cca_live_[a-z0-9]{8}_[\w-]{43}$/);
    const [stored] = await scratch.dataSource.query(`SELECT key_hash FROM api_keys`);
    expect(stored.key_hash).not.toContain(key);

    const keys = await app.graphql(
      `{ apiKeys { name scopes expiresAt } }`,
      {},
      { authorization: `Bearer ${key}` },
    );
    expect(keys.body.data.apiKeys).toEqual([
      { name: 'Ops', scopes: ['ADMIN'], expiresAt: '2099-01-01T00:00:00.000Z' },
    ]);
    const anonymous = await app.graphql(`{ apiKeys { name } }`);
    expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('lists a seeded item’s SEED revision with the content editors see', async () => {
    const headers = await login(ADMIN);
    const items: { entity_type: string; entity_id: string }[] = await scratch.dataSource.query(
      `SELECT DISTINCT ON (entity_type) entity_type, entity_id FROM revisions ORDER BY entity_type, id`,
    );
    expect(items).toHaveLength(Object.keys(CONTENT_TYPE_DEFS).length);
    for (const { entity_type: type, entity_id: id } of items) {
      const { body } = await app.graphql(
        `query($type: ContentType!, $id: ID!) {
           item(type: $type, id: $id) { version publishedValues }
           revisions(type: $type, id: $id) {
             totalCount edges { node { action source actorKind actorLabel version after } }
           }
         }`,
        { type, id },
        headers,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.revisions.totalCount).toBe(1);
      expect(body.data.revisions.edges[0].node).toEqual({
        action: 'CREATE',
        source: 'SEED',
        actorKind: 'SYSTEM',
        actorLabel: 'seed',
        version: body.data.item.version,
        after: body.data.item.publishedValues,
      });
    }
  });

  it('refuses a bad argument with exit code 2 and one line naming it', () => {
    expect(results.badArgument).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Error: --email: must be an email\n',
    });
  });
});

/** The same entry point in-process: the other cases, without a process each. */
describe('CLI in-process', () => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
  });
  afterAll(() => scratch.drop());

  const run = async (argv: string[], env: Record<string, string> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      env: { DATABASE_URL: scratch.url, NODE_ENV: 'test', ...env },
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints the usage for help, and for no or an unknown command with exit code 2', async () => {
    const help = await run(['help']);
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toMatch(/^Usage: npm run cli -- <command>/);
    expect(await run(['create-key', '--help'])).toMatchObject({ code: 0, out: help.out });
    expect(await run([])).toMatchObject({ code: 2, out: '', err: help.out });
    const unknown = await run(['drop-everything']);
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err).toMatch(/^Error: unknown command "drop-everything"\n\nUsage:/);
  });

  it.each([
    ['create-admin --brand lumen-aesthetics', '--email: is required'],
    ['create-admin --brand lumen-aesthetics --email', '--email: needs a value'],
    [
      'create-admin --brand lumen-aesthetics --email a@b.example --role X',
      '--role: is not an option of create-admin',
    ],
    [
      'create-admin --brand lumen-aesthetics --email a@b.example extra',
      'unexpected argument "extra"',
    ],
    [
      'create-user --brand lumen-aesthetics --email a@b.example --role OWNER',
      '--role: must be one of the following values',
    ],
    [
      'create-user --brand lumen-aesthetics --email a@b.example --password hunter2hunter2',
      '--password: a password is never an argument',
    ],
    [
      'create-key --brand lumen-aesthetics --name x --scopes delivery --expires soon',
      '--expires: "soon" is not a date',
    ],
    [
      'create-key --brand lumen-aesthetics --name x --scopes delivery --expires 2020-01-01',
      '--expires: must be in the future',
    ],
    [
      'create-key --brand lumen-aesthetics --name x --scopes everything',
      '--scopes: each value in scopes must be one of',
    ],
    [
      'create-key --brand lumen-aesthetics --name= --scopes delivery',
      '--name: must be longer than or equal to 1 characters',
    ],
    ['seed --force', '--force: is not an option of seed'],
  ])('refuses `%s` before connecting: %s', async (line, message) => {
    const result = await run(line.split(' '), NO_DATABASE);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toContain(`Error: ${message}`);
  });

  describe('on a seeded database', () => {
    beforeAll(() => run(['seed']));
    const accountsAndKeys = () =>
      scratch.dataSource.query(
        `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM api_keys) AS keys`,
      );

    it.each([
      [
        'create-admin --brand nope --email a@b.example',
        '--brand: there is no brand "nope" (the brands are lumen-aesthetics)',
      ],
      [
        'create-user --brand lumen-aesthetics --email a@b.example --role CLINIC_EDITOR --clinics austin-downtown,atlantis',
        '--clinics: brand lumen-aesthetics has no clinic "atlantis"',
      ],
      [
        'create-user --brand lumen-aesthetics --email a@b.example --role CLINIC_EDITOR',
        '--clinics: a CLINIC_EDITOR needs at least one clinic',
      ],
      [
        'create-user --brand lumen-aesthetics --email a@b.example --role REGION_EDITOR',
        '--regions: a REGION_EDITOR needs at least one region',
      ],
      [
        'create-user --brand lumen-aesthetics --email a@b.example --role BRAND_EDITOR --regions texas',
        '--regions: only a REGION_EDITOR or a MEDICAL_REVIEWER is assigned regions, not a BRAND_EDITOR',
      ],
      [
        'create-admin --brand lumen-aesthetics --email admin@lumen-aesthetics.example',
        '--email: your brand already has a user with this email',
      ],
      [
        'create-key --brand lumen-aesthetics --name x --scopes admin --clinics austin-downtown',
        '--clinics: a key with the admin scope covers the whole brand',
      ],
    ])('refuses `%s`, writing nothing: %s', async (line, message) => {
      const before = await accountsAndKeys();
      const result = await run(line.split(' '), { CLI_PASSWORD: 'a long enough password' });
      expect(result).toMatchObject({ code: 2, out: '' });
      expect(result.err.split('\n').at(-1)).toBe(`Error: ${message}`);
      expect(await accountsAndKeys()).toEqual(before);
    });

    it('creates a clinic editor from CLI_PASSWORD, with clinics given by slug', async () => {
      const created = await run(
        [
          'create-user',
          '--brand',
          BRAND,
          '--email',
          'austin@b.example',
          '--role',
          'clinic_editor',
          '--clinics',
          ' austin-downtown, dallas-uptown ',
          '--name',
          'Austin Editor',
        ],
        { CLI_PASSWORD: 'a long enough password' },
      );
      expect(created).toMatchObject({ code: 0 });
      expect(created.out).toMatch(
        /^Created CLINIC_EDITOR austin@b\.example in brand lumen-aesthetics/,
      );
      const [user] = await scratch.dataSource.query(
        `SELECT u.role, u.display_name, array_agg(c.slug ORDER BY c.slug) AS clinics
           FROM users u JOIN user_clinics uc ON uc.user_id = u.id JOIN clinics c ON c.id = uc.clinic_id
          WHERE u.email = 'austin@b.example' GROUP BY u.id`,
      );
      expect(user).toEqual({
        role: 'CLINIC_EDITOR',
        display_name: 'Austin Editor',
        clinics: ['austin-downtown', 'dallas-uptown'],
      });
    });

    it('disables, enables, re-roles an account, ends its sessions and issues a one-time reset token', async () => {
      const account = ['--brand', BRAND, '--email', 'Offboard@b.example'];
      const created = await run(
        [
          'create-user',
          '--brand',
          BRAND,
          '--email',
          'offboard@b.example',
          '--role',
          'BRAND_EDITOR',
        ],
        { CLI_PASSWORD: 'a long enough password' },
      );
      expect(created.code).toBe(0);
      const state = async () =>
        (
          await scratch.dataSource.query(
            `SELECT u.role, u.disabled_at IS NOT NULL AS disabled,
                    ARRAY(SELECT r.slug FROM user_regions ur JOIN regions r ON r.id = ur.region_id
                           WHERE ur.user_id = u.id) AS regions,
                    (SELECT count(*)::int FROM password_resets p WHERE p.user_id = u.id) AS resets
               FROM users u WHERE u.email = 'offboard@b.example'`,
          )
        )[0];

      const setRole = await run([
        'set-role',
        ...account,
        '--role',
        'region_editor',
        '--regions',
        'texas',
      ]);
      expect(setRole).toMatchObject({
        code: 0,
        out: 'offboard@b.example is now REGION_EDITOR in brand lumen-aesthetics.',
      });
      const reset = await run(['reset-password', ...account]);
      expect(reset.code).toBe(0);
      expect(reset.out.split('\n').at(-1)).toMatch(/^cca_pr_[A-Za-z0-9_-]{43}$/);
      expect(await run(['revoke-sessions', ...account])).toMatchObject({
        code: 0,
        out: 'Ended 0 sessions of offboard@b.example.',
      });
      expect((await run(['disable-user', ...account])).code).toBe(0);
      expect(await state()).toEqual({
        role: 'REGION_EDITOR',
        disabled: true,
        regions: ['texas'],
        resets: 1,
      });
      expect((await run(['enable-user', ...account])).code).toBe(0);
      expect((await state()).disabled).toBe(false);

      const audited = await scratch.dataSource.query(
        `SELECT action FROM audit_log WHERE actor_kind = 'CLI' AND target_type = 'USER'
            AND action <> 'CREATE_USER' ORDER BY id`,
      );
      expect(audited.map((row: { action: string }) => row.action).slice(-5)).toEqual([
        'UPDATE_USER_ROLE',
        'CREATE_PASSWORD_RESET',
        'REVOKE_SESSIONS',
        'DISABLE_USER',
        'ENABLE_USER',
      ]);
      const unknown = await run(['disable-user', '--brand', BRAND, '--email', 'nobody@b.example']);
      expect(unknown).toMatchObject({ code: 2 });
      expect(unknown.err.split('\n').at(-1)).toBe(
        'Error: --email: brand lumen-aesthetics has no user "nobody@b.example"',
      );
    });

    it('refuses a password shorter than the rules allow', async () => {
      const result = await run(
        ['create-user', '--brand', BRAND, '--email', 'short@b.example', '--role', 'BRAND_EDITOR'],
        { CLI_PASSWORD: 'short' },
      );
      expect(result.code).toBe(2);
      expect(result.err.split('\n').at(-1)).toBe(
        'Error: password: must be longer than or equal to 12 characters',
      );
    });
  });

  it('says in one line when the database cannot be reached, with exit code 1', async () => {
    const result = await run(['seed'], NO_DATABASE);
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/^Error: .*127\.0\.0\.1:1/);
  });
});
