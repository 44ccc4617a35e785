import { badInput } from '../common/domain-error';
import { SYNDICATED_TYPES } from './syndicated-types';

/**
 * Where a partner's sync stands. A first sync walks the published state
 * (SNAPSHOT: type by type, by id) and then the changes after `upTo`, the
 * feed's position when it started; after that, CHANGES carries the last
 * change sequence the partner has seen.
 */
export type SyncCursor =
  | {
      brandId: string;
      phase: 'SNAPSHOT';
      /** The change sequence the snapshot started at: changes after it follow. */
      upTo: bigint;
      /** Index into SYNDICATED_TYPES of the type being listed. */
      typeIndex: number;
      /** The last id listed of that type; null before the first. */
      lastId: string | null;
    }
  | { brandId: string; phase: 'CHANGES'; seq: bigint };

/** PostgreSQL's bigint: a larger number cannot be a position this API gave out. */
const MAX_SEQ = 9_223_372_036_854_775_807n;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SNAPSHOT = new RegExp(`^v1:(${UUID}):s:(\\d{1,19}):(\\d):(${UUID})?$`);
const CHANGES = new RegExp(`^v1:(${UUID}):c:(\\d{1,19})$`);

/** Opaque to partners: base64url of a versioned, brand-bound position. */
export function encodeSyncCursor(cursor: SyncCursor): string {
  const text =
    cursor.phase === 'SNAPSHOT'
      ? `v1:${cursor.brandId}:s:${cursor.upTo}:${cursor.typeIndex}:${cursor.lastId ?? ''}`
      : `v1:${cursor.brandId}:c:${cursor.seq}`;
  return Buffer.from(text).toString('base64url');
}

/**
 * Reads a cursor this API gave out for `brandId`. Anything else (garbage, a
 * cursor of another brand, one of an unknown version) is BAD_USER_INPUT, so a
 * mix-up fails loudly instead of silently syncing from the wrong place.
 */
export function decodeSyncCursor(value: string, brandId: string): SyncCursor {
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(value)
    ? Buffer.from(value, 'base64url').toString('utf8')
    : '';
  const snapshot = SNAPSHOT.exec(text);
  const changes = CHANGES.exec(text);
  const cursorBrand = snapshot?.[1] ?? changes?.[1];
  if (!cursorBrand) {
    throw badInput('after', 'is not a sync cursor: pass the endCursor of your last sync, or none');
  }
  if (cursorBrand !== brandId.toLowerCase()) {
    throw badInput('after', 'is a cursor of another brand: sync each brand with its own cursor');
  }
  const seq = BigInt(changes?.[2] ?? snapshot![2]);
  const typeIndex = Number(snapshot?.[3] ?? 0);
  if (seq > MAX_SEQ || typeIndex >= SYNDICATED_TYPES.length) {
    throw badInput('after', 'is not a sync cursor: pass the endCursor of your last sync, or none');
  }
  if (changes) return { brandId: cursorBrand, phase: 'CHANGES', seq };
  return {
    brandId: cursorBrand,
    phase: 'SNAPSHOT',
    upTo: seq,
    typeIndex,
    lastId: snapshot![4] ?? null,
  };
}
