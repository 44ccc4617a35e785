import {
  dataOf,
  errorOf,
  ITEM,
  LUMEN,
  publish,
  publishedTreatment,
  setSummaryAtAustin,
} from './helpers/editing';
import { startIsolatedTestApp } from './helpers/isolated-app';
import { loginAs } from './helpers/login';
import type { TestApp } from './helpers/test-app';

type Headers = Record<string, string>;

const EDITABLE = `query($search: String) {
  editableClinics(search: $search) {
    slug
    workSummary { draftCount staleOverrideCount missingRequiredCount }
  }
}`;
const CAN = `query($slug: String!) {
  clinic(brand: "lumen-aesthetics", slug: $slug, preview: true) {
    viewerCan {
      edit { allowed reason }
      editBrandFields { allowed reason }
      publish { allowed reason }
      delete { allowed reason }
    }
  }
}`;

describe('what an editor may edit: editableClinics, viewerCan, workSummary', () => {
  let app: TestApp;
  let editor: Headers;
  let texas: Headers;
  let austin: Headers;

  // Its own database: the counts below must not see other specs' drafts.
  beforeAll(async () => {
    app = await startIsolatedTestApp();
    [editor, texas, austin] = await Promise.all([
      loginAs(app, 'editor'),
      loginAs(app, 'texas'),
      loginAs(app, 'austin'),
    ]);
  });
  afterAll(() => app.close());

  const slugs = async (headers: Headers, search?: string) =>
    dataOf(await app.graphql(EDITABLE, { search }, headers)).editableClinics.map(
      (clinic: { slug: string }) => clinic.slug,
    );
  const summaryOf = async (slug: string) =>
    dataOf(await app.graphql(EDITABLE, {}, austin)).editableClinics.find(
      (clinic: { slug: string }) => clinic.slug === slug,
    ).workSummary;

  it('lists the clinics each role may edit, searchable by name or city', async () => {
    expect(await slugs(austin)).toEqual(['austin-downtown']);
    expect(await slugs(texas)).toEqual(['austin-downtown', 'dallas-uptown', 'houston-galleria']);
    expect(await slugs(editor)).toHaveLength(5);
    expect(await slugs(texas, 'dAL')).toEqual(['dallas-uptown']);
    expect(await slugs(editor, 'boulder')).toEqual(['boulder-pearl-street']);
    expect(await slugs(texas, 'denver')).toEqual([]);
    // LIKE wildcards are matched as text.
    expect(await slugs(editor, '%')).toEqual([]);
  });

  it('refuses anonymous callers', async () => {
    expect(errorOf(await app.graphql(EDITABLE, {}))?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('tells the caller’s rights on a clinic, with the reason for each refusal', async () => {
    const own = dataOf(await app.graphql(CAN, { slug: 'austin-downtown' }, austin)).clinic;
    expect(own.viewerCan.edit).toEqual({ allowed: true, reason: null });
    expect(own.viewerCan.publish.allowed).toBe(true);
    expect(own.viewerCan.editBrandFields).toEqual({
      allowed: false,
      reason: 'Only brand editors may change these fields',
    });

    const other = dataOf(await app.graphql(CAN, { slug: 'denver-cherry-creek' }, austin)).clinic;
    expect(other.viewerCan.edit).toEqual({
      allowed: false,
      reason: 'This is not one of the clinics you edit',
    });
    const outside = dataOf(await app.graphql(CAN, { slug: 'denver-cherry-creek' }, texas)).clinic;
    expect(outside.viewerCan.delete.reason).toBe('This is outside the regions you edit');

    const brandWide = dataOf(
      await app.graphql(CAN, { slug: 'denver-cherry-creek' }, editor),
    ).clinic;
    expect(brandWide.viewerCan.editBrandFields.allowed).toBe(true);
  });

  it('matches what the API then does: a refused edit is refused by the mutation too', async () => {
    const denver = await app.graphql(
      `mutation($input: UpdateClinicInput!) { updateClinic(input: $input) { ${ITEM} } }`,
      { input: { id: LUMEN.denver, version: 1, phone: '+1 303 555 0100' } },
      austin,
    );
    expect(errorOf(denver)?.extensions.code).toBe('FORBIDDEN');
  });

  it('counts the drafts, stale overrides and missing required values waiting at a clinic', async () => {
    const initial = await summaryOf('austin-downtown');
    const treatment = await publishedTreatment(app, editor);
    // The new treatment is offered here and has a CLINIC_REQUIRED field (the seed's policy).
    const before = await summaryOf('austin-downtown');
    expect(before).toEqual({
      ...initial,
      missingRequiredCount: initial.missingRequiredCount + 1,
    });
    const summaryDraft = dataOf(await setSummaryAtAustin(app, austin, treatment, 'Local.'))
      .setOverride.item;
    expect((await summaryOf('austin-downtown')).draftCount).toBe(before.draftCount + 1);

    await publish(app, austin, [summaryDraft]);
    const brandEdit = dataOf(
      await app.graphql(
        `mutation($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { ${ITEM} } }`,
        { input: { id: treatment.id, version: treatment.version, summary: 'New brand summary.' } },
        editor,
      ),
    ).updateTreatment;
    await publish(app, editor, [brandEdit]);
    expect(await summaryOf('austin-downtown')).toEqual({
      ...before,
      staleOverrideCount: before.staleOverrideCount + 1,
    });
  });
});
