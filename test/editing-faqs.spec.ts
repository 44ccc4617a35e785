import {
  dataOf,
  errorOf,
  ITEM,
  Item,
  LUMEN,
  publish,
  publishedTreatment,
  ref,
} from './helpers/editing';
import { signInNewEditor } from './helpers/content-editing';
import { type BrandFixture, newBrand } from './helpers/factories';
import { startIsolatedTestApp } from './helpers/isolated-app';
import { loginAs } from './helpers/login';
import type { TestApp } from './helpers/test-app';

type Headers = Record<string, string>;

const RESULT = `outcome item { ${ITEM} }`;

describe('editing FAQs', () => {
  let app: TestApp;
  let editor: Headers;
  let texas: Headers;
  let austin: Headers;
  let other: BrandFixture;
  let otherAdmin: Record<string, string>;
  let otherFaqId: string;
  let n = 0;

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
    [{ id: otherFaqId }] = await app.dataSource.query(
      `SELECT id FROM faqs WHERE brand_id = $1 LIMIT 1`,
      [other.brand],
    );
  });
  afterAll(() => app.close());

  const createFaq = (input: Record<string, unknown>, headers: Headers) =>
    app.graphql(
      `mutation($input: CreateFaqInput!) { createFaq(input: $input) { ${ITEM} } }`,
      { input },
      headers,
    );
  const updateFaq = (input: Record<string, unknown>, headers: Headers) =>
    app.graphql(
      `mutation($input: UpdateFaqInput!) { updateFaq(input: $input) { ${ITEM} } }`,
      { input },
      headers,
    );
  const visibility =
    (mutation: 'hideFaq' | 'showFaq') => (input: Record<string, unknown>, headers: Headers) =>
      app.graphql(
        `mutation($input: ${mutation === 'hideFaq' ? 'HideFaqInput' : 'ShowFaqInput'}!) { ${mutation}(input: $input) { ${RESULT} } }`,
        { input },
        headers,
      );
  const hideFaq = visibility('hideFaq');
  const showFaq = visibility('showFaq');
  const reorderFaqs = (input: Record<string, unknown>, headers: Headers) =>
    app.graphql(
      `mutation($input: ReorderFaqsInput!) { reorderFaqs(input: $input) { faqId position outcome item { ${ITEM} } } }`,
      { input },
      headers,
    );
  /** A published FAQ about `topic` (brand-wide, or with clinicId one clinic's). */
  const faq = async (topic: Item, fields: Record<string, unknown> = {}): Promise<Item> => {
    n += 1;
    const created = dataOf(
      await createFaq(
        { question: `Question ${n}?`, answer: `Answer ${n}.`, treatmentIds: [topic.id], ...fields },
        editor,
      ),
    ).createFaq;
    return (await publish(app, editor, [created]))[0];
  };
  /** The questions of a FAQ list about `topic`, as delivered. */
  const questions = async (topic: Item, clinic?: string): Promise<string[]> => {
    const { body } = await app.graphql(
      `query($clinic: String, $treatment: String) {
         faqs(brand: "lumen-aesthetics", clinic: $clinic, treatment: $treatment, first: 100) {
           edges { node { question } }
         }
       }`,
      { clinic, treatment: topic.values.slug },
    );
    return body.data.faqs.edges.map((edge: { node: { question: string } }) => edge.node.question);
  };
  const faqCount = async (question: string) =>
    (
      await app.dataSource.query(`SELECT count(*)::int AS n FROM faqs WHERE question = $1`, [
        question,
      ])
    )[0].n as number;
  const overrideCount = async (faqId: string) =>
    (
      await app.dataSource.query(`SELECT count(*)::int AS n FROM overrides WHERE entity_id = $1`, [
        faqId,
      ])
    )[0].n as number;

  describe('createFaq', () => {
    it('creates a brand FAQ as a draft; published, every clinic shows it with its own tokens', async () => {
      const topic = await publishedTreatment(app, editor);
      const created = dataOf(
        await createFaq(
          {
            question: 'Are peels offered at {{clinic.name}}?',
            answer: 'Yes: call **{{clinic.phone}}**.',
            treatmentIds: [topic.id],
          },
          editor,
        ),
      ).createFaq;
      expect(created).toMatchObject({
        type: 'FAQ',
        status: 'DRAFT',
        values: { clinicId: null, treatmentIds: [topic.id] },
      });
      expect(await questions(topic, 'austin-downtown')).toEqual([]);

      await publish(app, editor, [created]);
      expect(await questions(topic, 'austin-downtown')).toEqual([
        'Are peels offered at Lumen Aesthetics Austin Downtown?',
      ]);
      expect(await questions(topic, 'dallas-uptown')).toEqual([
        'Are peels offered at Lumen Aesthetics Dallas Uptown?',
      ]);
      expect(await questions(topic)).toEqual(['Are peels offered at Lumen Aesthetics?']);
    });

    it('puts a new FAQ at the end of its list unless given a position', async () => {
      const topic = await publishedTreatment(app, editor);
      const first = await faq(topic);
      const second = await faq(topic);
      expect(second.values.position).toBeGreaterThan(first.values.position);
      const top = await faq(topic, { position: -5 });
      expect(await questions(topic)).toEqual([
        top.values.question,
        first.values.question,
        second.values.question,
      ]);
    });

    it('creates a clinic-only FAQ that only that clinic shows (list, clinic { faqs })', async () => {
      const topic = await publishedTreatment(app, editor);
      const created = dataOf(
        await createFaq(
          {
            clinicId: LUMEN.austin,
            question: 'Where do I park in {{clinic.city}}?',
            answer: 'Behind the building.',
            treatmentIds: [topic.id],
          },
          austin,
        ),
      ).createFaq;
      expect(created.values.clinicId).toBe(LUMEN.austin);
      await publish(app, austin, [created]);
      expect(await questions(topic, 'austin-downtown')).toEqual(['Where do I park in Austin?']);
      expect(await questions(topic, 'dallas-uptown')).toEqual([]);
      expect(await questions(topic)).toEqual([]);
      const { body } = await app.graphql(
        `query($t: String) { clinic(brand: "lumen-aesthetics", slug: "austin-downtown") { faqs(treatment: $t) { question scope } } }`,
        { t: topic.values.slug },
      );
      expect(body.data.clinic.faqs).toEqual([
        { question: 'Where do I park in Austin?', scope: 'CLINIC' },
      ]);
    });

    const access: [string, string, () => Headers, () => Record<string, unknown>][] = [
      ['anonymous, brand FAQ', 'UNAUTHENTICATED', () => ({}), () => ({})],
      ['clinic editor, brand FAQ', 'FORBIDDEN', () => austin, () => ({})],
      ['region editor, brand FAQ', 'FORBIDDEN', () => texas, () => ({})],
      [
        'clinic editor, other clinic',
        'FORBIDDEN',
        () => austin,
        () => ({ clinicId: LUMEN.dallas }),
      ],
      [
        'region editor, other region’s clinic',
        'FORBIDDEN',
        () => texas,
        () => ({ clinicId: LUMEN.denver }),
      ],
      [
        'clinic editor, other brand’s clinic',
        'FORBIDDEN',
        () => austin,
        () => ({ clinicId: other.clinic }),
      ],
      [
        'brand editor, other brand’s clinic',
        'NOT_FOUND',
        () => editor,
        () => ({ clinicId: other.clinic }),
      ],
      [
        'other brand’s admin, this brand’s clinic',
        'NOT_FOUND',
        () => otherAdmin,
        () => ({ clinicId: LUMEN.austin }),
      ],
      [
        'brand editor, other brand’s treatment',
        'NOT_FOUND',
        () => editor,
        () => ({ treatmentIds: [other.treatment] }),
      ],
      [
        'clinic editor, own clinic, other brand’s treatment',
        'FORBIDDEN',
        () => austin,
        () => ({ clinicId: LUMEN.austin, treatmentIds: [other.treatment] }),
      ],
      [
        'region editor, a clinic of its region',
        'DRAFT',
        () => texas,
        () => ({ clinicId: LUMEN.dallas }),
      ],
      ['brand editor, any clinic', 'DRAFT', () => editor, () => ({ clinicId: LUMEN.denver })],
    ];
    it.each(access)('%s → %s', async (_who, expected, headers, extra) => {
      n += 1;
      const question = `Access ${n}?`;
      const result = await createFaq({ question, answer: 'A.', ...extra() }, headers());
      if (expected === 'DRAFT') {
        expect(dataOf(result).createFaq.status).toBe('DRAFT');
      } else {
        expect(errorOf(result)?.extensions?.code).toBe(expected);
        expect(await faqCount(question)).toBe(0);
      }
    });
  });

  describe('updateFaq', () => {
    it('changes a draft; published, delivery shows the new question, answer and topics', async () => {
      const topic = await publishedTreatment(app, editor);
      const other = await publishedTreatment(app, editor);
      const live = await faq(topic);
      const edited = dataOf(
        await updateFaq(
          {
            id: live.id,
            version: live.version,
            question: 'How long does a peel take at {{clinic.name}}?',
            answer: 'About *30 minutes*.',
            treatmentIds: [other.id],
          },
          editor,
        ),
      ).updateFaq;
      expect(edited).toMatchObject({ hasDraft: true, version: live.version + 1 });
      expect(await questions(topic)).toEqual([live.values.question]);
      await publish(app, editor, [edited]);
      expect(await questions(topic)).toEqual([]);
      expect(await questions(other, 'denver-cherry-creek')).toEqual([
        'How long does a peel take at Lumen Aesthetics Denver Cherry Creek?',
      ]);
    });

    it('refuses a stale version with CONFLICT and the current version', async () => {
      const topic = await publishedTreatment(app, editor);
      const live = await faq(topic);
      await updateFaq({ id: live.id, version: live.version, answer: 'Mine.' }, editor);
      const stale = await updateFaq(
        { id: live.id, version: live.version, answer: 'Theirs.' },
        editor,
      );
      expect(errorOf(stale)?.extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: live.version + 1,
      });
    });

    it('lets clinic editors change their clinic’s FAQs only', async () => {
      const topic = await publishedTreatment(app, editor);
      const brandFaq = await faq(topic);
      const own = await faq(topic, { clinicId: LUMEN.austin });
      const dallas = await faq(topic, { clinicId: LUMEN.dallas });
      const change = (item: Item) =>
        updateFaq({ id: item.id, version: item.version, answer: 'Changed.' }, austin);
      expect(dataOf(await change(own)).updateFaq.values.answer).toBe('Changed.');
      expect(errorOf(await change(brandFaq))?.extensions?.code).toBe('FORBIDDEN');
      expect(errorOf(await change(dallas))?.extensions?.code).toBe('FORBIDDEN');
      expect(
        errorOf(await updateFaq({ id: otherFaqId, version: 1, answer: 'x' }, austin))?.extensions
          ?.code,
      ).toBe('FORBIDDEN');
      expect(
        errorOf(await updateFaq({ id: own.id, version: own.version, answer: 'x' }, {}))?.extensions
          ?.code,
      ).toBe('UNAUTHENTICATED');
    });

    describe('bad input: BAD_USER_INPUT naming the field and the rule, nothing stored', () => {
      it.each([
        [
          'question',
          { question: 'x'.repeat(501) },
          'question: must be shorter than or equal to 500 characters',
        ],
        ['question', { question: null }, 'question: must be a string'],
        [
          'answer',
          { answer: 'Call {{clinic.fax}}' },
          'answer: unknown or malformed token "clinic.fax"',
        ],
        ['answer', { answer: '' }, 'answer: must be longer than or equal to 1 characters'],
        ['position', { position: 2_000_000 }, 'position: must not be greater than 1000000'],
        [
          'treatmentIds',
          { treatmentIds: ['not-a-uuid'] },
          'treatmentIds: each value in treatmentIds must be a UUID',
        ],
      ])('%s: %j', async (_field, change, message) => {
        const topic = await publishedTreatment(app, editor);
        const live = await faq(topic);
        const result = await updateFaq({ id: live.id, version: live.version, ...change }, editor);
        expect(errorOf(result)?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(errorOf(result)?.message).toContain(message);
        const item = await app.graphql(
          `query($id: ID!) { item(type: FAQ, id: $id) { version hasDraft } }`,
          { id: live.id },
          editor,
        );
        expect(dataOf(item).item).toEqual({ version: live.version, hasDraft: false });
      });

      it('refuses unknown fields', async () => {
        const result = await updateFaq(
          { id: '00000000-0000-4000-8000-000000000000', version: 1, colour: 'red' },
          editor,
        );
        expect(result.status).toBe(400);
        expect(errorOf(result)?.message).toContain('colour');
      });
    });
  });

  describe('hideFaq / showFaq', () => {
    const at = (clinicId: string) => ({ scope: 'CLINIC', clinicId });

    it('hides a brand FAQ at one clinic once published, and shows it again', async () => {
      const topic = await publishedTreatment(app, editor);
      const kept = await faq(topic);
      const hidden = await faq(topic);
      const hide = dataOf(await hideFaq({ faqId: hidden.id, ...at(LUMEN.austin) }, austin)).hideFaq;
      expect(hide).toMatchObject({
        outcome: 'SAVED',
        item: { type: 'OVERRIDE', status: 'DRAFT', values: { field: 'hidden', value: true } },
      });
      expect(await questions(topic, 'austin-downtown')).toHaveLength(2);
      const [live] = await publish(app, austin, [hide.item]);
      expect(await questions(topic, 'austin-downtown')).toEqual([kept.values.question]);
      expect(await questions(topic, 'dallas-uptown')).toHaveLength(2);

      const unversioned = await showFaq({ faqId: hidden.id, ...at(LUMEN.austin) }, austin);
      expect(errorOf(unversioned)?.extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: live.version,
      });
      const show = dataOf(
        await showFaq({ faqId: hidden.id, ...at(LUMEN.austin), version: live.version }, austin),
      ).showFaq;
      expect(show).toMatchObject({ outcome: 'CLEARED', item: { pendingDelete: true } });
      await publish(app, austin, [show.item]);
      expect(await questions(topic, 'austin-downtown')).toHaveLength(2);
      expect(await overrideCount(hidden.id)).toBe(0);

      const again = dataOf(await showFaq({ faqId: hidden.id, ...at(LUMEN.austin) }, austin));
      expect(again.showFaq).toEqual({ outcome: 'INHERITED', item: null });
    });

    it('hides at a region; a clinic of it shows the FAQ again with its own override', async () => {
      const topic = await publishedTreatment(app, editor);
      const regional = await faq(topic);
      const hide = dataOf(
        await hideFaq({ faqId: regional.id, scope: 'REGION', regionId: LUMEN.texas }, texas),
      ).hideFaq;
      await publish(app, texas, [hide.item]);
      expect(await questions(topic, 'austin-downtown')).toEqual([]);
      expect(await questions(topic, 'dallas-uptown')).toEqual([]);
      expect(await questions(topic, 'denver-cherry-creek')).toEqual([regional.values.question]);

      const show = dataOf(
        await showFaq({ faqId: regional.id, ...at(LUMEN.austin) }, austin),
      ).showFaq;
      expect(show).toMatchObject({ outcome: 'SAVED', item: { values: { value: false } } });
      await publish(app, austin, [show.item]);
      expect(await questions(topic, 'austin-downtown')).toEqual([regional.values.question]);
      expect(await questions(topic, 'dallas-uptown')).toEqual([]);
    });

    it('keeps a clinic’s “show” of a FAQ its region hides in a draft: once both are published, the clinic shows it', async () => {
      const topic = await publishedTreatment(app, editor);
      const regional = await faq(topic);
      const hide = dataOf(
        await hideFaq({ faqId: regional.id, scope: 'REGION', regionId: LUMEN.texas }, texas),
      ).hideFaq;
      // The region's hide is still a draft when Austin shows the FAQ again.
      const show = dataOf(
        await showFaq({ faqId: regional.id, ...at(LUMEN.austin) }, austin),
      ).showFaq;
      expect(show).toMatchObject({ outcome: 'SAVED', item: { values: { value: false } } });
      await publish(app, texas, [hide.item]);
      await publish(app, austin, [show.item]);
      expect(await questions(topic, 'austin-downtown')).toEqual([regional.values.question]);
      expect(await questions(topic, 'dallas-uptown')).toEqual([]);
    });

    it('refuses clinic FAQs (edit or delete them instead) and other places', async () => {
      const topic = await publishedTreatment(app, editor);
      const own = await faq(topic, { clinicId: LUMEN.austin });
      const brandFaq = await faq(topic);
      const ownHide = await hideFaq({ faqId: own.id, ...at(LUMEN.austin) }, austin);
      expect(errorOf(ownHide)).toMatchObject({
        message: expect.stringContaining('faqId: is a clinic FAQ'),
        extensions: { code: 'BAD_USER_INPUT', argument: 'faqId' },
      });
      expect(
        errorOf(await hideFaq({ faqId: brandFaq.id, ...at(LUMEN.dallas) }, austin))?.extensions
          ?.code,
      ).toBe('FORBIDDEN');
      expect(
        errorOf(
          await hideFaq({ faqId: brandFaq.id, scope: 'REGION', regionId: LUMEN.texas }, austin),
        )?.extensions?.code,
      ).toBe('FORBIDDEN');
      expect(
        errorOf(await hideFaq({ faqId: otherFaqId, ...at(LUMEN.austin) }, austin))?.extensions
          ?.code,
      ).toBe('FORBIDDEN');
      expect(
        errorOf(await hideFaq({ faqId: brandFaq.id, ...at(LUMEN.austin) }, {}))?.extensions?.code,
      ).toBe('UNAUTHENTICATED');
      expect(await overrideCount(brandFaq.id)).toBe(0);
      expect(await overrideCount(own.id)).toBe(0);
    });
  });

  describe('reorderFaqs', () => {
    /** Brand FAQs A, B, C at 100, 200, 300 about a new topic. */
    const brandList = async () => {
      const topic = await publishedTreatment(app, editor);
      const a = await faq(topic, { question: 'A?', position: 100 });
      const b = await faq(topic, { question: 'B?', position: 200 });
      const c = await faq(topic, { question: 'C?', position: 300 });
      return { topic, a, b, c };
    };
    /** null: no version (a brand FAQ the clinic has no override of). */
    const move = (item: Item, position: number, version: number | null = item.version) => ({
      id: item.id,
      position,
      ...(version === null ? {} : { version }),
    });

    it('reorders the brand list (brand-wide editors), all or nothing', async () => {
      const { topic, a, b, c } = await brandList();
      const stale = await reorderFaqs(
        { items: [move(a, 300), move(c, 100, c.version - 1)] },
        editor,
      );
      expect(errorOf(stale)?.extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: c.version,
      });
      const untouched = await app.graphql(
        `query($id: ID!) { item(type: FAQ, id: $id) { version hasDraft } }`,
        { id: a.id },
        editor,
      );
      expect(dataOf(untouched).item).toEqual({ version: a.version, hasDraft: false });

      const moved = dataOf(
        await reorderFaqs({ items: [move(a, 300), move(c, 100)] }, editor),
      ).reorderFaqs;
      expect(moved.map((r: { faqId: string; outcome: string }) => [r.faqId, r.outcome])).toEqual([
        [a.id, 'SAVED'],
        [c.id, 'SAVED'],
      ]);
      expect(await questions(topic)).toEqual(['A?', 'B?', 'C?']);
      await publish(
        app,
        editor,
        moved.map((r: { item: Item }) => r.item),
      );
      expect(await questions(topic)).toEqual(['C?', 'B?', 'A?']);
      expect(await questions(topic, 'austin-downtown')).toEqual(['C?', 'B?', 'A?']);
      expect(b.values.position).toBe(200);
    });

    it('refuses the brand list to clinic and region editors, and bad items', async () => {
      const { topic, a, b } = await brandList();
      const own = await faq(topic, { clinicId: LUMEN.austin });
      expect(errorOf(await reorderFaqs({ items: [move(a, 1)] }, austin))?.extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect(errorOf(await reorderFaqs({ items: [move(a, 1)] }, texas))?.extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect(errorOf(await reorderFaqs({ items: [move(a, 1)] }, {}))?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      const cases: [Record<string, unknown>[], string][] = [
        [[move(a, 1), move(own, 2)], 'items.1.id: is a clinic FAQ'],
        [[move(a, 1, null)], 'items.0.version: is required'],
        [[move(a, 1), move(a, 2)], 'items.1.id: lists the same FAQ twice'],
        [[move(a, 1), move(b, 1)], 'items.1.position: gives two FAQs the same position'],
      ];
      for (const [items, message] of cases) {
        const result = await reorderFaqs({ items }, editor);
        expect(errorOf(result)?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(errorOf(result)?.message).toContain(message);
      }
      const foreign = await reorderFaqs(
        { items: [move(a, 1), { id: otherFaqId, position: 2, version: 1 }] },
        editor,
      );
      expect(errorOf(foreign)?.extensions?.code).toBe('NOT_FOUND');
      expect(await questions(topic)).toEqual(['A?', 'B?', 'C?']);
    });

    it('reorders a clinic’s list: position overrides of brand FAQs (none where inherited) and its own FAQs', async () => {
      const { topic, a, b, c } = await brandList();
      const local = await faq(topic, { question: 'Local?', clinicId: LUMEN.austin, position: 400 });
      expect(await questions(topic, 'austin-downtown')).toEqual(['A?', 'B?', 'C?', 'Local?']);

      const result = dataOf(
        await reorderFaqs(
          {
            clinicId: LUMEN.austin,
            items: [move(c, 50, null), move(a, 100, null), move(local, 150)],
          },
          austin,
        ),
      ).reorderFaqs;
      expect(result[0]).toMatchObject({
        faqId: c.id,
        position: 50,
        outcome: 'SAVED',
        item: { type: 'OVERRIDE', values: { field: 'position', value: 50, baseValue: 300 } },
      });
      expect(result[1]).toEqual({ faqId: a.id, position: 100, outcome: 'INHERITED', item: null });
      expect(result[2]).toMatchObject({
        faqId: local.id,
        outcome: 'SAVED',
        item: { type: 'FAQ', values: { position: 150 } },
      });
      expect(await overrideCount(a.id)).toBe(0);

      await publish(app, austin, [result[0].item, result[2].item]);
      expect(await questions(topic, 'austin-downtown')).toEqual(['C?', 'A?', 'Local?', 'B?']);
      expect(await questions(topic, 'dallas-uptown')).toEqual(['A?', 'B?', 'C?']);
      expect(await questions(topic)).toEqual(['A?', 'B?', 'C?']);
      expect(b.values.position).toBe(200);
    });

    it('applies a clinic reorder all or nothing and only to that clinic’s list', async () => {
      const { topic, a, b } = await brandList();
      const local = await faq(topic, { clinicId: LUMEN.austin });
      const dallas = await faq(topic, { clinicId: LUMEN.dallas });
      const stale = await reorderFaqs(
        { clinicId: LUMEN.austin, items: [move(b, 10, null), move(local, 20, 1)] },
        austin,
      );
      expect(errorOf(stale)?.extensions?.code).toBe('CONFLICT');
      expect(await overrideCount(b.id)).toBe(0);

      const notHers = await reorderFaqs(
        { clinicId: LUMEN.austin, items: [move(a, 10, null), move(dallas, 20)] },
        austin,
      );
      expect(errorOf(notHers)).toMatchObject({
        message: expect.stringContaining('items.1.id: is not in this clinic’s list'),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const forbidden = [
        await reorderFaqs({ clinicId: LUMEN.dallas, items: [move(a, 10, null)] }, austin),
        await reorderFaqs(
          { clinicId: LUMEN.austin, items: [{ id: otherFaqId, position: 10 }] },
          austin,
        ),
        await reorderFaqs({ clinicId: LUMEN.denver, items: [move(a, 10, null)] }, texas),
      ];
      for (const answer of forbidden) expect(errorOf(answer)?.extensions?.code).toBe('FORBIDDEN');
      expect(await overrideCount(a.id)).toBe(0);

      const byRegion = await reorderFaqs(
        { clinicId: LUMEN.dallas, items: [move(a, 10, null)] },
        texas,
      );
      expect(dataOf(byRegion).reorderFaqs[0].outcome).toBe('SAVED');
    });
  });

  it('deletes a published FAQ through deleteItem, staged until publish', async () => {
    const topic = await publishedTreatment(app, editor);
    const live = await faq(topic);
    const deleted = dataOf(
      await app.graphql(
        `mutation($input: DeleteItemInput!) { deleteItem(input: $input) { ${ITEM} } }`,
        { input: { item: ref(live) } },
        editor,
      ),
    ).deleteItem;
    expect(deleted.pendingDelete).toBe(true);
    expect(await questions(topic)).toEqual([live.values.question]);
    await publish(app, editor, [deleted]);
    expect(await questions(topic)).toEqual([]);
  });
});
