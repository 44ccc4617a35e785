import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/*
 * src/api holds the GraphQL API: its modules declare the resolvers and
 * import the domain modules they need. Nothing outside src/api imports from
 * it, so the module graph has no cycle through the API by construction.
 * The one exception is the composition root, which mounts the API.
 */

const SRC = resolve(__dirname, '..');
const API = join(SRC, 'api');
const COMPOSITION_ROOT = join(SRC, 'app.module.ts');

/** Every module specifier a TypeScript source imports or re-exports (static and dynamic). */
export function importedSpecifiers(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((match) => match[1]);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name));
}

const insideApi = (path: string) => path === API || path.startsWith(API + sep);

/** `file` (outside src/api) → the src/api paths it imports. */
function importsOfApi(file: string): string[] {
  return importedSpecifiers(readFileSync(file, 'utf8'))
    .map((specifier) =>
      specifier.startsWith('.')
        ? resolve(dirname(file), specifier)
        : specifier.startsWith('src/')
          ? resolve(SRC, '..', specifier)
          : null,
    )
    .filter((target): target is string => target !== null && insideApi(target))
    .map((target) => relative(SRC, target));
}

describe('the API boundary', () => {
  it('finds imports and re-exports, static and dynamic', () => {
    const source = `import { A } from './a';
      import type { B } from "../b";
      export { C } from './api/c';
      import './side-effect';
      const d = await import('./api/d');`;
    expect(importedSpecifiers(source)).toEqual([
      './a',
      '../b',
      './api/c',
      './side-effect',
      './api/d',
    ]);
  });

  it('sees the composition root mount the API (so the scan below would see a stray import)', () => {
    expect(importsOfApi(COMPOSITION_ROOT)).toContain(join('api', 'graphql-api.module'));
  });

  it('no file outside src/api imports from src/api', () => {
    const outside = sourceFiles(SRC).filter(
      (file) => !insideApi(file) && file !== COMPOSITION_ROOT,
    );
    expect(outside.length).toBeGreaterThan(100);
    const strays = outside.flatMap((file) =>
      importsOfApi(file).map((target) => `${relative(SRC, file)} imports ${target}`),
    );
    expect(strays).toEqual([]);
  });
});
