import { TextMemo } from './text-memo';

describe('TextMemo', () => {
  const counting = () => {
    const calls: string[] = [];
    const compute = (key: string) => () => {
      calls.push(key);
      return key.toUpperCase();
    };
    return { calls, compute };
  };

  it('computes each text once while it stays within the budget', () => {
    const memo = new TextMemo<string>(100);
    const { calls, compute } = counting();
    expect(memo.get('abc', compute('abc'))).toBe('ABC');
    expect(memo.get('abc', compute('abc'))).toBe('ABC');
    expect(calls).toEqual(['abc']);
  });

  it('forgets the least recently used text first when over the budget', () => {
    // Each entry costs 2 × 4 (key) + 4 (value) = 12 bytes: three fit in 36.
    const memo = new TextMemo<string>(36, (value) => value.length);
    const { calls, compute } = counting();
    for (const key of ['aaaa', 'bbbb', 'cccc']) memo.get(key, compute(key));
    memo.get('aaaa', compute('aaaa')); // read: now the most recent
    memo.get('dddd', compute('dddd')); // evicts bbbb
    memo.get('aaaa', compute('aaaa'));
    memo.get('bbbb', compute('bbbb'));
    expect(calls).toEqual(['aaaa', 'bbbb', 'cccc', 'dddd', 'bbbb']);
  });

  it('keeps null results, and computes but does not keep a result larger than the budget', () => {
    const nulls = new TextMemo<string | null>(100);
    let computed = 0;
    const nothing = () => {
      computed += 1;
      return null;
    };
    expect(nulls.get('x', nothing)).toBeNull();
    expect(nulls.get('x', nothing)).toBeNull();
    expect(computed).toBe(1);

    const small = new TextMemo<string>(10);
    const { calls, compute } = counting();
    expect(small.get('a longer key', compute('a longer key'))).toBe('A LONGER KEY');
    small.get('a longer key', compute('a longer key'));
    expect(calls).toHaveLength(2);
  });
});
