import { analyzeOperation, cacheKey, canonicalJson, generationsOf } from './cacheable-request';

describe('analyzeOperation', () => {
  it('refuses mutations, previews, unparsable text and ambiguous documents', () => {
    expect(analyzeOperation('mutation { logout }', undefined)).toBeNull();
    expect(
      analyzeOperation('{ treatment(brand: "a", slug: "b", preview: false) { name } }', undefined),
    ).toBeNull();
    expect(analyzeOperation('{ clinic(', undefined)).toBeNull();
    expect(
      analyzeOperation('query A { brands { slug } } query B { brands { name } }', undefined),
    ).toBeNull();
    expect(
      analyzeOperation('query A { brands { slug } } query B { brands { name } }', 'B'),
    ).not.toBeNull();
  });

  it('normalizes layout and comments away', () => {
    const a = analyzeOperation('{ brands { slug } }', undefined)!;
    const b = analyzeOperation('# hi\nquery {\n  brands {\n    slug\n  }\n}', undefined)!;
    expect(a.normalized).toBe(b.normalized);
  });

  it('reads the brands an answer depends on', () => {
    const byVariable = analyzeOperation(
      'query($b: String!) { clinic(brand: $b, slug: "x") { name } }',
      undefined,
    )!;
    expect(generationsOf(byVariable, { b: 'lumen' })).toEqual(['*', 'brand:lumen']);
    expect(generationsOf(byVariable, {})).toBeNull();
    const bySlug = analyzeOperation('{ brand(slug: "lumen") { name } }', undefined)!;
    expect(generationsOf(bySlug, undefined)).toEqual(['*', 'brand:lumen']);
    const across = analyzeOperation(
      '{ brands { slug } clinic(brand: "a", slug: "x") { name } }',
      undefined,
    )!;
    expect(generationsOf(across, undefined)).toEqual(['*', 'any', 'brand:a']);
  });
});

describe('cacheKey', () => {
  const analysis = analyzeOperation('{ brands { slug } }', undefined)!;
  it('differs by scope and variables, not by variable order', () => {
    const key = (scope: string, variables: Record<string, unknown>) =>
      cacheKey({ scope, analysis, variables, accept: undefined });
    expect(key('public', { a: 1, b: 2 })).toBe(key('public', { b: 2, a: 1 }));
    expect(key('public', { a: 1 })).not.toBe(key('key:1', { a: 1 }));
    expect(key('public', { a: 1 })).not.toBe(key('public', { a: 2 }));
  });

  it('tells apart only the Accept headers that change the answer’s media type', () => {
    const key = (accept: string | undefined) =>
      cacheKey({ scope: 'public', analysis, variables: {}, accept });
    expect(key(undefined)).toBe(key('*/*'));
    expect(key('application/json')).toBe(key('*/*'));
    expect(key('application/graphql-response+json')).not.toBe(key('*/*'));
  });

  it('canonicalJson sorts keys at every depth', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });
});
