/**
 * What a delivery answer shows: the published state (anyone), or one
 * brand's working copy (drafts applied; for that brand's editors and
 * preview keys). The mode is chosen once per root field and travels
 * explicitly on every object and loader below it, so a preview answer never
 * mixes with a published one, and a response cache can key on `modeKey`.
 */
export type ReadMode =
  { readonly kind: 'PUBLISHED' } | { readonly kind: 'PREVIEW'; readonly brandId: string };

export const PUBLISHED: ReadMode = { kind: 'PUBLISHED' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The working copy of one brand. */
export function previewOf(brandId: string): ReadMode {
  // The id is written into SQL as a literal (see content-sources.ts).
  if (!UUID.test(brandId)) throw new Error(`previewOf: not a brand id: ${brandId}`);
  return { kind: 'PREVIEW', brandId: brandId.toLowerCase() };
}

/** A stable name of the mode, for loader (and any future cache) keys. */
export function modeKey(mode: ReadMode): string {
  return mode.kind === 'PUBLISHED' ? 'PUBLISHED' : `PREVIEW:${mode.brandId}`;
}
