import { stableId } from '../seeds/stable-id';
import { EditingFixture, SEEDED, startEditingFixture } from './helpers/content-editing';

/**
 * The claims linter through GraphQL on PostgreSQL: the brand's rules (the
 * seeded default set) warn on save and keep BLOCK hits off the site.
 */
describe('claims linter', () => {
  let f: EditingFixture;
  beforeAll(async () => {
    f = await startEditingFixture();
  });
  afterAll(() => f?.close());

  const AUSTIN_DISCLAIMER = stableId('override:austin-disclaimer');
  const WARNINGS = 'claimWarnings { field phrase ruleId severity reason }';
  const version = async (table: string, id: string): Promise<number> =>
    (await f.app.dataSource.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version;
  const setDisclaimer = async (value: string) => {
    const { body } = await f.app.graphql(
      `mutation($input: SetOverrideInput!) {
         setOverride(input: $input) { outcome item { type id version ${WARNINGS} } }
       }`,
      {
        input: {
          scope: 'CLINIC',
          clinicId: SEEDED.austin,
          entityType: 'TREATMENT',
          entityId: SEEDED.microNeedling,
          field: 'disclaimer',
          value,
          version: await version('overrides', AUSTIN_DISCLAIMER),
        },
      },
      f.as.austin,
    );
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.setOverride.item;
  };
  const publish = (items: { type: string; id: string; version: number }[], headers = f.as.austin) =>
    f.app.graphql(
      `mutation($input: PublishInput!) { publish(input: $input) { id version } }`,
      { input: { items: items.map(({ type, id, version }) => ({ type, id, version })) } },
      headers,
    );
  const painlessRule = async () =>
    (
      await f.app.dataSource.query(
        `SELECT id FROM claim_rules WHERE brand_id = $1 AND phrase = 'painless'`,
        [SEEDED.brand],
      )
    )[0].id as string;
  const deliveredDisclaimer = async () =>
    (
      await f.app.graphql(
        `{ treatment(brand: "lumen-aesthetics", slug: "micro-needling", clinic: "austin-downtown") { disclaimer } }`,
      )
    ).body.data.treatment.disclaimer as string;

  it('warns a clinic editor on save of the disclaimer override, and refuses to publish it while the rule blocks', async () => {
    const before = await deliveredDisclaimer();
    const saved = await setDisclaimer('Our micro-needling is painless. Book at {{clinic.phone}}.');
    expect(saved.claimWarnings).toEqual([
      {
        field: 'disclaimer',
        phrase: 'painless',
        ruleId: await painlessRule(),
        severity: 'BLOCK',
        reason: expect.stringContaining('FTC'),
      },
    ]);

    const refused = await publish([saved]);
    const error = refused.body.errors![0];
    expect(error.extensions.code).toBe('COMPLIANCE_BLOCKED');
    expect(error.extensions.problems).toEqual([
      expect.objectContaining({
        type: 'OVERRIDE',
        id: AUSTIN_DISCLAIMER,
        field: 'disclaimer',
        kind: 'CLAIM_BLOCKED',
        phrase: 'painless',
      }),
    ]);
    expect(error.message).toContain(`OVERRIDE ${AUSTIN_DISCLAIMER} disclaimer`);
    expect(await deliveredDisclaimer()).toBe(before);
  });

  it('lets the same words through once the brand makes the rule a warning', async () => {
    const id = await painlessRule();
    const { body } = await f.app.graphql(
      `mutation($input: UpdateClaimRuleInput!) { updateClaimRule(input: $input) { id severity } }`,
      {
        input: {
          id,
          phrase: 'painless',
          severity: 'WARN',
          reason: 'Say what patients usually feel.',
        },
      },
      f.as.editor,
    );
    expect(body.data.updateClaimRule).toEqual({ id, severity: 'WARN' });
    const saved = await setDisclaimer('Micro-needling here is painless, says our team.');
    expect(saved.claimWarnings.map((w: { severity: string }) => w.severity)).toEqual(['WARN']);
    const published = await publish([saved]);
    expect(published.body.errors).toBeUndefined();
    expect(await deliveredDisclaimer()).toContain('painless');
  });

  it('applies a state rule only to content shown in that state', async () => {
    const { body } = await f.app.graphql(
      `mutation($input: ClaimRuleInput!) { createClaimRule(input: $input) { id state } }`,
      {
        input: {
          phrase: 'glass skin',
          severity: 'BLOCK',
          reason: 'Texas board wording.',
          state: 'TX',
        },
      },
      f.as.editor,
    );
    expect(body.data.createClaimRule.state).toBe('TX');
    const warningsAt = async (clinicId: string) => {
      const result = await f.app.graphql(
        `mutation($input: SetOverrideInput!) { setOverride(input: $input) { item { ${WARNINGS} } } }`,
        {
          input: {
            scope: 'CLINIC',
            clinicId,
            entityType: 'TREATMENT',
            entityId: SEEDED.microNeedling,
            field: 'summary',
            value: 'Get glass skin.',
          },
        },
        f.as.admin,
      );
      return result.body.data.setOverride.item.claimWarnings.map(
        (w: { phrase: string }) => w.phrase,
      );
    };
    expect(await warningsAt(SEEDED.dallas)).toEqual(['glass skin']);
    expect(await warningsAt(SEEDED.denver)).toEqual([]);
  });

  it('refuses a pattern RE2 cannot run, and rule changes by anyone but brand-wide editors', async () => {
    const create = (input: Record<string, unknown>, headers: Record<string, string>) =>
      f.app.graphql(
        `mutation($input: ClaimRuleInput!) { createClaimRule(input: $input) { id } }`,
        { input },
        headers,
      );
    const bad = await create(
      { pattern: '(a)\\1', severity: 'WARN', reason: 'Backreference.' },
      f.as.editor,
    );
    expect(bad.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'pattern',
    });
    const both = await create(
      { phrase: 'x', pattern: 'x', severity: 'WARN', reason: 'Both.' },
      f.as.editor,
    );
    expect(both.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const local = await create(
      { phrase: 'miracle', severity: 'WARN', reason: 'Local.' },
      f.as.austin,
    );
    expect(local.body.errors![0].extensions.code).toBe('FORBIDDEN');
    const [{ count }] = await f.app.dataSource.query(
      `SELECT count(*)::int AS count FROM claim_rules WHERE phrase = 'miracle'`,
    );
    expect(count).toBe(0);
  });

  it('records rule changes in the audit log', async () => {
    const rows = await f.app.dataSource.query(
      `SELECT action FROM audit_log WHERE target_type = 'CLAIM_RULE' ORDER BY id`,
    );
    expect(rows.map((row: { action: string }) => row.action)).toEqual([
      'UPDATE_CLAIM_RULE',
      'CREATE_CLAIM_RULE',
    ]);
  });
});
