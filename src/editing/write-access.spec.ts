import { type Actor, type EditorRole } from '../auth/actor';
import { CONTENT_TYPE_DEFS, DELETE_MARK } from '../content-types/registry';
import type { ItemState } from './item-view';
import {
  assertMayChangeStatus,
  assertMayEdit,
  assertMayPublish,
  mayReadItem,
} from './write-access';

const BRAND = 'brand-a';
const user = (role: EditorRole, clinicIds: string[] = [], brandId = BRAND): Actor => ({
  kind: 'USER',
  userId: 'u',
  sessionId: 's',
  brandId,
  email: 'e@x.example',
  role,
  regionIds: [],
  clinicIds,
});
const brandEditor = user('BRAND_EDITOR');
const austinEditor = user('CLINIC_EDITOR', ['austin']);

/** A provider of the brand who works at Austin: a canonical item with local fields. */
const provider = (status: string, draft: Record<string, unknown>): ItemState => ({
  def: CONTENT_TYPE_DEFS.PROVIDER,
  row: { id: 'p-1', version: 3, publication_status: status },
  scope: { brandId: BRAND, level: 'BRAND', regionIds: ['tx'], clinicIds: ['austin'] },
  published: {},
  draft,
});
const code = (check: () => unknown) => {
  try {
    check();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'ALLOWED';
};

describe('write access on a stored item', () => {
  it('lets the brand’s editors read it, and no other brand', () => {
    const item = provider('PUBLISHED', {});
    expect(mayReadItem(austinEditor, item.scope)).toBe(true);
    expect(mayReadItem(user('BRAND_EDITOR', [], 'brand-b'), item.scope)).toBe(false);
  });

  it('lets a clinic editor edit a provider’s local fields only', () => {
    const item = provider('PUBLISHED', {});
    expect(code(() => assertMayEdit(austinEditor, item, ['bio']))).toBe('ALLOWED');
    expect(code(() => assertMayEdit(austinEditor, item, ['name']))).toBe('FORBIDDEN');
  });

  it('says whether a publish may also put the item live', () => {
    expect(assertMayPublish(brandEditor, provider('DRAFT', {}))).toBe(true);
    // A clinic editor's bio change of a provider off the site: applied, the status left alone.
    expect(assertMayPublish(austinEditor, provider('DRAFT', { bio: 'New.' }))).toBe(false);
    expect(assertMayPublish(austinEditor, provider('PUBLISHED', { bio: 'New.' }))).toBe(false);
  });

  it('refuses a publish that would only change whether the item is live to editors without that right', () => {
    expect(code(() => assertMayPublish(austinEditor, provider('DRAFT', {})))).toBe('FORBIDDEN');
    const staged = provider('PUBLISHED', { [DELETE_MARK]: true });
    expect(code(() => assertMayPublish(austinEditor, staged))).toBe('FORBIDDEN');
    expect(code(() => assertMayPublish(brandEditor, staged))).toBe('ALLOWED');
  });

  it('keeps unpublishing and deleting a brand item to brand-wide editors', () => {
    const item = provider('PUBLISHED', {});
    expect(code(() => assertMayChangeStatus(brandEditor, item))).toBe('ALLOWED');
    expect(code(() => assertMayChangeStatus(austinEditor, item))).toBe('FORBIDDEN');
  });
});
