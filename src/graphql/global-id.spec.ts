import { DomainError } from '../common/domain-error';
import { previewOf, PUBLISHED } from '../read-mode/read-mode';
import { decodeGlobalId, encodeGlobalId, type NodeKey } from './global-id';

const ITEM = '0b5c8f0e-6a43-4a8e-9a55-1f0c6f6f6e01';
const CLINIC = '8d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
const BRAND = 'c80679f7-73f7-52dd-a4fe-81ccfee8897e';

const key = (changes: Partial<NodeKey>): NodeKey => ({
  type: 'Treatment',
  itemId: ITEM,
  clinicId: null,
  mode: PUBLISHED,
  near: null,
  ...changes,
});

const near = { lat: 1, lng: 2 };

/** An id with some bytes changed. */
const withBytes = (id: string, change: (bytes: Buffer) => void) => {
  const bytes = Buffer.from(id, 'base64url');
  change(bytes);
  return bytes.toString('base64url');
};

const refused = (id: string) => {
  try {
    decodeGlobalId(id);
  } catch (error) {
    return error instanceof DomainError && error.code === 'BAD_USER_INPUT';
  }
  return false;
};

describe('global ids', () => {
  it.each([
    key({}),
    key({ clinicId: CLINIC }),
    key({ clinicId: CLINIC, mode: previewOf(BRAND) }),
    key({ type: 'PriceItem', clinicId: CLINIC }),
    key({ type: 'Clinic', near: { lat: 30.2672, lng: -97.7431 } }),
    key({ type: 'Brand', mode: previewOf(BRAND) }),
  ])('round-trips %o', (original) => {
    expect(decodeGlobalId(encodeGlobalId(original))).toEqual(original);
  });

  it('differs whenever the context differs', () => {
    const ids = [
      key({}),
      key({ clinicId: CLINIC }),
      key({ mode: previewOf(BRAND) }),
      key({ clinicId: CLINIC, mode: previewOf(BRAND) }),
      key({ type: 'Faq' }),
    ].map(encodeGlobalId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is compact: a clinic’s treatment in 47 characters', () => {
    expect(encodeGlobalId(key({ clinicId: CLINIC }))).toHaveLength(47);
  });

  it('refuses what it did not issue', () => {
    const valid = encodeGlobalId(key({ clinicId: CLINIC }));
    expect(refused(valid)).toBe(false);
    for (const bad of [
      '',
      ITEM,
      'not an id',
      valid.slice(0, -1),
      `${valid}A`,
      `${valid}=`,
      // A price without its clinic, a brand with one, a treatment with a near point.
      withBytes(encodeGlobalId(key({ type: 'Brand' })), (bytes) => bytes.writeUInt8(7, 1)),
      withBytes(encodeGlobalId(key({ clinicId: CLINIC })), (bytes) => bytes.writeUInt8(1, 1)),
      withBytes(encodeGlobalId(key({ type: 'Clinic', near })), (bytes) => bytes.writeUInt8(4, 1)),
      // An unknown type, an unknown flag, a latitude out of range.
      withBytes(valid, (bytes) => bytes.writeUInt8(99, 1)),
      withBytes(valid, (bytes) => bytes.writeUInt8(8 | 1, 2)),
      withBytes(encodeGlobalId(key({ type: 'Clinic', near })), (bytes) =>
        bytes.writeDoubleBE(91, bytes.length - 16),
      ),
    ]) {
      expect([bad, refused(bad)]).toEqual([bad, true]);
    }
  });
});
