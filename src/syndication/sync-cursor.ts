import { badInput } from '../common/domain-error';
import { SYNDICATED_TYPES } from './syndicated-types';

/**
 * Where a partner's sync stands. A first sync walks the published state
 * (SNAPSHOT: type by type, by id) and then the changes after `upTo`, the
 * feed's position when it started; after that, CHANGES carries the last
 * change sequence the partner has seen.
 *
 * `epoch` is the deployment epoch the positions belong to (see
 * migrations/…-deployment-epoch.ts): a restore starts a new one. Cursors
 * given out before epochs existed (v1) carry none.
 */
export type SyncCursor = { brandId: string; epoch: string | null } & (
  | {
      phase: 'SNAPSHOT';
      /** The change sequence the snapshot started at: changes after it follow. */
      upTo: bigint;
      /** Index into SYNDICATED_TYPES of the type being listed. */
      typeIndex: number;
      /** The last id listed of that type; null before the first. */
      lastId: string | null;
    }
  | { phase: 'CHANGES'; seq: bigint }
);

/** PostgreSQL's bigint: a larger number cannot be a position this API gave out. */
const MAX_SEQ = 9_223_372_036_854_775_807n;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// v2 = v1 plus the epoch after the brand.
const CURSOR = new RegExp(
  `^(?:v1:(${UUID})|v2:(${UUID}):(${UUID})):(?:c:(\\d{1,19})|s:(\\d{1,19}):(\\d):(${UUID})?)$`,
);

/** Opaque to partners: base64url of a versioned, brand- and epoch-bound position. */
export function encodeSyncCursor(cursor: SyncCursor): string {
  const position =
    cursor.phase === 'SNAPSHOT'
      ? `s:${cursor.upTo}:${cursor.typeIndex}:${cursor.lastId ?? ''}`
      : `c:${cursor.seq}`;
  const text = cursor.epoch
    ? `v2:${cursor.brandId}:${cursor.epoch}:${position}`
    : `v1:${cursor.brandId}:${position}`;
  return Buffer.from(text).toString('base64url');
}

/**
 * Reads a cursor this API gave out for `brandId`. Anything else (garbage, a
 * cursor of another brand, one of an unknown version) is BAD_USER_INPUT, so a
 * mix-up fails loudly instead of silently syncing from the wrong place.
 * Whether its epoch is still current is the feed's check.
 */
export function decodeSyncCursor(value: string, brandId: string): SyncCursor {
  const text = /^[A-Za-z0-9_-]{1,300}$/.test(value)
    ? Buffer.from(value, 'base64url').toString('utf8')
    : '';
  const match = CURSOR.exec(text);
  if (!match) {
    throw badInput('after', 'is not a sync cursor: pass the endCursor of your last sync, or none');
  }
  const [, v1Brand, v2Brand, epoch, changesSeq, upTo, typeIndexText, lastId] = match;
  const cursorBrand = v1Brand ?? v2Brand;
  if (cursorBrand !== brandId.toLowerCase()) {
    throw badInput('after', 'is a cursor of another brand: sync each brand with its own cursor');
  }
  const seq = BigInt(changesSeq ?? upTo);
  const typeIndex = Number(typeIndexText ?? 0);
  if (seq > MAX_SEQ || typeIndex >= SYNDICATED_TYPES.length) {
    throw badInput('after', 'is not a sync cursor: pass the endCursor of your last sync, or none');
  }
  const base = { brandId: cursorBrand, epoch: epoch ?? null };
  if (changesSeq !== undefined) return { ...base, phase: 'CHANGES', seq };
  return { ...base, phase: 'SNAPSHOT', upTo: seq, typeIndex, lastId: lastId ?? null };
}
