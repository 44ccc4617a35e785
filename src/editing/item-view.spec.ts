import { CONTENT_TYPE_DEFS, DELETE_MARK } from '../content-types/registry';
import { assertVersion, type ItemState, toView } from './item-view';

const faq = (draft: Record<string, unknown>): ItemState => ({
  def: CONTENT_TYPE_DEFS.FAQ,
  row: { id: 'f-1', version: 5, publication_status: 'PUBLISHED', updated_at: new Date(0) },
  scope: { brandId: 'b', level: 'BRAND', regionIds: [], clinicIds: [] },
  published: { question: 'Q?', answer: 'A.' },
  draft,
});

describe('item view', () => {
  it('overlays the draft on the published values, the deletion mark kept out of both', () => {
    const view = toView(faq({ answer: 'B.', [DELETE_MARK]: true }));
    expect(view).toMatchObject({
      version: 5,
      hasDraft: true,
      pendingDelete: true,
      values: { question: 'Q?', answer: 'B.' },
      publishedValues: { question: 'Q?', answer: 'A.' },
      draftFields: ['answer'],
      publishedAt: null,
    });
    expect(view.values).not.toHaveProperty(DELETE_MARK);
  });

  it('refuses a write based on another version, naming the item', () => {
    expect(() => assertVersion(faq({}), 5)).not.toThrow();
    expect(() => assertVersion(faq({}), 4)).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        details: { currentVersion: 5, type: 'FAQ', id: 'f-1' },
      }),
    );
  });
});
