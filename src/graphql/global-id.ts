import { badInput } from '../common/domain-error';
import { previewOf, PUBLISHED, type ReadMode } from '../read-mode/read-mode';

/**
 * The delivered types, each with the code it has inside a global id. A code
 * is never reused or renumbered: ids stored by clients must keep working.
 */
const TYPE_CODES = {
  Brand: 1,
  Region: 2,
  Clinic: 3,
  Treatment: 4,
  Faq: 5,
  Provider: 6,
  PriceItem: 7,
} as const;
export type NodeType = keyof typeof TYPE_CODES;
const TYPE_OF_CODE = new Map<number, NodeType>(
  Object.entries(TYPE_CODES).map(([type, code]) => [code, type as NodeType]),
);
/** Types resolved for a clinic: with a clinic always (prices) or when shown at one. */
const CLINIC_SCOPE: Record<NodeType, 'NEVER' | 'MAYBE' | 'ALWAYS'> = {
  Brand: 'NEVER',
  Region: 'NEVER',
  Clinic: 'NEVER',
  Treatment: 'MAYBE',
  Faq: 'MAYBE',
  Provider: 'MAYBE',
  PriceItem: 'ALWAYS',
};

/** A point distances are measured from. */
export interface NearPoint {
  lat: number;
  lng: number;
}

/**
 * Everything a delivered object's field values depend on. Client caches
 * (Apollo Client, urql Graphcache, Relay) merge objects with the same
 * typename and id, so the id names all of it: the item, the clinic it is
 * resolved for, the mode (published or a brand's working copy) and, for a
 * clinic listed by distance, the point `distanceKm` is measured from.
 */
export interface NodeKey {
  type: NodeType;
  /** The canonical item's id (`itemId` in the schema). */
  itemId: string;
  /** The clinic the object is resolved for; null for brand versions. */
  clinicId: string | null;
  mode: ReadMode;
  near: NearPoint | null;
}

const VERSION = 1;
const HAS_CLINIC = 1;
const IS_PREVIEW = 2;
const HAS_NEAR = 4;
const HEADER = 3; // version, type code, flags
const UUID_BYTES = 16;
const POINT_BYTES = 16;

/**
 * The opaque global id of a delivered object: base64url of a version byte,
 * the type code, flags, the item's UUID, then the clinic's UUID, the
 * previewed brand's UUID and the near point where present. Compact (a
 * clinic's treatment is 47 characters) because a page repeats it per object.
 */
export function encodeGlobalId(key: Omit<NodeKey, 'near'> & { near?: NearPoint | null }): string {
  const preview = key.mode.kind === 'PREVIEW' ? key.mode.brandId : null;
  const flags =
    (key.clinicId ? HAS_CLINIC : 0) | (preview ? IS_PREVIEW : 0) | (key.near ? HAS_NEAR : 0);
  const bytes = Buffer.allocUnsafe(sizeOf(flags));
  bytes[0] = VERSION;
  bytes[1] = TYPE_CODES[key.type];
  bytes[2] = flags;
  let offset = writeUuid(bytes, HEADER, key.itemId);
  if (key.clinicId) offset = writeUuid(bytes, offset, key.clinicId);
  if (preview) offset = writeUuid(bytes, offset, preview);
  if (key.near) {
    bytes.writeDoubleBE(key.near.lat, offset);
    bytes.writeDoubleBE(key.near.lng, offset + 8);
  }
  return bytes.toString('base64url');
}

/** The key inside a global id; BAD_USER_INPUT naming `argument` for anything else. */
export function decodeGlobalId(id: string, argument = 'id'): NodeKey {
  const refuse = () =>
    badInput(argument, 'is not an id this API issued (use the `id` of a delivered object)');
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id)) throw refuse();
  const bytes = Buffer.from(id, 'base64url');
  if (bytes.length < HEADER + UUID_BYTES || bytes.readUInt8(0) !== VERSION) throw refuse();
  const type = TYPE_OF_CODE.get(bytes.readUInt8(1));
  const flags = bytes.readUInt8(2);
  if (!type || flags & ~(HAS_CLINIC | IS_PREVIEW | HAS_NEAR)) throw refuse();
  const scope = CLINIC_SCOPE[type];
  if (
    (flags & HAS_CLINIC ? scope === 'NEVER' : scope === 'ALWAYS') ||
    (flags & HAS_NEAR && type !== 'Clinic')
  ) {
    throw refuse();
  }
  // Re-encoding must give the same text: no trailing bits, no second spelling.
  if (bytes.length !== sizeOf(flags) || bytes.toString('base64url') !== id) throw refuse();

  let offset = HEADER;
  const nextUuid = () => uuidText(bytes.subarray(offset, (offset += UUID_BYTES)));
  const itemId = nextUuid();
  const clinicId = flags & HAS_CLINIC ? nextUuid() : null;
  const mode = flags & IS_PREVIEW ? previewOf(nextUuid()) : PUBLISHED;
  let near: NearPoint | null = null;
  if (flags & HAS_NEAR) {
    near = { lat: bytes.readDoubleBE(offset), lng: bytes.readDoubleBE(offset + 8) };
    if (!(Math.abs(near.lat) <= 90 && Math.abs(near.lng) <= 180)) throw refuse();
  }
  return { type, itemId, clinicId, mode, near };
}

/** The length of an id with these flags. */
function sizeOf(flags: number): number {
  return (
    HEADER +
    UUID_BYTES +
    (flags & HAS_CLINIC ? UUID_BYTES : 0) +
    (flags & IS_PREVIEW ? UUID_BYTES : 0) +
    (flags & HAS_NEAR ? POINT_BYTES : 0)
  );
}

/** Where each of a UUID's 16 bytes starts in its text (dashes at 8, 13, 18 and 23). */
const UUID_BYTE_AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
/** A hex digit's value by character code; -1 for anything else. */
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 16; digit++) {
  HEX_VALUE['0123456789abcdef'.charCodeAt(digit)] = digit;
  HEX_VALUE['0123456789ABCDEF'.charCodeAt(digit)] = digit;
}
const DASH = 45;

/**
 * Writes a UUID's 16 bytes at `offset`; returns the offset after them. Read
 * digit by digit: a page encodes an id per object, and a regular expression,
 * five slices and five hex writes per UUID were 3 % of a FAQ page's CPU.
 */
function writeUuid(bytes: Buffer, offset: number, uuid: string): number {
  const dashes =
    uuid.length === 36 &&
    uuid.charCodeAt(8) === DASH &&
    uuid.charCodeAt(13) === DASH &&
    uuid.charCodeAt(18) === DASH &&
    uuid.charCodeAt(23) === DASH;
  if (!dashes) throw new Error(`encodeGlobalId: not a UUID: ${uuid}`);
  for (let i = 0; i < UUID_BYTES; i++) {
    const at = UUID_BYTE_AT[i];
    const high = HEX_VALUE[uuid.charCodeAt(at)] ?? -1;
    const low = HEX_VALUE[uuid.charCodeAt(at + 1)] ?? -1;
    if (high < 0 || low < 0) throw new Error(`encodeGlobalId: not a UUID: ${uuid}`);
    bytes[offset + i] = (high << 4) | low;
  }
  return offset + UUID_BYTES;
}

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
