import { TypeOrmLogger } from '../src/database/typeorm-logger';
import { EditingFixture, SEEDED, startEditingFixture, uniqueSlug } from './helpers/content-editing';

const IMPACT = `query($entityType: OverridableType!, $field: String!, $policy: FieldPolicy!) {
  fieldPolicyImpact(entityType: $entityType, field: $field, policy: $policy) {
    currentPolicy proposedPolicy clinicOverrides regionOverrides
    hiddenClinicOverrides hiddenRegionOverrides revealedClinicOverrides revealedRegionOverrides
    clinicsMissingValue pagesMissingValue clinicsNoLongerMissing
  }
}`;

/**
 * fieldPolicyImpact on the demo network: micro-needling is offered at five
 * clinics; the disclaimer is CLINIC_REQUIRED, set by the Texas region and by
 * Austin and Denver, so Boulder (Colorado) misses it.
 */
describe('fieldPolicyImpact: what a policy change does, before it is saved', () => {
  let f: EditingFixture;
  beforeAll(async () => {
    f = await startEditingFixture();
  });
  afterAll(() => f?.close());

  const impact = async (field: string, policy: string, entityType = 'TREATMENT') => {
    const { body } = await f.app.graphql(IMPACT, { entityType, field, policy }, f.as.editor);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.fieldPolicyImpact;
  };
  const setSummary = (scope: 'CLINIC' | 'REGION', placeId: string, value: string) =>
    f.app.graphql(
      `mutation($input: SetOverrideInput!) { setOverride(input: $input) { outcome } }`,
      {
        input: {
          scope,
          ...(scope === 'CLINIC' ? { clinicId: placeId } : { regionId: placeId }),
          entityType: 'TREATMENT',
          entityId: SEEDED.microNeedling,
          field: 'summary',
          value,
        },
      },
      f.as.editor,
    );

  it('locking disclaimer hides 2 clinic overrides and 1 region override, and Boulder is no longer missing it', async () => {
    expect(await impact('disclaimer', 'LOCKED')).toEqual({
      currentPolicy: 'CLINIC_REQUIRED',
      proposedPolicy: 'LOCKED',
      clinicOverrides: 2,
      regionOverrides: 1,
      hiddenClinicOverrides: 2,
      hiddenRegionOverrides: 1,
      revealedClinicOverrides: 0,
      revealedRegionOverrides: 0,
      clinicsMissingValue: 0,
      pagesMissingValue: 0,
      clinicsNoLongerMissing: 1,
    });
    // Making it merely inheritable hides nothing.
    expect(await impact('disclaimer', 'INHERITABLE')).toMatchObject({
      hiddenClinicOverrides: 0,
      hiddenRegionOverrides: 0,
      clinicsNoLongerMissing: 1,
    });
  });

  it('making summary clinic-required counts the clinics left without a non-blank local value (drafts included)', async () => {
    expect(await impact('summary', 'CLINIC_REQUIRED')).toMatchObject({
      currentPolicy: 'INHERITABLE',
      clinicOverrides: 0,
      clinicsMissingValue: 5,
      pagesMissingValue: 5,
    });
    // Drafts count: the working copy is what would be published with the policy.
    expect(
      (await setSummary('CLINIC', SEEDED.austin, 'Austin’s summary.')).body.errors,
    ).toBeUndefined();
    // A blank local value does not satisfy the requirement (as delivery judges it).
    expect((await setSummary('CLINIC', SEEDED.dallas, '  ')).body.errors).toBeUndefined();
    expect(await impact('summary', 'CLINIC_REQUIRED')).toMatchObject({
      clinicOverrides: 2,
      clinicsMissingValue: 4,
    });
    // The Texas region's value covers Austin, Dallas and Houston.
    expect(
      (await setSummary('REGION', SEEDED.texas, 'Texas summary.')).body.errors,
    ).toBeUndefined();
    expect(await impact('summary', 'CLINIC_REQUIRED')).toMatchObject({
      regionOverrides: 1,
      clinicsMissingValue: 2,
      pagesMissingValue: 2,
    });
    // Locking it would hide all three.
    expect(await impact('summary', 'LOCKED')).toMatchObject({
      hiddenClinicOverrides: 2,
      hiddenRegionOverrides: 1,
      clinicsMissingValue: 0,
    });
  });

  it('unlocking a locked field reveals the overrides it hides today', async () => {
    // setOverride refuses LOCKED fields: an override written before the lock.
    await f.app.dataSource.query(
      `INSERT INTO overrides (brand_id, scope, clinic_id, entity_type, entity_id, field, value, publication_status)
       VALUES ($1, 'CLINIC', $2, 'TREATMENT', $3, 'aftercare', '["Local aftercare."]', 'PUBLISHED')`,
      [SEEDED.brand, SEEDED.denver, SEEDED.microNeedling],
    );
    expect(await impact('aftercare', 'INHERITABLE')).toMatchObject({
      currentPolicy: 'LOCKED',
      revealedClinicOverrides: 1,
      revealedRegionOverrides: 0,
      hiddenClinicOverrides: 0,
    });
  });

  it('FAQ fields: overrides are counted, missing values are not reported (null)', async () => {
    expect(await impact('answer', 'CLINIC_REQUIRED', 'FAQ')).toMatchObject({
      currentPolicy: 'INHERITABLE',
      clinicsMissingValue: null,
      pagesMissingValue: null,
    });
    expect(await impact('hidden', 'LOCKED', 'FAQ')).toMatchObject({ hiddenClinicOverrides: 1 });
  });

  it('is one statement, whatever the number of clinics', async () => {
    const logger = f.app.dataSource.logger as TypeOrmLogger;
    const statements = async () => {
      const before = logger.statementCount;
      const answer = await impact('summary', 'CLINIC_REQUIRED');
      return { count: logger.statementCount - before, answer };
    };
    const small = await statements();
    await f.app.dataSource.query(
      `WITH c AS (
         INSERT INTO clinics (brand_id, region_id, slug, name, address_line1, city, country, latitude, longitude,
                              timezone, publication_status)
         SELECT $1, $2, $3 || '-' || i, 'Extra ' || i, '1 Main St', 'Pueblo', 'US', 38.2, -104.6,
                'America/Denver', 'PUBLISHED'
           FROM generate_series(1, 20) AS i
         RETURNING id)
       INSERT INTO clinic_treatments (clinic_id, treatment_id, publication_status)
       SELECT c.id, $4, 'PUBLISHED' FROM c`,
      [SEEDED.brand, SEEDED.colorado, uniqueSlug('extra'), SEEDED.microNeedling],
    );
    const large = await statements();
    expect(large.answer.clinicsMissingValue).toBe(small.answer.clinicsMissingValue + 20);
    expect(large.count).toBe(small.count);
    // The caller's session check, then the impact's one statement.
    expect(large.count).toBeLessThanOrEqual(2);
  });

  it('refuses unknown fields, and every caller but brand-wide editors', async () => {
    const ask = (headers: Record<string, string>, field = 'summary') =>
      f.app.graphql(IMPACT, { entityType: 'TREATMENT', field, policy: 'LOCKED' }, headers);
    expect((await ask(f.as.editor, 'nope')).body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await ask(f.as.anonymous)).body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    for (const who of ['texas', 'austin'] as const) {
      const { body } = await ask(f.as[who]);
      expect(body.errors![0].extensions.code).toBe('FORBIDDEN');
      expect(body.errors![0].message).toMatch(/Only brand editors/);
    }
    expect((await ask(f.as.admin)).body.errors).toBeUndefined();
  });
});
