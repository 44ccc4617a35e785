import { badInput } from '../common/domain-error';

/**
 * Where a drift row sits in the report's order: place name, place id,
 * treatment name, treatment id, field, kind. Unique per row, so a page
 * continues strictly after the last row seen (keyset pagination): rows
 * resolved or added meanwhile never shift the next page.
 */
export type DriftKey = [string, string, string, string, string, string];

const PREFIX = 'drift:';

export function encodeDriftCursor(key: DriftKey): string {
  return Buffer.from(PREFIX + JSON.stringify(key)).toString('base64url');
}

export function decodeDriftCursor(cursor: string): DriftKey {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  let key: unknown;
  try {
    key = text.startsWith(PREFIX) ? JSON.parse(text.slice(PREFIX.length)) : null;
  } catch {
    key = null;
  }
  if (
    !Array.isArray(key) ||
    key.length !== 6 ||
    !key.every((part) => typeof part === 'string' && part.length <= 500)
  ) {
    throw badInput(
      'after',
      'is not a cursor of the drift report; use a pageInfo.endCursor it returned',
    );
  }
  return key as DriftKey;
}
