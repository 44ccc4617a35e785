import { DomainError } from '../common/domain-error';
import { decodeDriftCursor, DriftKey, encodeDriftCursor } from './drift-cursor';

describe('drift report cursors', () => {
  const key: DriftKey = [
    'Austin “Downtown”',
    '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    'Micro-Needling',
    '6fa459ea-ee8a-3ca4-894e-db77e160355e',
    'summary',
    'STALE',
  ];

  it('round-trips the row key', () => {
    expect(decodeDriftCursor(encodeDriftCursor(key))).toEqual(key);
  });

  it.each([
    ['another list’s cursor', Buffer.from('revisions:3').toString('base64url')],
    ['not JSON', Buffer.from('drift:[oops').toString('base64url')],
    ['a short key', Buffer.from('drift:["a","b"]').toString('base64url')],
    ['a key with numbers', Buffer.from('drift:[1,2,3,4,5,6]').toString('base64url')],
    ['garbage', '%%%'],
  ])('refuses %s as bad input naming `after`', (_name, cursor) => {
    expect(() => decodeDriftCursor(cursor)).toThrow(DomainError);
    try {
      decodeDriftCursor(cursor);
    } catch (error) {
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      expect((error as DomainError).details).toEqual({ argument: 'after' });
    }
  });
});
