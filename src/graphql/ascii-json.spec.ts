import { withAsciiStrings } from './ascii-json';

describe('withAsciiStrings', () => {
  const value = {
    label: 'Single session — Micro-needling',
    plain: 'ascii only',
    latin1: 'Zoë',
    astral: 'needle 💉',
    lone: 'half \ud83d',
    count: 3,
    none: null,
    flags: [true, false],
    nested: { list: ['été', 'summer', { deep: '—' }] },
  };

  it('stringifies to ASCII text that parses to the same values', () => {
    const text = JSON.stringify(withAsciiStrings(value));
    expect(/[\u0080-\uffff]/.test(text)).toBe(false);
    expect(text).toContain('"Single session \\u2014 Micro-needling"');
    expect(text).toContain('"needle \\ud83d\\udc89"');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('copies only what it changes, and leaves the value it was given as it was', () => {
    const before = structuredClone(value);
    const escaped = withAsciiStrings(value);
    expect(value).toEqual(before);
    expect(escaped).not.toBe(value);
    expect(escaped.flags).toBe(value.flags);
    expect(escaped.nested).not.toBe(value.nested);
    const ascii = { a: 'b', list: ['c', { d: 1 }] };
    expect(withAsciiStrings(ascii)).toBe(ascii);
  });
});
