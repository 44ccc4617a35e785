import { DomainError } from '../../src/common/domain-error';
import type { ItemView } from '../../src/editing/item-view';
import type { BrandFixture } from '../helpers/factories';
import { type EditorContext, refOf, ServiceContext } from '../helpers/service-context';

/**
 * What the write engine guarantees, called directly on real PostgreSQL:
 * versions, drafts, atomic and serialized publishes. The GraphQL layer over
 * it (validation, error shapes, rights) is specified in test/editing*.spec.ts.
 */
describe('write engine (service tier)', () => {
  let ctx: ServiceContext;
  let brand: BrandFixture;
  let editor: EditorContext;
  let n = 0;

  beforeAll(async () => {
    ctx = await ServiceContext.start();
    brand = await ctx.newBrand();
    editor = await ctx.newEditor(brand.brand, 'BRAND_EDITOR');
  });
  afterAll(() => ctx?.close());

  const create = (values: Record<string, unknown> = {}) =>
    ctx.drafts.createInOwnBrand(editor.ctx, 'TREATMENT', {
      slug: `peel-${++n}`,
      name: 'Chemical Peel',
      summary: 'First.',
      ...values,
    });
  const publish = (...items: ItemView[]) => ctx.publisher.publish(editor.ctx, items.map(refOf));
  const revisionsOf = async (id: string): Promise<string[]> =>
    (
      await ctx.db.query(`SELECT action FROM revisions WHERE entity_id = $1 ORDER BY id DESC`, [id])
    ).map((row: { action: string }) => row.action);
  /** The error a write failed with (a test fails when the write succeeded). */
  const failure = async (write: Promise<unknown>): Promise<DomainError> => {
    const error = await write.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  };

  it('does not write a save that changes nothing', async () => {
    const [live] = await publish(await create());
    const same = await ctx.drafts.update(editor.ctx, refOf(live), {
      summary: 'First.',
      name: 'Chemical Peel',
    });
    expect(same).toMatchObject({ version: live.version, hasDraft: false });
    expect(await revisionsOf(live.id)).toEqual(['PUBLISH', 'CREATE']);
  });

  it('refuses a stale version with CONFLICT carrying the current version, and overwrites nothing', async () => {
    const created = await create();
    await ctx.drafts.update(editor.ctx, refOf(created), { summary: 'Mine.' });
    const stale = await failure(ctx.drafts.update(editor.ctx, refOf(created), { summary: 'No.' }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details).toMatchObject({ currentVersion: 2 });
    expect((await ctx.reads.get(editor.ctx, 'TREATMENT', created.id)).values.summary).toBe('Mine.');
  });

  it('applies exactly one of 20 concurrent updates based on the same version', async () => {
    const created = await create();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        ctx.drafts.update(editor.ctx, refOf(created), { summary: `Attempt ${i}.` }),
      ),
    );
    const applied = results.filter((result) => result.status === 'fulfilled');
    const conflicts = results.filter(
      (result) => result.status === 'rejected' && result.reason?.code === 'CONFLICT',
    );
    expect(applied).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    expect(await revisionsOf(created.id)).toEqual(['UPDATE', 'CREATE']);
    const [{ after }] = await ctx.db.query(
      `SELECT after FROM revisions WHERE entity_id = $1 AND action = 'UPDATE'`,
      [created.id],
    );
    expect(after.summary).toBe(applied[0].value.values.summary);
  });

  it('serializes concurrent publishes of the same items: one applies, the rest conflict', async () => {
    const a = await create();
    const b = await create();
    // Two overlapping changesets, named in opposite orders, ten times each.
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? publish(a, b) : publish(b, a))),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter(
        (result) => result.status === 'rejected' && result.reason?.code === 'CONFLICT',
      ),
    ).toHaveLength(19);
    for (const item of [a, b]) expect(await revisionsOf(item.id)).toEqual(['PUBLISH', 'CREATE']);
  });

  it('publishes a changeset all or nothing, naming the stale item', async () => {
    const a = await create();
    const b = await create();
    const stale = await failure(
      ctx.publisher.publish(editor.ctx, [refOf(a), { ...refOf(b), version: 99 }]),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details).toMatchObject({ type: 'TREATMENT', id: b.id, currentVersion: 1 });
    const statuses = async () =>
      (
        await ctx.db.query(`SELECT publication_status FROM treatments WHERE id = ANY($1) `, [
          [a.id, b.id],
        ])
      ).map((row: { publication_status: string }) => row.publication_status);
    expect(await statuses()).toEqual(['DRAFT', 'DRAFT']);
    await publish(a, b);
    expect(await statuses()).toEqual(['PUBLISHED', 'PUBLISHED']);
  });

  it('refuses a changeset naming an item twice as stale, applying none of it', async () => {
    const twice = await create();
    const refused = await failure(publish(twice, twice));
    expect(refused.code).toBe('CONFLICT');
    expect(await revisionsOf(twice.id)).toEqual(['CREATE']);
  });

  it('takes an item’s region and clinic overrides with it when its deletion is published', async () => {
    const [live] = await publish(await create());
    const clinic = await ctx.newClinic(brand);
    await ctx.db.query(
      `INSERT INTO overrides (brand_id, scope, region_id, clinic_id, entity_type, entity_id, field, value, publication_status)
       VALUES ($1, 'REGION', $2, NULL, 'TREATMENT', $4, 'summary', '"Regional."', 'PUBLISHED'),
              ($1, 'CLINIC', NULL, $3, 'TREATMENT', $4, 'summary', '"Local."', 'PUBLISHED')`,
      [brand.brand, brand.region, clinic, live.id],
    );
    const overrides = async () =>
      (
        await ctx.db.query(`SELECT count(*)::int AS n FROM overrides WHERE entity_id = $1`, [
          live.id,
        ])
      )[0].n;
    const staged = await ctx.drafts.remove(editor.ctx, refOf(live));
    expect(staged.pendingDelete).toBe(true);
    expect(await overrides()).toBe(2); // live until the deletion is published
    await publish(staged);
    expect(await overrides()).toBe(0);
    expect(await ctx.db.query(`SELECT id FROM treatments WHERE id = $1`, [live.id])).toEqual([]);
  });

  it('refuses a changeset whose deletion takes a later item of it along, applying none of it', async () => {
    const faq = await ctx.published(
      editor.ctx,
      'FAQ',
      { brand_id: brand.brand },
      { question: 'Gone?', answer: 'Soon.', position: 1 },
    );
    // A clinic's hide of the FAQ (an override of it), as a draft: deleting the FAQ deletes it too.
    const hide = await ctx.drafts.create(
      editor.ctx,
      'OVERRIDE',
      {
        brand_id: brand.brand,
        scope: 'CLINIC',
        clinic_id: brand.clinic,
        entity_type: 'FAQ',
        entity_id: faq.id,
        field: 'hidden',
      },
      { value: true, baseValue: false },
    );
    const staged = await ctx.drafts.remove(editor.ctx, refOf(faq));
    // FAQ before OVERRIDE in the changeset's lock order: the FAQ's deletion is applied first.
    const refused = await failure(ctx.publisher.publish(editor.ctx, [refOf(hide), refOf(staged)]));
    expect(refused.code).toBe('NOT_FOUND');
    const [row] = await ctx.db.query(`SELECT publication_status FROM faqs WHERE id = $1`, [faq.id]);
    expect(row).toEqual({ publication_status: 'PUBLISHED' });
    expect((await ctx.reads.get(editor.ctx, 'OVERRIDE', hide.id)).version).toBe(hide.version);
  });

  it('keeps an editor of one clinic to that clinic, writing nothing elsewhere', async () => {
    const other = await ctx.newClinic(brand, { name: 'Other Clinic' });
    const austin = await ctx.newEditor(brand.brand, 'CLINIC_EDITOR', { clinicIds: [brand.clinic] });
    const own = await ctx.reads.get(austin.ctx, 'CLINIC', brand.clinic);
    await ctx.drafts.update(austin.ctx, refOf(own), { phone: '+1 512-555-0199' });
    const refused = await failure(
      ctx.drafts.update(austin.ctx, { type: 'CLINIC', id: other, version: 1 }, { phone: 'x' }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(await revisionsOf(other)).toEqual([]);
  });
});
