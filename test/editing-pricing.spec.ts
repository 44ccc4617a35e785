import { namesInputField } from './helpers/editing';
import { randomUUID } from 'node:crypto';
import { PricingService } from '../src/pricing/pricing.service';
import { PUBLISHED } from '../src/read-mode/read-mode';
import {
  BRAND,
  createOtherBrand,
  EditingFixture,
  Item,
  OtherBrand,
  SEEDED,
  startEditingFixture,
  uniqueSlug,
} from './helpers/content-editing';

/** Write-side mutations for clinic offerings and their price items. */
describe('editing offerings and prices', () => {
  let f: EditingFixture;
  let other: OtherBrand;
  /** A published treatment no clinic offers yet. */
  let peel: Item;

  beforeAll(async () => {
    f = await startEditingFixture();
    other = await createOtherBrand(f.app);
    const draft = await f.ok(
      'createTreatment',
      { slug: 'chemical-peel', name: 'Chemical Peel', summary: 'A peel.' },
      f.as.editor,
    );
    [peel] = await f.publish([draft]);
  });
  afterAll(() => f?.close());

  const deliver = async (query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await f.app.graphql(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const PRICE = `label kind amount { amountMinor currency formatted } isFromPrice sessions validFrom validUntil`;
  const pricesAt = async (clinic: string, treatment = 'chemical-peel') =>
    (
      await deliver(
        `query($clinic: String!, $treatment: String!) {
          treatment(brand: "${BRAND}", slug: $treatment, clinic: $clinic) { prices { ${PRICE} } }
        }`,
        { clinic, treatment },
      )
    ).treatment?.prices;
  const count = async (sql: string, params: unknown[]) =>
    (await f.app.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n as number;
  const offerings = (clinicId: string, treatmentId: string) =>
    count(`clinic_treatments WHERE clinic_id = $1 AND treatment_id = $2`, [clinicId, treatmentId]);
  const prices = (offeringId: string) =>
    count(`price_items WHERE clinic_treatment_id = $1`, [offeringId]);
  const ref = (item: Item) => ({ id: item.id, version: item.version });

  const price = (offering: string, extra: Record<string, unknown> = {}) => ({
    clinicTreatmentId: offering,
    label: 'Single peel',
    kind: 'SINGLE_SESSION',
    amountMinor: 15000,
    currency: 'USD',
    ...extra,
  });

  describe('offerTreatment, updateClinicTreatment', () => {
    let austinPeel: Item;

    it('lets a clinic editor offer a treatment at their clinic; delivered once published', async () => {
      austinPeel = await f.ok(
        'offerTreatment',
        { clinicId: SEEDED.austin, treatmentId: peel.id, notes: 'Call {{clinic.phone}} first.' },
        f.as.austin,
      );
      expect(austinPeel).toMatchObject({
        type: 'CLINIC_TREATMENT',
        status: 'DRAFT',
        values: { notes: 'Call {{clinic.phone}} first.' },
      });
      const offered = `{
        clinic(brand: "${BRAND}", slug: "austin-downtown") { treatments { slug } }
        clinics(brand: "${BRAND}", filter: { offersTreatment: "chemical-peel" }) { edges { node { slug } } }
      }`;
      expect(await deliver(offered)).toEqual({
        clinic: { treatments: [{ slug: 'micro-needling' }] },
        clinics: { edges: [] },
      });

      [austinPeel] = await f.publish([austinPeel], f.as.austin);
      const live = await deliver(offered);
      expect(live.clinic.treatments.map((t: { slug: string }) => t.slug).sort()).toEqual([
        'chemical-peel',
        'micro-needling',
      ]);
      expect(live.clinics.edges).toEqual([{ node: { slug: 'austin-downtown' } }]);
      expect(await pricesAt('austin-downtown')).toEqual([]);
    });

    it('lets the region editor change the notes; tokens are checked', async () => {
      const noted = await f.ok(
        'updateClinicTreatment',
        { ...ref(austinPeel), notes: 'Peels at {{clinic.name}} take 30 minutes.' },
        f.as.texas,
      );
      expect(noted.values.notes).toBe('Peels at {{clinic.name}} take 30 minutes.');
      austinPeel = noted;
      const cleared = await f.ok(
        'updateClinicTreatment',
        { ...ref(austinPeel), notes: null },
        f.as.austin,
      );
      expect(cleared.values.notes).toBeNull();
      austinPeel = cleared;

      for (const [notes, rule] of [
        ['Ask {{clinic.fax}}', 'unknown or malformed token "clinic.fax"'],
        ['x'.repeat(5_001), 'shorter than or equal to 5000'],
      ]) {
        const result = await f.refusedUpdate(
          'updateClinicTreatment',
          'CLINIC_TREATMENT',
          austinPeel.id,
          { notes },
          'austin',
          'BAD_USER_INPUT',
        );
        expect(result.message).toContain('notes:');
        expect(result.message).toContain(rule);
      }
      const bad = await f.mutate(
        'offerTreatment',
        { clinicId: SEEDED.dallas, treatmentId: peel.id, notes: '{{clinic.nmae}}' },
        f.as.editor,
      );
      expect(bad.message).toContain('notes:');
      expect(await offerings(SEEDED.dallas, peel.id)).toBe(0);
    });

    it('refuses a clinic editor at another clinic, a missing one and another brand’s alike', async () => {
      const answers = [];
      for (const clinicId of [SEEDED.dallas, randomUUID(), other.clinic]) {
        const result = await f.mutate(
          'offerTreatment',
          { clinicId, treatmentId: peel.id },
          f.as.austin,
        );
        expect(result.code).toBe('FORBIDDEN');
        answers.push(result.message);
        expect(await offerings(clinicId, peel.id)).toBe(0);
      }
      expect(new Set(answers).size).toBe(1);
    });

    it.each([
      ['texas', SEEDED.denver, 'FORBIDDEN'],
      ['texas', 'missing', 'FORBIDDEN'],
      ['texas', 'other brand', 'FORBIDDEN'],
      ['editor', 'missing', 'NOT_FOUND'],
      ['editor', 'other brand', 'NOT_FOUND'],
      ['anonymous', SEEDED.dallas, 'UNAUTHENTICATED'],
    ] as const)('refuses %s offering at %s with %s', async (who, target, code) => {
      const clinicId =
        target === 'missing' ? randomUUID() : target === 'other brand' ? other.clinic : target;
      const result = await f.mutate(
        'offerTreatment',
        { clinicId, treatmentId: peel.id },
        f.as[who],
      );
      expect(result.code).toBe(code);
      expect(await offerings(clinicId, peel.id)).toBe(0);
    });

    it('refuses another brand’s treatment and a second offering of the same treatment', async () => {
      const scoped = await f.mutate(
        'offerTreatment',
        { clinicId: SEEDED.dallas, treatmentId: other.treatment },
        f.as.texas,
      );
      expect(scoped.code).toBe('FORBIDDEN');
      const wide = await f.mutate(
        'offerTreatment',
        { clinicId: SEEDED.dallas, treatmentId: other.treatment },
        f.as.editor,
      );
      expect(wide.code).toBe('BAD_USER_INPUT');
      expect(wide.message).toBe('treatmentId: no such item in this brand');
      expect(await offerings(SEEDED.dallas, other.treatment)).toBe(0);

      const twice = await f.mutate(
        'offerTreatment',
        { clinicId: SEEDED.austin, treatmentId: SEEDED.microNeedling },
        f.as.austin,
      );
      expect(twice.code).toBe('CONFLICT');
      expect(await offerings(SEEDED.austin, SEEDED.microNeedling)).toBe(1);
    });

    it('guards updateClinicTreatment by clinic, brand and version', async () => {
      const dallas = SEEDED.offering('dallas-uptown');
      await f.refusedUpdate(
        'updateClinicTreatment',
        'CLINIC_TREATMENT',
        dallas,
        { notes: 'x' },
        'austin',
        'FORBIDDEN',
      );
      await f.refusedUpdate(
        'updateClinicTreatment',
        'CLINIC_TREATMENT',
        dallas,
        { notes: 'x' },
        'anonymous',
        'UNAUTHENTICATED',
      );
      const foreign = await f.mutate(
        'updateClinicTreatment',
        { id: other.offering, version: 1, notes: 'x' },
        f.as.editor,
      );
      expect(foreign.code).toBe('NOT_FOUND');
      const current = await f.item('CLINIC_TREATMENT', dallas);
      await f.refusedUpdate(
        'updateClinicTreatment',
        'CLINIC_TREATMENT',
        dallas,
        { version: current.version + 1, notes: 'x' },
        'texas',
        'CONFLICT',
      );
    });
  });

  describe('createPriceItem, updatePriceItem', () => {
    /** The offering of chemical peel at Dallas, published, for this block. */
    let offering: Item;

    beforeAll(async () => {
      const draft = await f.ok(
        'offerTreatment',
        { clinicId: SEEDED.dallas, treatmentId: peel.id },
        f.as.editor,
      );
      [offering] = await f.publish([draft]);
    });

    it('adds a price as a draft that delivery shows once published, and changes it', async () => {
      const created = await f.ok(
        'createPriceItem',
        price(offering.id, {
          label: 'Package of 3 peels',
          kind: 'PACKAGE',
          amountMinor: 39900,
          isFromPrice: true,
          sessions: 3,
          validFrom: '2020-01-01',
          position: 2,
        }),
        f.as.texas,
      );
      expect(created).toMatchObject({
        type: 'PRICE_ITEM',
        status: 'DRAFT',
        values: { amountMinor: 39900, validFrom: '2020-01-01', validUntil: null, sessions: 3 },
      });
      expect(await pricesAt('dallas-uptown')).toEqual([]);

      const [live] = await f.publish([created], f.as.texas);
      const expected = {
        label: 'Package of 3 peels',
        kind: 'PACKAGE',
        amount: { amountMinor: 39900, currency: 'USD', formatted: '$399.00' },
        isFromPrice: true,
        sessions: 3,
        validFrom: '2020-01-01',
        validUntil: null,
      };
      expect(await pricesAt('dallas-uptown')).toEqual([expected]);

      const changed = await f.ok(
        'updatePriceItem',
        { ...ref(live), amountMinor: 42500, isFromPrice: false },
        f.as.texas,
      );
      expect(changed.publishedValues.amountMinor).toBe(39900);
      expect(await pricesAt('dallas-uptown')).toEqual([expected]);
      await f.publish([changed]);
      const clinicView = await deliver(`{ clinic(brand: "${BRAND}", slug: "dallas-uptown") {
        treatment(slug: "chemical-peel") { prices { ${PRICE} } } } }`);
      expect(clinicView.clinic.treatment.prices).toEqual([
        {
          ...expected,
          isFromPrice: false,
          amount: { amountMinor: 42500, currency: 'USD', formatted: '$425.00' },
        },
      ]);
    });

    it('lets clinic editors price their own clinic’s offerings', async () => {
      const austinOffering = SEEDED.offering('austin-downtown');
      const created = await f.ok(
        'createPriceItem',
        price(austinOffering, { label: 'Express session', amountMinor: 19900 }),
        f.as.austin,
      );
      const [live] = await f.publish([created], f.as.austin);
      expect(live.status).toBe('PUBLISHED');
      const labels = (await pricesAt('austin-downtown', 'micro-needling')).map(
        (p: { label: string }) => p.label,
      );
      expect(labels).toContain('Express session');
    });

    it('refuses a price under another clinic’s offering, a missing one and another brand’s alike', async () => {
      const answers = [];
      for (const parent of [offering.id, randomUUID(), other.offering]) {
        const before = await prices(parent);
        const result = await f.mutate('createPriceItem', price(parent), f.as.austin);
        expect(result.code).toBe('FORBIDDEN');
        answers.push(result.message);
        expect(await prices(parent)).toBe(before);
      }
      expect(new Set(answers).size).toBe(1);
    });

    it.each([
      ['texas', 'denver', 'FORBIDDEN'],
      ['texas', 'missing', 'FORBIDDEN'],
      ['editor', 'missing', 'NOT_FOUND'],
      ['editor', 'other brand', 'NOT_FOUND'],
      ['anonymous', 'dallas', 'UNAUTHENTICATED'],
    ] as const)(
      'refuses %s adding a price under the %s offering: %s',
      async (who, target, code) => {
        const parent = {
          denver: SEEDED.offering('denver-cherry-creek'),
          dallas: offering.id,
          missing: randomUUID(),
          'other brand': other.offering,
        }[target];
        const before = await prices(parent);
        const result = await f.mutate('createPriceItem', price(parent), f.as[who]);
        expect(result.code).toBe(code);
        expect(await prices(parent)).toBe(before);
      },
    );

    it.each([
      ['austin', SEEDED.price('dallas-uptown', 'PRP add-on'), 'FORBIDDEN'],
      ['texas', SEEDED.price('denver-cherry-creek', 'PRP add-on'), 'FORBIDDEN'],
      ['anonymous', SEEDED.price('austin-downtown', 'PRP add-on'), 'UNAUTHENTICATED'],
    ] as const)('refuses %s changing a price out of reach', async (who, id, code) => {
      await f.refusedUpdate('updatePriceItem', 'PRICE_ITEM', id, { amountMinor: 1 }, who, code);
    });

    it('refuses another brand’s price: NOT_FOUND brand-wide, FORBIDDEN for clinic editors', async () => {
      const stored = async () =>
        (
          await f.app.dataSource.query(
            `SELECT amount_minor, draft FROM price_items WHERE id = $1`,
            [other.price],
          )
        )[0];
      const before = await stored();
      expect(before.draft).toBeNull();
      for (const [who, code] of [
        ['editor', 'NOT_FOUND'],
        ['austin', 'FORBIDDEN'],
      ] as const) {
        const result = await f.mutate(
          'updatePriceItem',
          { id: other.price, version: 1, amountMinor: 1 },
          f.as[who],
        );
        expect(result.code).toBe(code);
      }
      expect(await stored()).toEqual(before);
    });

    it.each([
      ['amountMinor', 'must not be less than 0', { amountMinor: -1 }],
      ['amountMinor', 'Int cannot represent non-integer value', { amountMinor: 12.5 }],
      ['currency', 'not a valid currency', { currency: 'XYZ' }],
      ['currency', 'ISO 4217', { currency: 'usd' }],
      ['currency', 'not a valid currency', { currency: 'US Dollar' }],
      ['sessions', 'is required for a PACKAGE', { kind: 'PACKAGE' }],
      ['sessions', 'must be a whole number from 1 to 1000', { sessions: 0 }],
      ['validFrom', 'not a valid LocalDate', { validFrom: '2026-02-30' }],
      ['validUntil', 'not a valid LocalDate', { validUntil: '31/12/2026' }],
      [
        'validUntil',
        'must not be before validFrom',
        { validFrom: '2026-06-01', validUntil: '2026-05-31' },
      ],
      ['label', 'longer than or equal to 1', { label: '' }],
      ['label', 'shorter than or equal to 200', { label: 'x'.repeat(201) }],
      ['kind', 'PriceKind', { kind: 'VOUCHER' }],
      ['colour', 'colour', { colour: 'gold' }],
    ])('refuses a new price with a bad %s (%s), storing nothing', async (field, rule, change) => {
      const before = await prices(offering.id);
      const result = await f.mutate('createPriceItem', price(offering.id, change), f.as.editor);
      expect(result.code).toBe('BAD_USER_INPUT');
      expect(result.message).toContain(field);
      expect(result.message).toContain(rule);
      expect(await prices(offering.id)).toBe(before);
    });

    it.each([
      ['sessions', 'is required for a PACKAGE', { kind: 'PACKAGE' }],
      ['sessions', 'is required for a PACKAGE', { sessions: null }],
      ['validUntil', 'must not be before validFrom (2026-01-01)', { validUntil: '2025-12-31' }],
      ['amountMinor', 'cannot be null', { amountMinor: null }],
      ['currency', 'not a valid currency', { currency: 'EURO' }],
    ])('refuses a change leaving a bad %s (%s), storing nothing', async (field, rule, change) => {
      const item = await f.ok(
        'createPriceItem',
        price(offering.id, {
          label: uniqueSlug('rules'),
          kind: field === 'sessions' && 'sessions' in change ? 'PACKAGE' : 'SINGLE_SESSION',
          sessions: 'sessions' in change ? 4 : undefined,
          validFrom: '2026-01-01',
        }),
        f.as.editor,
      );
      const result = await f.refusedUpdate(
        'updatePriceItem',
        'PRICE_ITEM',
        item.id,
        change,
        'editor',
        'BAD_USER_INPUT',
      );
      expect(result.message).toMatch(namesInputField(field));
      expect(result.message).toContain(rule);
    });

    it('refuses a stale version with CONFLICT', async () => {
      const item = await f.ok(
        'createPriceItem',
        price(offering.id, { label: 'Stale' }),
        f.as.editor,
      );
      await f.ok('updatePriceItem', { ...ref(item), amountMinor: 100 }, f.as.editor);
      const result = await f.refusedUpdate(
        'updatePriceItem',
        'PRICE_ITEM',
        item.id,
        { version: item.version, amountMinor: 200 },
        'editor',
        'CONFLICT',
      );
      expect(result.errors![0].extensions.currentVersion).toBe(item.version + 1);
    });
  });

  describe('overlapping validity', () => {
    let offering: string;
    beforeAll(async () => {
      const draft = await f.ok(
        'offerTreatment',
        { clinicId: SEEDED.denver, treatmentId: peel.id },
        f.as.editor,
      );
      offering = draft.id;
    });
    const create = (label: string, extra: Record<string, unknown>) =>
      f.mutate('createPriceItem', price(offering, { label, ...extra }), f.as.editor);
    const update = (item: Item, change: Record<string, unknown>) =>
      f.mutate('updatePriceItem', { ...ref(item), ...change }, f.as.editor);

    it('refuses two prices with the same label and kind valid on the same day', async () => {
      const label = uniqueSlug('Spring peel');
      const first = await f.ok(
        'createPriceItem',
        price(offering, { label, validFrom: '2026-01-01', validUntil: '2026-06-30' }),
        f.as.editor,
      );
      const before = await prices(offering);

      const sameLastDay = await create(label, { validFrom: '2026-06-30' });
      expect(sameLastDay.code).toBe('BAD_USER_INPUT');
      expect(sameLastDay.message).toContain(
        `validFrom: validity 2026-06-30 to open overlaps price item ${first.id}`,
      );
      expect(
        (
          await create(` ${label.toUpperCase()} `, {
            validFrom: '2026-03-01',
            validUntil: '2026-03-31',
          })
        ).code,
      ).toBe('BAD_USER_INPUT');
      expect((await create(label, {})).code).toBe('BAD_USER_INPUT'); // open on both ends
      expect(await prices(offering)).toBe(before);

      // The next day, another kind, another label: no clash.
      const next = (await create(label, { validFrom: '2026-07-01' })).data!.createPriceItem;
      expect(
        (await create(label, { kind: 'ADD_ON', validFrom: '2026-03-01' })).errors,
      ).toBeUndefined();
      expect(
        (await create(`${label} evening`, { validFrom: '2026-03-01' })).errors,
      ).toBeUndefined();

      // Changes are held to the same rule, and refused ones leave the item as it was.
      const moved = await update(next, { validFrom: '2026-06-15' });
      expect(moved.code).toBe('BAD_USER_INPUT');
      expect((await update(first, { validUntil: null })).code).toBe('BAD_USER_INPUT');
      expect(await f.item('PRICE_ITEM', next.id)).toEqual(next);
    });

    it('compares working copies: a draft counts before it is published', async () => {
      const label = uniqueSlug('Summer peel');
      const live = await f.ok(
        'createPriceItem',
        price(offering, { label, validFrom: '2026-01-01', validUntil: '2026-12-31' }),
        f.as.editor,
      );
      const [published] = await f.publish([live]);
      // Shortened in a draft only: the days it gives up are free for a new price…
      await f.ok('updatePriceItem', { ...ref(published), validUntil: '2026-03-31' }, f.as.editor);
      const after = await create(label, { validFrom: '2026-04-01' });
      expect(after.errors).toBeUndefined();
      // …and a new draft price blocks its days for everyone else.
      const clash = await create(label, { validFrom: '2026-05-01', validUntil: '2026-05-31' });
      expect(clash.code).toBe('BAD_USER_INPUT');
      expect(clash.message).toContain(after.data!.createPriceItem.id);
    });

    it('counts a price staged for deletion until the deletion is published', async () => {
      const label = uniqueSlug('Autumn peel');
      const [live] = await f.publish([
        await f.ok(
          'createPriceItem',
          price(offering, { label, validFrom: '2029-09-01' }),
          f.as.editor,
        ),
      ]);
      const { body } = await f.app.graphql(
        `mutation($input: DeleteItemInput!) { deleteItem(input: $input) { type id version pendingDelete } }`,
        { input: { item: { type: 'PRICE_ITEM', id: live.id, version: live.version } } },
        f.as.editor,
      );
      const staged = body.data.deleteItem;
      expect(staged.pendingDelete).toBe(true);
      expect((await create(label, { validFrom: '2029-10-01' })).code).toBe('BAD_USER_INPUT');
      await f.publish([staged]);
      expect((await create(label, { validFrom: '2029-10-01' })).errors).toBeUndefined();
    });

    it('lets exactly one of several concurrent overlapping creates win', async () => {
      const label = uniqueSlug('Rush peel');
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          create(label, { amountMinor: 1000 + i, validFrom: '2027-01-01' }),
        ),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.code === 'BAD_USER_INPUT')).toHaveLength(7);
      expect(
        await count(`price_items WHERE clinic_treatment_id = $1 AND label = $2`, [offering, label]),
      ).toBe(1);
    });

    it('lets exactly one of two concurrent updates win when together they would overlap', async () => {
      for (let round = 0; round < 5; round++) {
        const label = uniqueSlug('Race peel');
        const january = await f.ok(
          'createPriceItem',
          price(offering, { label, validFrom: '2028-01-01', validUntil: '2028-01-31' }),
          f.as.editor,
        );
        const march = await f.ok(
          'createPriceItem',
          price(offering, { label, validFrom: '2028-03-01', validUntil: '2028-03-31' }),
          f.as.editor,
        );
        // Each alone fits next to the other as it was; both together overlap in February.
        const results = await Promise.all([
          update(january, { validUntil: '2028-02-20' }),
          update(march, { validFrom: '2028-02-10' }),
        ]);
        expect(results.filter((r) => !r.errors)).toHaveLength(1);
        expect(results.filter((r) => r.code === 'BAD_USER_INPUT')).toHaveLength(1);
      }
    });
  });
  describe('validity on the clinic’s today, and every price for editors', () => {
    /** YYYY-MM-DD in `timezone`, `days` from now. */
    const dayIn = (timezone: string, days = 0) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(
        new Date(Date.now() + days * 86_400_000),
      );
    // 25 hours apart, so their dates always differ, and at least one differs from UTC's.
    const EARLY = 'Pacific/Kiritimati';
    const LATE = 'Pacific/Pago_Pago';
    let slug: string;
    let treatmentId: string;
    const offerings: Record<string, string> = {};

    beforeAll(async () => {
      slug = uniqueSlug('validity-peel');
      const [treatment] = await f.publish([
        await f.ok(
          'createTreatment',
          { slug, name: 'Validity peel', summary: 'A peel.' },
          f.as.editor,
        ),
      ]);
      treatmentId = treatment.id;
      for (const [clinicId, timezone] of [
        [SEEDED.denver, EARLY],
        [SEEDED.dallas, LATE],
      ]) {
        const clinic = await f.item('CLINIC', clinicId);
        const offered = await f.ok(
          'offerTreatment',
          { clinicId, treatmentId: treatment.id },
          f.as.editor,
        );
        const moved = await f.ok('updateClinic', { ...ref(clinic), timezone }, f.as.editor);
        const today = dayIn(timezone);
        const prices = [
          ['Today only', { validFrom: today, validUntil: today }],
          ['Ended', { validFrom: '2020-01-01', validUntil: dayIn(timezone, -1) }],
          ['Upcoming', { validFrom: dayIn(timezone, 1) }],
        ] as const;
        const drafts = [];
        for (const [label, validity] of prices) {
          drafts.push(
            await f.ok('createPriceItem', price(offered.id, { label, ...validity }), f.as.editor),
          );
        }
        await f.publish([offered, moved, ...drafts]);
        offerings[clinicId] = offered.id;
      }
    });

    const EDITOR_PRICES = `query($clinic: String!, $slug: String!) {
      treatment(brand: "${BRAND}", slug: $slug, clinic: $clinic, preview: true) {
        prices { label validity }
        pricesForEditors { label validity validFrom validUntil amount { currency } }
      }
      clinic(brand: "${BRAND}", slug: $clinic) { currency timezone }
    }`;

    it('delivers a price on the clinic’s own days: valid today in its time zone, not the server’s', async () => {
      for (const clinic of ['denver-cherry-creek', 'dallas-uptown']) {
        expect(await pricesAt(clinic, slug)).toEqual([
          expect.objectContaining({ label: 'Today only' }),
        ]);
      }
    });

    it('says when each price next starts or stops by itself: the clinic’s midnight (capping how long an answer is kept)', async () => {
      const pricing = f.app.app.get(PricingService);
      const [rows] = await pricing.batchByOffering([`${SEEDED.denver}:${treatmentId}`], PUBLISHED);
      const changesAt = (label: string) => rows.find((row) => row.label === label)?.changesAt;
      // Kiritimati is UTC+14 all year: its next midnight ends "Today only" and starts "Upcoming".
      const nextMidnight = new Date(`${dayIn(EARLY, 1)}T00:00:00+14:00`);
      expect(changesAt('Today only')).toEqual(nextMidnight);
      expect(changesAt('Upcoming')).toEqual(nextMidnight);
      expect(changesAt('Ended')).toBeNull();
    });

    it('lists every price for editors, upcoming and ended ones too, each with its validity', async () => {
      const { body } = await f.app.graphql(
        EDITOR_PRICES,
        { clinic: 'denver-cherry-creek', slug },
        f.as.editor,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.clinic).toEqual({ currency: 'USD', timezone: EARLY });
      expect(body.data.treatment.prices).toEqual([{ label: 'Today only', validity: 'CURRENT' }]);
      const listed = body.data.treatment.pricesForEditors.map(
        (p: { label: string; validity: string }) => [p.label, p.validity],
      );
      expect(listed.sort()).toEqual([
        ['Ended', 'ENDED'],
        ['Today only', 'CURRENT'],
        ['Upcoming', 'UPCOMING'],
      ]);
    });

    it('shows editors’ prices to no one else, and the clinic’s currency to everyone', async () => {
      const { body } = await f.app.graphql(
        EDITOR_PRICES.replace(', preview: true', ''),
        { clinic: 'dallas-uptown', slug },
        f.as.anonymous,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.treatment.pricesForEditors).toBeNull();
      expect(body.data.clinic.currency).toBe('USD');
    });
  });
});
