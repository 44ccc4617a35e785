import {
  EditingFixture,
  Headers,
  Item,
  ITEM,
  SEEDED,
  startEditingFixture,
} from './helpers/content-editing';

const ROW = `id kind scope field brandValue value
  clinic { itemId slug name } region { itemId slug name } treatment { itemId slug name }
  override { id version values hasDraft pendingDelete }`;
const REPORT = `query($regionId: ID, $treatmentId: ID, $field: String, $kind: DriftKind, $first: Int, $after: String) {
  driftReport(regionId: $regionId, treatmentId: $treatmentId, field: $field, kind: $kind, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { ${ROW} } }
  }
}`;

interface Row {
  id: string;
  kind: string;
  scope: string;
  field: string;
  brandValue: unknown;
  value: unknown;
  clinic: { slug: string } | null;
  region: { slug: string } | null;
  treatment: { slug: string; itemId: string };
  override: { id: string; version: number; values: Record<string, unknown> } | null;
}

/** Where and what, in a short form: "austin-downtown micro-needling summary STALE". */
const short = (row: Row) =>
  `${row.clinic?.slug ?? `region ${row.region?.slug}`} ${row.treatment.slug} ${row.field} ${row.kind}`;

/**
 * The drift report on the demo network. At the start it has one row: the
 * micro-needling disclaimer is CLINIC_REQUIRED and Boulder (Colorado, no
 * region value) has none.
 */
