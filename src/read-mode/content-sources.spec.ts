import { CONTENT_TYPE_DEFS, storedColumns } from '../content-types/registry';
import { ContentSources } from './content-sources';
import { modeKey, previewOf, PUBLISHED } from './read-mode';

const BRAND = '0b6c6f3e-8d2a-4c55-9f0e-2d7a1c3b4e5f';
const EDITORIAL = ['publication_status', 'draft', 'published_at', 'created_at'];

/** Columns as the entities map them: each definition's stored columns, or a link's two. */
function columnsOf(table: string): string[] | undefined {
  const link = Object.values(CONTENT_TYPE_DEFS)
    .flatMap((d) => Object.values(d.links ?? {}))
    .find((l) => l.table === table);
  if (link) return [link.ownColumn, link.otherColumn];
  const def = Object.values(CONTENT_TYPE_DEFS).find((d) => d.table === table);
  if (!def) return undefined;
  return [...Object.values(storedColumns(def)).map((c) => c.column), ...EDITORIAL];
}

describe('ContentSources', () => {
  const sources = new ContentSources(columnsOf);

  it('reads published rows of editorial tables, and link tables as stored', () => {
    const from = sources.of(PUBLISHED);
    expect(from('treatments')).toBe(
      `(SELECT * FROM treatments WHERE publication_status = 'PUBLISHED')`,
    );
    expect(from('faq_treatments')).toBe('faq_treatments');
  });

  it('overlays a brand’s drafts column by column in preview', () => {
    const sql = sources.of(previewOf(BRAND))('treatments');
    // Draft keys are property names; columns keep their own names.
    expect(sql).toContain(
      `CASE WHEN x.draft ? 'combinesWith' THEN jsonb_build_object('combines_with', x.draft -> 'combinesWith')`,
    );
    // Editable columns come from the overlay, the rest from the stored row.
    expect(sql).toMatch(/SELECT x\.id, x\.brand_id, r\.slug, r\.name,/);
    expect(sql).toContain(`WHERE x.brand_id = '${BRAND}'::uuid`);
    expect(sql).toContain(`NOT coalesce(x.draft @> '{"_delete": true}', false)`);
  });

  it('overlays drafted field policies like every other editorial table', () => {
    const sql = sources.of(previewOf(BRAND))('field_policies');
    expect(sql).toContain(
      `CASE WHEN x.draft ? 'policy' THEN jsonb_build_object('policy', x.draft -> 'policy')`,
    );
  });

  it('finds the brand of rows without a brand_id through their scope', () => {
    const sql = sources.of(previewOf(BRAND))('price_items');
    expect(sql).toContain('FROM clinic_treatments ct JOIN clinics c ON c.id = ct.clinic_id');
    expect(sql).toContain(`WHERE s.brand_id = '${BRAND}'::uuid`);
  });

  it('takes an owner’s draft list of links in place of its stored links', () => {
    const sql = sources.of(previewOf(BRAND))('provider_clinics');
    expect(sql).toContain(`WHERE NOT coalesce(o.draft ? 'clinicIds', false)`);
    expect(sql).toContain(`jsonb_array_elements_text(`);
  });

  it('refuses to start when a table or an editable column has no mapping', () => {
    expect(() => new ContentSources((t) => (t === 'faqs' ? undefined : columnsOf(t)))).toThrow(
      /no entity maps the table faqs/,
    );
    expect(
      () =>
        new ContentSources((t) =>
          t === 'treatments' ? columnsOf(t)!.filter((c) => c !== 'combines_with') : columnsOf(t),
        ),
    ).toThrow(/treatments\.combines_with \(combinesWith\) is not a column/);
  });
});

describe('read modes', () => {
  it('name each brand’s preview apart from published reads', () => {
    expect(modeKey(PUBLISHED)).toBe('PUBLISHED');
    expect(modeKey(previewOf(BRAND))).toBe(`PREVIEW:${BRAND}`);
  });

  it('accept only a brand id, since it is written into SQL', () => {
    expect(() => previewOf(`x' OR true --`)).toThrow(/not a brand id/);
  });
});
