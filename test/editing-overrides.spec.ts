import { ContentStore } from '../src/editing/content-store';
import {
  dataOf,
  errorOf,
  ITEM,
  Item,
  LUMEN,
  publish,
  publishedTreatment,
  setSummaryAtAustin,
} from './helpers/editing';
import { signInNewEditor } from './helpers/content-editing';
import { type BrandFixture, newBrand } from './helpers/factories';
import { startIsolatedTestApp } from './helpers/isolated-app';
import { loginAs } from './helpers/login';
import type { TestApp } from './helpers/test-app';

type Headers = Record<string, string>;

const RESULT = `outcome item { ${ITEM} }`;

describe('editing overrides', () => {
  let app: TestApp;
  let editor: Headers;
  let texas: Headers;
  let austin: Headers;
  let other: BrandFixture;
  let otherAdmin: Record<string, string>;

  // Creating, migrating and seeding a database of its own takes longer than 5 s.
  beforeAll(async () => {
    app = await startIsolatedTestApp();
    [editor, texas, austin] = await Promise.all([
      loginAs(app, 'editor'),
      loginAs(app, 'texas'),
      loginAs(app, 'austin'),
    ]);
    other = await newBrand(app.dataSource);
    otherAdmin = await signInNewEditor(app, other.brand, 'BRAND_ADMIN');
  });
  afterAll(() => app.close());

  const place = (scope: 'CLINIC' | 'REGION', id: string) =>
    scope === 'CLINIC' ? { scope, clinicId: id } : { scope, regionId: id };
  const setOverride = (input: Record<string, unknown>, headers: Headers) =>
    app.graphql(
      `mutation($input: SetOverrideInput!) { setOverride(input: $input) { ${RESULT} } }`,
      { input },
      headers,
    );
  /** A treatment override at a clinic (austin unless told). */
  const setAt = (
    treatment: Item,
    field: string,
    value: unknown,
    headers: Headers,
    extra: Record<string, unknown> = {},
  ) =>
    setOverride(
      {
        ...place('CLINIC', LUMEN.austin),
        entityType: 'TREATMENT',
        entityId: treatment.id,
        field,
        value,
        ...extra,
      },
      headers,
    );
  const clearOverride = (input: Record<string, unknown>, headers: Headers) =>
    app.graphql(
      `mutation($input: ClearOverrideInput!) { clearOverride(input: $input) { ${RESULT} } }`,
      { input },
      headers,
    );
  const delivered = async (treatment: Item, clinic?: string) => {
    const { body } = await app.graphql(
      `query($slug: String!, $clinic: String) {
         treatment(brand: "lumen-aesthetics", slug: $slug, clinic: $clinic) {
           name summary aliases disclaimer fieldSources { field scope stale missing }
         }
       }`,
      { slug: treatment.values.slug, clinic },
    );
    const found = body.data.treatment;
    const source = (field: string) =>
      found.fieldSources.find((s: { field: string }) => s.field === field);
    return { ...found, source };
  };
  const storedOverrides = async (treatment: Item) =>
    app.dataSource.query(
      `SELECT scope, clinic_id AS "clinicId", region_id AS "regionId", field, value,
              publication_status AS status
         FROM overrides WHERE entity_id = $1 ORDER BY field, scope`,
      [treatment.id],
    );
  const overrideRevisions = async (treatment: Item) => {
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM revisions
        WHERE entity_type = 'OVERRIDE' AND coalesce(after, before) ->> 'entityId' = $1`,
      [treatment.id],
    );
    return n as number;
  };

  describe('setOverride', () => {
    it('writes a draft override; published, the clinic shows it (tokens rendered), others keep the brand value', async () => {
      const treatment = await publishedTreatment(app, editor);
      const saved = dataOf(
        await setAt(treatment, 'summary', 'Peels at {{clinic.name}}.', austin),
      ).setOverride;
      expect(saved.outcome).toBe('SAVED');
      expect(saved.item).toMatchObject({
        type: 'OVERRIDE',
        status: 'DRAFT',
        version: 1,
        values: {
          scope: 'CLINIC',
          clinicId: LUMEN.austin,
          regionId: null,
          entityType: 'TREATMENT',
          entityId: treatment.id,
          field: 'summary',
          value: 'Peels at {{clinic.name}}.',
          baseValue: 'Brand summary.',
        },
      });
      expect((await delivered(treatment, 'austin-downtown')).summary).toBe('Brand summary.');

      await publish(app, austin, [saved.item]);
      const atAustin = await delivered(treatment, 'austin-downtown');
      expect(atAustin.summary).toBe('Peels at Lumen Aesthetics Austin Downtown.');
      expect(atAustin.source('summary')).toEqual({
        field: 'summary',
        scope: 'CLINIC',
        stale: false,
        missing: false,
      });
      expect((await delivered(treatment, 'dallas-uptown')).summary).toBe('Brand summary.');
      expect((await delivered(treatment)).summary).toBe('Brand summary.');
    });

    it('marks an override stale when the brand changes the field, and a re-save re-bases it', async () => {
      const treatment = await publishedTreatment(app, editor);
      const saved = dataOf(await setAt(treatment, 'summary', 'Local.', austin)).setOverride;
      const [live] = await publish(app, austin, [saved.item]);

      const brandEdit = dataOf(
        await app.graphql(
          `mutation($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { ${ITEM} } }`,
          {
            input: { id: treatment.id, version: treatment.version, summary: 'New brand summary.' },
          },
          editor,
        ),
      ).updateTreatment;
      await publish(app, editor, [brandEdit]);
      expect((await delivered(treatment, 'austin-downtown')).source('summary')).toMatchObject({
        scope: 'CLINIC',
        stale: true,
      });

      const rebased = dataOf(
        await setAt(treatment, 'summary', 'Local.', austin, { version: live.version }),
      ).setOverride;
      expect(rebased.item.values).toMatchObject({
        value: 'Local.',
        baseValue: 'New brand summary.',
      });
      await publish(app, austin, [rebased.item]);
      expect((await delivered(treatment, 'austin-downtown')).source('summary')).toMatchObject({
        scope: 'CLINIC',
        stale: false,
      });
    });

    it('stores nothing (no row, no revision) when the value is the brand’s inherited value', async () => {
      const treatment = await publishedTreatment(app, editor);
      const result = dataOf(await setAt(treatment, 'summary', 'Brand summary.', austin));
      expect(result.setOverride).toEqual({ outcome: 'INHERITED', item: null });
      const aliases = dataOf(await setAt(treatment, 'aliases', ['Peel'], austin));
      expect(aliases.setOverride.outcome).toBe('INHERITED');
      expect(await storedOverrides(treatment)).toEqual([]);
      expect(await overrideRevisions(treatment)).toBe(0);
    });

    it('lets a region override apply to its clinics; a clinic sending the region’s value stores nothing', async () => {
      const treatment = await publishedTreatment(app, editor);
      const region = dataOf(
        await setOverride(
          {
            ...place('REGION', LUMEN.texas),
            entityType: 'TREATMENT',
            entityId: treatment.id,
            field: 'summary',
            value: 'Texas summary.',
          },
          texas,
        ),
      ).setOverride;
      await publish(app, texas, [region.item]);
      const dallas = await delivered(treatment, 'dallas-uptown');
      expect(dallas.summary).toBe('Texas summary.');
      expect(dallas.source('summary').scope).toBe('REGION');
      expect((await delivered(treatment, 'denver-cherry-creek')).summary).toBe('Brand summary.');

      const same = dataOf(await setAt(treatment, 'summary', 'Texas summary.', austin)).setOverride;
      expect(same).toEqual({ outcome: 'INHERITED', item: null });
      // The brand's value is not what Austin inherits (Texas's is): it is stored.
      const brandValue = dataOf(
        await setAt(treatment, 'summary', 'Brand summary.', austin),
      ).setOverride;
      expect(brandValue.outcome).toBe('SAVED');
      expect(await storedOverrides(treatment)).toEqual([
        expect.objectContaining({
          scope: 'CLINIC',
          clinicId: LUMEN.austin,
          value: 'Brand summary.',
        }),
        expect.objectContaining({
          scope: 'REGION',
          regionId: LUMEN.texas,
          value: 'Texas summary.',
        }),
      ]);
    });

    it('clears an existing override when the inherited value is sent, staged until publish', async () => {
      const treatment = await publishedTreatment(app, editor);
      const saved = dataOf(await setAt(treatment, 'summary', 'Local.', austin)).setOverride;
      const [live] = await publish(app, austin, [saved.item]);

      const unversioned = await setAt(treatment, 'summary', 'Brand summary.', austin);
      expect(errorOf(unversioned)?.extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: live.version,
      });

      const cleared = dataOf(
        await setAt(treatment, 'summary', 'Brand summary.', austin, { version: live.version }),
      ).setOverride;
      expect(cleared.outcome).toBe('CLEARED');
      expect(cleared.item).toMatchObject({ id: live.id, pendingDelete: true });
      expect((await delivered(treatment, 'austin-downtown')).summary).toBe('Local.');

      await publish(app, austin, [cleared.item]);
      const atAustin = await delivered(treatment, 'austin-downtown');
      expect(atAustin.summary).toBe('Brand summary.');
      expect(atAustin.source('summary').scope).toBe('BRAND');
      expect(await storedOverrides(treatment)).toEqual([]);

      const revisions = await overrideRevisions(treatment);
      const again = dataOf(await setAt(treatment, 'summary', 'Brand summary.', austin));
      expect(again.setOverride.outcome).toBe('INHERITED');
      expect(await overrideRevisions(treatment)).toBe(revisions);
    });

    it('withdraws a staged deletion when a new value is saved', async () => {
      const treatment = await publishedTreatment(app, editor);
      const saved = dataOf(await setAt(treatment, 'summary', 'Local.', austin)).setOverride;
      const [live] = await publish(app, austin, [saved.item]);
      const cleared = dataOf(
        await setAt(treatment, 'summary', 'Brand summary.', austin, { version: live.version }),
      ).setOverride;
      const changed = dataOf(
        await setAt(treatment, 'summary', 'Newer local.', austin, {
          version: cleared.item.version,
        }),
      ).setOverride;
      expect(changed.item).toMatchObject({
        pendingDelete: false,
        values: { value: 'Newer local.' },
      });
      await publish(app, austin, [changed.item]);
      expect((await delivered(treatment, 'austin-downtown')).summary).toBe('Newer local.');
    });

    it('refuses a stale version with CONFLICT and the current version, changing nothing', async () => {
      const treatment = await publishedTreatment(app, editor);
      const saved = dataOf(await setAt(treatment, 'summary', 'Mine.', austin)).setOverride;
      const theirs = dataOf(
        await setAt(treatment, 'summary', 'Theirs.', texas, { version: saved.item.version }),
      ).setOverride;
      const stale = await setAt(treatment, 'summary', 'Mine again.', austin, {
        version: saved.item.version,
      });
      expect(errorOf(stale)?.extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: theirs.item.version,
      });
      const stored = await app.graphql(
        `query($id: ID!) { item(type: OVERRIDE, id: $id) { version values } }`,
        { id: saved.item.id },
        austin,
      );
      expect(dataOf(stored).item).toMatchObject({
        version: theirs.item.version,
        values: { value: 'Theirs.' },
      });
    });

    it('reads the override a save changes once: locked, checked and passed on to the draft writer', async () => {
      const treatment = await publishedTreatment(app, editor);
      const saved = dataOf(await setAt(treatment, 'summary', 'Once.', austin)).setOverride;
      const store = app.app.get(ContentStore);
      // Every item made of a row goes through located (read, locked, or
      // read and locked with more in one statement).
      const lock = jest.spyOn(store, 'located');
      const read = jest.spyOn(store, 'read');
      try {
        const changed = dataOf(
          await setAt(treatment, 'summary', 'Twice.', austin, { version: saved.item.version }),
        ).setOverride;
        expect(changed.item.values.value).toBe('Twice.');
        const ofOverrides = (spy: typeof lock | typeof read) =>
          spy.mock.calls.filter(([, def]) => def.type === 'OVERRIDE').length;
        expect(ofOverrides(lock)).toBe(1);
        expect(ofOverrides(read)).toBe(0);
      } finally {
        lock.mockRestore();
        read.mockRestore();
      }
    });

    /** Resolves once `n` other sessions of the app's database wait for a lock. */
    const waitingForLocks = async (n: number) => {
      for (let tries = 0; tries < 400; tries++) {
        const [{ waiting }] = await app.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (waiting >= n) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`${n} sessions never waited for a lock`);
    };

    it('saves one of two saves based on the same version at once; the other gets CONFLICT', async () => {
      const treatment = await publishedTreatment(app, editor);
      const saved = dataOf(await setAt(treatment, 'summary', 'Base.', austin)).setOverride;
      const revisions = await overrideRevisions(treatment);
      // Another transaction holds the override, so both saves have read
      // their target and wait for its lock when it is let go.
      const holder = app.dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      try {
        await holder.query(`SELECT 1 FROM overrides WHERE id = $1 FOR UPDATE`, [saved.item.id]);
        const version = { version: saved.item.version };
        const saves = [
          setAt(treatment, 'summary', 'First.', austin, version),
          setAt(treatment, 'summary', 'Second.', texas, version),
        ];
        await waitingForLocks(2);
        await holder.commitTransaction();
        const answers = await Promise.all(saves);
        const won = answers.filter((answer) => !errorOf(answer));
        const lost = answers.filter((answer) => errorOf(answer));
        expect({ won: won.length, lost: lost.length }).toEqual({ won: 1, lost: 1 });
        const winner = dataOf(won[0]).setOverride.item;
        expect(winner.version).toBe(saved.item.version + 1);
        expect(errorOf(lost[0])?.extensions).toMatchObject({
          code: 'CONFLICT',
          currentVersion: winner.version,
        });
        const [stored] = await app.dataSource.query(
          `SELECT version, draft -> 'value' AS value FROM overrides WHERE id = $1`,
          [saved.item.id],
        );
        expect(stored).toEqual({ version: winner.version, value: winner.values.value });
        expect(await overrideRevisions(treatment)).toBe(revisions + 1);
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
    });

    it('creates one override for two first saves of a field at once; the other must send its version', async () => {
      const treatment = await publishedTreatment(app, editor);
      // The lock saves of one target take before they create its override
      // (OverrideEditingService.serialize), held by another transaction.
      const holder = app.dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      try {
        await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
          `override:TREATMENT:${treatment.id}:summary:${LUMEN.austin}`,
        ]);
        const saves = [
          setAt(treatment, 'summary', 'First.', austin),
          setAt(treatment, 'summary', 'Second.', texas),
        ];
        await waitingForLocks(2);
        await holder.commitTransaction();
        const answers = await Promise.all(saves);
        const won = answers.filter((answer) => !errorOf(answer));
        const lost = answers.filter((answer) => errorOf(answer));
        expect({ won: won.length, lost: lost.length }).toEqual({ won: 1, lost: 1 });
        const created = dataOf(won[0]).setOverride;
        expect(created.outcome).toBe('SAVED');
        // Not a duplicate refused by the unique index: the override, seen.
        expect(errorOf(lost[0])?.extensions).toMatchObject({
          code: 'CONFLICT',
          currentVersion: created.item.version,
        });
        expect(await storedOverrides(treatment)).toHaveLength(1);
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
    });

    it('keeps a CLINIC_REQUIRED value equal to the brand’s: it answers the requirement', async () => {
      const treatment = await publishedTreatment(app, editor, { disclaimer: 'Brand disclaimer.' });
      expect((await delivered(treatment, 'austin-downtown')).source('disclaimer')).toMatchObject({
        scope: 'BRAND',
        missing: true,
      });
      const saved = dataOf(
        await setAt(treatment, 'disclaimer', 'Brand disclaimer.', austin),
      ).setOverride;
      expect(saved.outcome).toBe('SAVED');
      await publish(app, austin, [saved.item]);
      expect((await delivered(treatment, 'austin-downtown')).source('disclaimer')).toMatchObject({
        scope: 'CLINIC',
        missing: false,
      });
    });

    it('refuses LOCKED fields with BAD_USER_INPUT naming the field and the policy, for every role', async () => {
      const treatment = await publishedTreatment(app, editor);
      for (const headers of [austin, texas, editor]) {
        const locked = await setAt(treatment, 'facts', { sessions: { min: 1, max: 2 } }, headers);
        expect(errorOf(locked)?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          argument: 'field',
          field: 'facts',
          policy: 'LOCKED',
        });
        expect(errorOf(locked)?.message).toContain('TREATMENT.facts is LOCKED');
      }
      expect(await storedOverrides(treatment)).toEqual([]);
    });

    describe('bad input: BAD_USER_INPUT naming the field and the rule, nothing stored', () => {
      it.each([
        ['summary', 42, 'value: must be a string'],
        ['summary', 'Call {{clinic.fax}}', 'value: unknown or malformed token "clinic.fax"'],
        ['name', 'x'.repeat(201), 'value: must be shorter than or equal to 200 characters'],
        ['aliases', 'Peel', 'value: must be an array'],
        [
          'sections',
          [{ key: 'Not A Key', heading: 'h', body: 'b' }],
          'value.0.key: must be lower-case words joined by hyphens',
        ],
        [
          'sections',
          [{ key: 'intro', heading: 'h', body: 'b', colour: 'red' }],
          'value.0.colour: property colour should not exist',
        ],
        ['slug', 'other-slug', 'field: "slug" is not an overridable field of TREATMENT'],
        ['hidden', true, 'field: "hidden" is not an overridable field of TREATMENT'],
      ])('%s = … → %s', async (field, value, message) => {
        const treatment = await publishedTreatment(app, editor);
        const result = await setAt(treatment, field, value, austin);
        expect(errorOf(result)?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(errorOf(result)?.message).toContain(message);
        expect(await storedOverrides(treatment)).toEqual([]);
      });

      it('refuses a place that does not match its scope, and unknown entity types', async () => {
        const treatment = await publishedTreatment(app, editor);
        const mismatch = await setOverride(
          {
            scope: 'CLINIC',
            regionId: LUMEN.texas,
            entityType: 'TREATMENT',
            entityId: treatment.id,
            field: 'summary',
            value: 'x',
          },
          editor,
        );
        expect(errorOf(mismatch)?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(errorOf(mismatch)?.message).toContain('regionId: is only for scope REGION');
        expect(errorOf(mismatch)?.message).toContain('clinicId: is required when scope is CLINIC');
        const provider = await setAt(treatment, 'bio', 'x', editor, { entityType: 'PROVIDER' });
        expect(provider.status).toBe(400);
        expect(errorOf(provider)?.message).toContain('PROVIDER');
        expect(await storedOverrides(treatment)).toEqual([]);
      });
    });
  });

  describe('clearOverride', () => {
    it('removes an override (staged until publish); the clinic inherits again', async () => {
      const treatment = await publishedTreatment(app, editor);
      const saved = dataOf(await setAt(treatment, 'name', 'Austin Peel', austin)).setOverride;
      const [live] = await publish(app, austin, [saved.item]);
      expect((await delivered(treatment, 'austin-downtown')).name).toBe('Austin Peel');
      const target = {
        ...place('CLINIC', LUMEN.austin),
        entityType: 'TREATMENT',
        entityId: treatment.id,
        field: 'name',
      };

      const stale = await clearOverride({ ...target, version: live.version - 1 }, austin);
      expect(errorOf(stale)?.extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: live.version,
      });
      const cleared = dataOf(
        await clearOverride({ ...target, version: live.version }, austin),
      ).clearOverride;
      expect(cleared).toMatchObject({ outcome: 'CLEARED', item: { pendingDelete: true } });
      expect((await delivered(treatment, 'austin-downtown')).name).toBe('Austin Peel');
      await publish(app, austin, [cleared.item]);
      expect((await delivered(treatment, 'austin-downtown')).name).toBe('Chemical Peel');

      const nothing = dataOf(await clearOverride({ ...target, version: 1 }, austin));
      expect(nothing.clearOverride).toEqual({ outcome: 'INHERITED', item: null });
    });

    it('deletes a never-published override at once', async () => {
      const treatment = await publishedTreatment(app, editor);
      const saved = dataOf(await setAt(treatment, 'name', 'Draft name', austin)).setOverride;
      const cleared = dataOf(
        await clearOverride(
          {
            ...place('CLINIC', LUMEN.austin),
            entityType: 'TREATMENT',
            entityId: treatment.id,
            field: 'name',
            version: saved.item.version,
          },
          austin,
        ),
      ).clearOverride;
      expect(cleared.outcome).toBe('CLEARED');
      expect(await storedOverrides(treatment)).toEqual([]);
    });
  });

  describe('resetToBrand', () => {
    const listOverrides = async (treatment: Item, clinicId = LUMEN.austin) =>
      dataOf(
        await app.graphql(
          `query($clinicId: ID, $entityId: ID) { overrides(clinicId: $clinicId, entityId: $entityId) { ${ITEM} } }`,
          { clinicId, entityId: treatment.id },
          austin,
        ),
      ).overrides as Item[];
    const reset = (treatment: Item, overrides: Item[], headers = austin) =>
      app.graphql(
        `mutation($input: ResetToBrandInput!) { resetToBrand(input: $input) { ${ITEM} } }`,
        {
          input: {
            ...place('CLINIC', LUMEN.austin),
            entityType: 'TREATMENT',
            entityId: treatment.id,
            overrides: overrides.map((item) => ({ id: item.id, version: item.version })),
          },
        },
        headers,
      );

    it('clears all of a clinic’s overrides of one item, all or nothing, leaving the region’s and other items’', async () => {
      const treatment = await publishedTreatment(app, editor);
      const elsewhere = await publishedTreatment(app, editor);
      const drafts = [
        dataOf(await setAt(treatment, 'summary', 'Austin summary.', austin)).setOverride.item,
        dataOf(await setAt(treatment, 'name', 'Austin Peel', austin)).setOverride.item,
        dataOf(await setAt(treatment, 'aliases', ['Austin peel'], austin)).setOverride.item,
        dataOf(await setAt(elsewhere, 'name', 'Kept', austin)).setOverride.item,
        dataOf(
          await setOverride(
            {
              ...place('REGION', LUMEN.texas),
              entityType: 'TREATMENT',
              entityId: treatment.id,
              field: 'summary',
              value: 'Texas summary.',
            },
            texas,
          ),
        ).setOverride.item,
      ];
      await publish(app, editor, drafts);
      const mine = await listOverrides(treatment);
      expect(mine.map((item) => item.values.field)).toEqual(['aliases', 'name', 'summary']);

      const partial = await reset(treatment, mine.slice(1));
      expect(errorOf(partial)?.extensions?.code).toBe('CONFLICT');
      const stale = await reset(treatment, [...mine.slice(1), { ...mine[0], version: 1 }]);
      expect(errorOf(stale)?.extensions?.code).toBe('CONFLICT');
      expect((await listOverrides(treatment)).every((item) => !item.pendingDelete)).toBe(true);

      const cleared = dataOf(await reset(treatment, mine)).resetToBrand as Item[];
      expect(cleared.map((item) => item.pendingDelete)).toEqual([true, true, true]);
      await publish(app, austin, cleared);
      const atAustin = await delivered(treatment, 'austin-downtown');
      expect(atAustin).toMatchObject({
        name: 'Chemical Peel',
        aliases: ['Peel'],
        summary: 'Texas summary.',
      });
      expect(atAustin.source('summary').scope).toBe('REGION');
      expect(await listOverrides(treatment)).toEqual([]);
      expect((await delivered(elsewhere, 'austin-downtown')).name).toBe('Kept');
    });

    it('is refused to editors of other clinics', async () => {
      const treatment = await publishedTreatment(app, editor);
      const saved = dataOf(await setAt(treatment, 'name', 'Austin Peel', austin)).setOverride;
      const dallasOnly = await app.graphql(
        `mutation($input: ResetToBrandInput!) { resetToBrand(input: $input) { id } }`,
        {
          input: {
            ...place('CLINIC', LUMEN.denver),
            entityType: 'TREATMENT',
            entityId: treatment.id,
            overrides: [],
          },
        },
        texas,
      );
      expect(errorOf(dallasOnly)?.extensions?.code).toBe('FORBIDDEN');
      const byOtherAdmin = await reset(treatment, [saved.item], otherAdmin);
      expect(errorOf(byOtherAdmin)?.extensions?.code).toBe('NOT_FOUND');
      expect(await storedOverrides(treatment)).toHaveLength(1);
    });
  });

  describe('access', () => {
    const cases: [string, string, () => Headers, 'CLINIC' | 'REGION', () => string][] = [
      ['anonymous', 'UNAUTHENTICATED', () => ({}), 'CLINIC', () => LUMEN.austin],
      ['a clinic editor, own clinic', 'SAVED', () => austin, 'CLINIC', () => LUMEN.austin],
      ['a clinic editor, other clinic', 'FORBIDDEN', () => austin, 'CLINIC', () => LUMEN.dallas],
      ['a clinic editor, its region', 'FORBIDDEN', () => austin, 'REGION', () => LUMEN.texas],
      [
        'a region editor, a clinic of its region',
        'SAVED',
        () => texas,
        'CLINIC',
        () => LUMEN.dallas,
      ],
      ['a region editor, its region', 'SAVED', () => texas, 'REGION', () => LUMEN.texas],
      [
        'a region editor, another region’s clinic',
        'FORBIDDEN',
        () => texas,
        'CLINIC',
        () => LUMEN.denver,
      ],
      ['a region editor, another region', 'FORBIDDEN', () => texas, 'REGION', () => LUMEN.colorado],
      ['a brand editor, any clinic', 'SAVED', () => editor, 'CLINIC', () => LUMEN.denver],
      ['a brand editor, any region', 'SAVED', () => editor, 'REGION', () => LUMEN.colorado],
      [
        'a clinic editor, another brand’s clinic',
        'FORBIDDEN',
        () => austin,
        'CLINIC',
        () => other.clinic,
      ],
      [
        'a brand editor, another brand’s clinic',
        'NOT_FOUND',
        () => editor,
        'CLINIC',
        () => other.clinic,
      ],
      [
        'another brand’s admin, this brand’s clinic',
        'NOT_FOUND',
        () => otherAdmin,
        'CLINIC',
        () => LUMEN.austin,
      ],
    ];

    it.each(cases)('%s → %s', async (_who, expected, headers, scope, id) => {
      const treatment = await publishedTreatment(app, editor);
      const result = await setOverride(
        {
          ...place(scope, id()),
          entityType: 'TREATMENT',
          entityId: treatment.id,
          field: 'summary',
          value: 'Local.',
        },
        headers(),
      );
      if (expected === 'SAVED') {
        expect(dataOf(result).setOverride.outcome).toBe('SAVED');
      } else {
        expect(errorOf(result)?.extensions?.code).toBe(expected);
        expect(await storedOverrides(treatment)).toEqual([]);
      }
    });

    it('answers unknown and foreign ids alike, so nothing tells whether they exist', async () => {
      const treatment = await publishedTreatment(app, editor);
      const unknown = '00000000-0000-4000-8000-000000000000';
      const count = async () =>
        (await app.dataSource.query(`SELECT count(*)::int AS n FROM overrides`))[0].n as number;
      const before = await count();
      const attempt = (clinicId: string, entityId: string, headers: Headers) =>
        setOverride(
          {
            ...place('CLINIC', clinicId),
            entityType: 'TREATMENT',
            entityId,
            field: 'summary',
            value: 'Local.',
          },
          headers,
        );
      const answers = await Promise.all([
        attempt(unknown, treatment.id, austin),
        attempt(other.clinic, treatment.id, austin),
        attempt(LUMEN.dallas, treatment.id, austin),
        attempt(LUMEN.austin, other.treatment, austin),
        attempt(LUMEN.austin, unknown, austin),
      ]);
      for (const answer of answers) {
        expect(errorOf(answer)).toMatchObject({
          message: 'You may not change this item',
          extensions: { code: 'FORBIDDEN' },
        });
      }
      const brandWide = await Promise.all([
        attempt(unknown, treatment.id, editor),
        attempt(other.clinic, treatment.id, editor),
        attempt(LUMEN.austin, other.treatment, editor),
        attempt(LUMEN.austin, unknown, editor),
      ]);
      for (const answer of brandWide) {
        expect(errorOf(answer)).toMatchObject({
          message: 'No such item',
          extensions: { code: 'NOT_FOUND' },
        });
      }
      expect(await count()).toBe(before);
    });
  });

  it('asks anonymous callers to sign in for every override operation', async () => {
    const treatment = await publishedTreatment(app, editor);
    const target = {
      ...place('CLINIC', LUMEN.austin),
      entityType: 'TREATMENT',
      entityId: treatment.id,
    };
    const answers = await Promise.all([
      setOverride({ ...target, field: 'summary', value: 'x' }, {}),
      clearOverride({ ...target, field: 'summary', version: 1 }, {}),
      app.graphql(`mutation($input: ResetToBrandInput!) { resetToBrand(input: $input) { id } }`, {
        input: { ...target, overrides: [] },
      }),
      app.graphql(`{ overrides { id } }`),
    ]);
    for (const answer of answers) {
      expect(errorOf(answer)?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lists overrides with their drafts for editors of the brand, and nobody else', async () => {
    const treatment = await publishedTreatment(app, editor);
    const saved = dataOf(await setAt(treatment, 'summary', 'Local.', austin)).setOverride;
    const query = `query($entityId: ID) { overrides(entityId: $entityId) { ${ITEM} } }`;
    const listed = dataOf(await app.graphql(query, { entityId: treatment.id }, texas)).overrides;
    expect(listed).toEqual([saved.item]);
    expect(errorOf(await app.graphql(query, { entityId: treatment.id }))?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      dataOf(await app.graphql(query, { entityId: treatment.id }, otherAdmin)).overrides,
    ).toEqual([]);
    const admin = await loginAs(app, 'admin');
    const { key } = dataOf(
      await app.graphql(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
        { input: { name: 'Website', scopes: ['DELIVERY'] } },
        admin,
      ),
    ).createApiKey;
    const byDeliveryKey = await app.graphql(
      query,
      { entityId: treatment.id },
      { authorization: `Bearer ${key}` },
    );
    expect(errorOf(byDeliveryKey)?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('editing overrides: constraints PostgreSQL checks at save', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startIsolatedTestApp();
    // Before this app's first save of an override, as a migration would add it.
    await app.dataSource.query(
      `ALTER TABLE overrides ADD CONSTRAINT overrides_value_not_banned
         CHECK (value <> '"Banned summary."'::jsonb)`,
    );
  });
  afterAll(() => app.close());

  it('tries a draft against a constraint on the override’s value, so it fails at save, not at publish', async () => {
    const [editor, austin] = await Promise.all([loginAs(app, 'editor'), loginAs(app, 'austin')]);
    const treatment = await publishedTreatment(app, editor);
    const save = (value: string, version?: number) =>
      setSummaryAtAustin(app, austin, treatment, value, version);
    const saved = dataOf(await save('Fine.')).setOverride;
    const refused = errorOf(await save('Banned summary.', saved.item.version));
    expect(refused).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', constraint: 'overrides_value_not_banned' },
    });
    const [stored] = await app.dataSource.query(
      `SELECT version, draft FROM overrides WHERE id = $1`,
      [saved.item.id],
    );
    expect(stored).toEqual({ version: saved.item.version, draft: null });
  });
});