describe('driftReport, resetOverrides and markOverridesReviewed', () => {
  let f: EditingFixture;
  beforeAll(async () => {
    f = await startEditingFixture();
  });
  afterAll(() => f?.close());

  const report = async (variables: Record<string, unknown> = {}, headers = f.as.editor) => {
    const { body } = await f.app.graphql(REPORT, variables, headers);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const page = body.data.driftReport;
    return { ...page, rows: page.edges.map((edge: { node: Row }) => edge.node) as Row[] };
  };
  const override = async (
    scope: 'CLINIC' | 'REGION',
    placeId: string,
    field: string,
    value: unknown,
    headers: Headers = f.as.editor,
  ): Promise<Item> => {
    const { body } = await f.app.graphql(
      `mutation($input: SetOverrideInput!) { setOverride(input: $input) { item { ${ITEM} } } }`,
      {
        input: {
          scope,
          ...(scope === 'CLINIC' ? { clinicId: placeId } : { regionId: placeId }),
          entityType: 'TREATMENT',
          entityId: SEEDED.microNeedling,
          field,
          value,
        },
      },
      headers,
    );
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.setOverride.item;
  };
  /** The brand rewrites a micro-needling field (a draft: the report reads the working copy). */
  const brandChanges = async (changes: Record<string, unknown>) => {
    const treatment = await f.item('TREATMENT', SEEDED.microNeedling);
    return f.ok(
      'updateTreatment',
      { id: treatment.id, version: treatment.version, ...changes },
      f.as.editor,
    );
  };
  const bulk = (
    name: 'resetOverrides' | 'markOverridesReviewed',
    items: Item[],
    headers = f.as.editor,
  ) =>
    f.app.graphql(
      `mutation($input: DriftOverridesInput!) { ${name}(input: $input) { ${ITEM} } }`,
      { input: { overrides: items.map(({ id, version }) => ({ id, version })) } },
      headers,
    );

  it('lists a missing required value: Boulder has no disclaimer', async () => {
    const page = await report();
    expect(page.rows.map(short)).toEqual([
      'boulder-pearl-street micro-needling disclaimer MISSING',
    ]);
    expect(page.totalCount).toBe(1);
    expect(page.rows[0]).toMatchObject({
      scope: 'CLINIC',
      region: { slug: 'colorado' },
      value: null,
      override: null,
    });
    expect((await report({ kind: 'STALE' })).totalCount).toBe(0);
  });

  it('offers the brand’s regions, treatments and overridable fields as filters', async () => {
    const { body } = await f.app.graphql(
      `{ driftFilters { regions { slug name } treatments { slug } fields } }`,
      {},
      f.as.editor,
    );
    expect(body.data.driftFilters.regions).toEqual([
      expect.objectContaining({ slug: 'colorado', name: 'Colorado' }),
      expect.objectContaining({ slug: 'texas', name: 'Texas' }),
    ]);
    expect(body.data.driftFilters.treatments).toEqual([{ slug: 'micro-needling' }]);
    expect(body.data.driftFilters.fields).toEqual(
      expect.arrayContaining(['summary', 'disclaimer']),
    );
  });

  let austinSummary: Item;
  let texasSummary: Item;
  it('shows an override as stale once the brand changes the field after it, with both values', async () => {
    austinSummary = await override(
      'CLINIC',
      SEEDED.austin,
      'summary',
      'Austin’s summary.',
      f.as.austin,
    );
    texasSummary = await override('REGION', SEEDED.texas, 'summary', 'Texas summary.', f.as.texas);
    [austinSummary, texasSummary] = await f.publish([austinSummary, texasSummary]);
    // Written against the brand's summary of the time: not stale.
    expect((await report({ kind: 'STALE' })).rows).toEqual([]);

    await brandChanges({ summary: 'The brand’s new summary.' });
    const stale = await report({ kind: 'STALE' });
    expect(stale.rows.map(short)).toEqual([
      'austin-downtown micro-needling summary STALE',
      'region texas micro-needling summary STALE',
    ]);
    const [austin, texas] = stale.rows;
    expect(austin).toMatchObject({
      scope: 'CLINIC',
      brandValue: 'The brand’s new summary.',
      value: 'Austin’s summary.',
      region: { slug: 'texas' },
      override: { id: austinSummary.id, version: austinSummary.version },
    });
    expect(texas).toMatchObject({ scope: 'REGION', clinic: null, value: 'Texas summary.' });
  });

  it('leaves LOCKED fields out: their overrides are not delivered', async () => {
    await f.app.dataSource.query(
      `INSERT INTO overrides (brand_id, scope, clinic_id, entity_type, entity_id, field, value, base_value, publication_status)
       VALUES ($1, 'CLINIC', $2, 'TREATMENT', $3, 'aftercare', '["Local."]', '["Old brand aftercare."]', 'PUBLISHED')`,
      [SEEDED.brand, SEEDED.dallas, SEEDED.microNeedling],
    );
    expect((await report({ field: 'aftercare' })).totalCount).toBe(0);
  });

  it('filters by region, treatment, field and kind', async () => {
    expect((await report({ regionId: SEEDED.colorado })).rows.map(short)).toEqual([
      'boulder-pearl-street micro-needling disclaimer MISSING',
    ]);
    expect((await report({ regionId: SEEDED.texas })).rows.map(short)).toEqual([
      'austin-downtown micro-needling summary STALE',
      'region texas micro-needling summary STALE',
    ]);
    expect((await report({ field: 'disclaimer' })).totalCount).toBe(1);
    expect((await report({ kind: 'MISSING' })).totalCount).toBe(1);
    expect((await report({ treatmentId: SEEDED.microNeedling })).totalCount).toBe(3);
    const [other] = await f.app.dataSource.query(
      `INSERT INTO treatments (brand_id, slug, name, publication_status) VALUES ($1, 'drift-other', 'Other', 'PUBLISHED') RETURNING id`,
      [SEEDED.brand],
    );
    expect((await report({ treatmentId: other.id })).totalCount).toBe(0);
  });

  it('pages with cursors in a stable order, bounded, and continues after the last row seen', async () => {
    // A second treatment offered everywhere: five more missing disclaimers.
    const [peel] = await f.app.dataSource.query(
      `INSERT INTO treatments (brand_id, slug, name, publication_status) VALUES ($1, 'drift-peel', 'Peel', 'PUBLISHED') RETURNING id`,
      [SEEDED.brand],
    );
    await f.app.dataSource.query(
      `INSERT INTO clinic_treatments (clinic_id, treatment_id, publication_status)
       SELECT id, $1, 'PUBLISHED' FROM clinics WHERE brand_id = $2`,
      [peel.id, SEEDED.brand],
    );
    const all = await report({ first: 100 });
    expect(all.totalCount).toBe(8);
    expect(all.rows.map(short)).toEqual([
      'austin-downtown micro-needling summary STALE',
      'austin-downtown drift-peel disclaimer MISSING',
      'boulder-pearl-street micro-needling disclaimer MISSING',
      'boulder-pearl-street drift-peel disclaimer MISSING',
      'dallas-uptown drift-peel disclaimer MISSING',
      'denver-cherry-creek drift-peel disclaimer MISSING',
      'houston-galleria drift-peel disclaimer MISSING',
      'region texas micro-needling summary STALE',
    ]);
    const seen: Row[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await report({ first: 3, after });
      expect(page.totalCount).toBe(8);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.rows);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen.map((row) => row.id)).toEqual(all.rows.map((row: Row) => row.id));

    // A row resolved before the next page is asked for shifts nothing: the cursor names a row, not an offset.
    const first = await report({ first: 3 });
    await f.app.dataSource.query(
      `DELETE FROM clinic_treatments WHERE clinic_id = $1 AND treatment_id = $2`,
      [SEEDED.austin, peel.id],
    );
    const next = await report({ first: 3, after: first.pageInfo.endCursor });
    expect(next.rows.map(short)).toEqual(all.rows.slice(3, 6).map(short));
    await f.app.dataSource.query(`DELETE FROM clinic_treatments WHERE treatment_id = $1`, [
      peel.id,
    ]);

    for (const variables of [{ first: 0 }, { first: 101 }, { after: 'not-a-cursor' }]) {
      const { body } = await f.app.graphql(REPORT, variables, f.as.editor);
      expect(body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('resets selected overrides to inherited and marks others reviewed: drafts, all or none, with versions', async () => {
    // A stale version in the selection: CONFLICT, and neither override changes.
    const stale = { ...texasSummary, version: texasSummary.version - 1 };
    for (const name of ['resetOverrides', 'markOverridesReviewed'] as const) {
      const { body } = await bulk(name, [austinSummary, stale]);
      expect(body.errors![0].extensions.code).toBe('CONFLICT');
      expect(await f.item('OVERRIDE', austinSummary.id)).toEqual(austinSummary);
      expect(await f.item('OVERRIDE', texasSummary.id)).toEqual(texasSummary);
    }

    // Reset Austin's: a staged deletion (it is published), gone from the report.
    const { body: reset } = await bulk('resetOverrides', [austinSummary]);
    expect(reset.errors).toBeUndefined();
    expect(reset.data.resetOverrides).toEqual([
      expect.objectContaining({ id: austinSummary.id, pendingDelete: true }),
    ]);

    // Mark the region's reviewed: kept, re-based on the brand's current value.
    const { body: reviewed } = await bulk('markOverridesReviewed', [texasSummary]);
    expect(reviewed.errors).toBeUndefined();
    const [kept] = reviewed.data.markOverridesReviewed as Item[];
    expect(kept.values).toMatchObject({
      value: 'Texas summary.',
      baseValue: 'The brand’s new summary.',
    });
    expect((await report({ kind: 'STALE' })).rows).toEqual([]);

    // Recorded: a REVIEW revision in the override's history, CONTENT_REVIEW in the audit log.
    const { body: history } = await f.app.graphql(
      `query($id: ID!) { revisions(type: OVERRIDE, id: $id, first: 1) { edges { node { action changedFields actorLabel } } } }`,
      { id: texasSummary.id },
      f.as.editor,
    );
    expect(history.data.revisions.edges[0].node).toEqual({
      action: 'REVIEW',
      changedFields: ['baseValue'],
      actorLabel: 'editor@lumen-aesthetics.example',
    });
    const { body: audit } = await f.app.graphql(
      `{ auditLog(action: "CONTENT_REVIEW", first: 5) { edges { node { targetType targetId } } } }`,
      {},
      f.as.admin,
    );
    expect(audit.data.auditLog.edges.map((edge: { node: unknown }) => edge.node)).toContainEqual({
      targetType: 'OVERRIDE',
      targetId: texasSummary.id,
    });

    // Published with the brand's change: Austin inherits again (its region's summary), kept and no longer stale.
    const brand = await f.item('TREATMENT', SEEDED.microNeedling);
    await f.publish([
      brand,
      await f.item('OVERRIDE', austinSummary.id),
      await f.item('OVERRIDE', texasSummary.id),
    ]);
    const delivered = async (clinic: string) => {
      const { body } = await f.app.graphql(
        `query($clinic: String!) { treatment(brand: "lumen-aesthetics", slug: "micro-needling", clinic: $clinic) {
           summary fieldSources { field scope stale } } }`,
        { clinic },
      );
      return body.data.treatment;
    };
    const austin = await delivered('austin-downtown');
    expect(austin.summary).toBe('Texas summary.');
    expect(austin.fieldSources).toContainEqual({ field: 'summary', scope: 'REGION', stale: false });
    // Outside Texas, the brand's new summary.
    expect((await delivered('denver-cherry-creek')).summary).toBe('The brand’s new summary.');
  });

  it('answers CONFLICT for an override deleted since it was selected', async () => {
    const draft = await override('CLINIC', SEEDED.denver, 'summary', 'Denver’s draft summary.');
    await f.ok(
      'deleteItem',
      { item: { type: 'OVERRIDE', id: draft.id, version: draft.version } },
      f.as.editor,
    );
    const { body } = await bulk('resetOverrides', [draft]);
    expect(body.errors![0].extensions.code).toBe('CONFLICT');
  });

  it('is for brand-wide editors only', async () => {
    const target = await override(
      'CLINIC',
      SEEDED.austin,
      'name',
      'Austin Micro-Needling',
      f.as.austin,
    );
    for (const who of ['austin', 'texas'] as const) {
      const { body } = await f.app.graphql(REPORT, {}, f.as[who]);
      expect(body.errors![0].extensions.code).toBe('FORBIDDEN');
      for (const name of ['resetOverrides', 'markOverridesReviewed'] as const) {
        // Even their own clinic's override: the bulk actions are the brand's.
        expect((await bulk(name, [target], f.as[who])).body.errors![0].extensions.code).toBe(
          'FORBIDDEN',
        );
      }
    }
    expect((await f.app.graphql(REPORT, {}, {})).body.errors![0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(await f.item('OVERRIDE', target.id)).toEqual(target);
    expect((await report({}, f.as.admin)).totalCount).toBeGreaterThan(0);
  });
});
