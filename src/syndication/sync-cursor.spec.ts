import { DomainError } from '../common/domain-error';
import { decodeSyncCursor, encodeSyncCursor, SyncCursor } from './sync-cursor';

const BRAND = '0b4c5b6e-2f4a-4c1e-9a51-2f0d2b7f1a10';
const OTHER = '7d1f4a8e-1c2b-4e5f-8a9b-0c1d2e3f4a5b';
const ITEM = '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c';
const EPOCH = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';

function refusal(value: string, brandId = BRAND): DomainError {
  try {
    decodeSyncCursor(value, brandId);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`expected ${value} to be refused`);
}

describe('sync cursors', () => {
  it.each<SyncCursor>([
    { brandId: BRAND, epoch: EPOCH, phase: 'CHANGES', seq: 0n },
    { brandId: BRAND, epoch: EPOCH, phase: 'CHANGES', seq: 9_007_199_254_740_993n },
    { brandId: BRAND, epoch: EPOCH, phase: 'SNAPSHOT', upTo: 42n, typeIndex: 0, lastId: null },
    { brandId: BRAND, epoch: EPOCH, phase: 'SNAPSHOT', upTo: 7n, typeIndex: 3, lastId: ITEM },
    { brandId: BRAND, epoch: null, phase: 'CHANGES', seq: 12n },
  ])('round-trips %o', (cursor) => {
    const encoded = encodeSyncCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSyncCursor(encoded, BRAND)).toEqual(cursor);
  });

  it('reads a cursor given out before epochs (v1) as one without an epoch', () => {
    const v1 = Buffer.from(`v1:${BRAND}:c:12`).toString('base64url');
    expect(decodeSyncCursor(v1, BRAND)).toEqual({
      brandId: BRAND,
      epoch: null,
      phase: 'CHANGES',
      seq: 12n,
    });
  });

  it('refuses a cursor of another brand with BAD_USER_INPUT naming `after`', () => {
    const theirs = encodeSyncCursor({ brandId: OTHER, epoch: EPOCH, phase: 'CHANGES', seq: 5n });
    const error = refusal(theirs);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ argument: 'after' });
    expect(error.message).toMatch(/another brand/);
  });

  it.each([
    '',
    'not a cursor',
    '!!!',
    Buffer.from('faqs:3').toString('base64url'), // a connection cursor
    Buffer.from(`v1:${BRAND}:c:-1`).toString('base64url'),
    Buffer.from(`v1:${BRAND}:c:12345678901234567890`).toString('base64url'),
    Buffer.from(`v1:${BRAND}:c:9223372036854775808`).toString('base64url'), // > bigint
    Buffer.from(`v1:${BRAND}:s:1:4:`).toString('base64url'), // no such type
    Buffer.from(`v1:${BRAND}:s:1:0:not-a-uuid`).toString('base64url'),
    Buffer.from(`v2:${BRAND}:c:1`).toString('base64url'),
    'x'.repeat(500),
  ])('refuses malformed cursor %p with BAD_USER_INPUT', (value) => {
    const error = refusal(value);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^after: is not a sync cursor/);
  });
});
