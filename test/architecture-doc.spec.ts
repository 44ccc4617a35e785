import { buildSchema } from 'graphql';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * docs/architecture.md names only files and code that exist: every path in
 * backticks is a file or folder of the repository (a bare file name must
 * name one somewhere), and every class, `Class.member`, `function()` and
 * environment variable it names is in the code (a `Type.field` may be a
 * field of schema.gql). A rename that leaves the
 * page behind fails here.
 */
const ROOT = join(__dirname, '..');
const DOC = 'docs/architecture.md';
const FILES: string[] = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard'],
  {
    cwd: ROOT,
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter(Boolean);
const FOLDERS = new Set(
  FILES.flatMap((file) =>
    file
      .split('/')
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
  ),
);
const SOURCES = FILES.filter((file) =>
  /^(src|test|seeds|bench|migrations|scripts)\/.*\.ts$/.test(file),
).map((file) => readFileSync(join(ROOT, file), 'utf8'));
const CODE = SOURCES.join('\n');
const SCHEMA = buildSchema(readFileSync(join(ROOT, 'schema.gql'), 'utf8'));

const mentions = [...readFileSync(join(ROOT, DOC), 'utf8').matchAll(/`([^`\n]+)`/g)].map(
  ([, text]) => text,
);
const TOP = /^(src|test|docs|migrations|seeds|bench|scripts|console|examples)\//;
const FILE_NAME = /^[\w.-]+(\/[\w.-]+)*\.(ts|md|mjs|json|gql|txt|yml)$/;

function pathExists(path: string): boolean {
  const clean = path.replace(/\/$/, '');
  if (TOP.test(path)) return FILES.includes(clean) || FOLDERS.has(clean);
  return FILES.some((file) => file === clean || file.endsWith(`/${clean}`));
}

describe(DOC, () => {
  it('names only files and folders that exist', () => {
    const paths = mentions.filter(
      (text) => (TOP.test(text) || FILE_NAME.test(text)) && !/[<>*\s…]/.test(text),
    );
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((path) => !pathExists(path))).toEqual([]);
  });

  it('names only code that exists', () => {
    const has = (word: string) => new RegExp(`\\b${word}\\b`).test(CODE);
    const missing = mentions.filter((text) => {
      // Class.member: the class, and the member somewhere in the code.
      const member = /^([A-Z]\w+)\.([a-z]\w+)(\(\))?$/.exec(text);
      if (member && !FILE_NAME.test(text)) {
        // A GraphQL field (`Clinic.treatment`), or a class member.
        const type = SCHEMA.getType(member[1]);
        if (type && 'getFields' in type && member[2] in type.getFields()) return false;
        const owner = SOURCES.find((source) => new RegExp(`class ${member[1]}\\b`).test(source));
        return !owner || !new RegExp(`\\b${member[2]}\\b`).test(owner);
      }
      // function(): defined or exported somewhere.
      const call = /^([a-z]\w+)\(\)$/.exec(text);
      if (call)
        return !new RegExp(`(function|const|async) ${call[1]}\\b|\\b${call[1]}[(=:]`).test(CODE);
      // A class, interface or type name.
      if (/^[A-Z][a-z]+[A-Z]\w*$/.test(text)) return !has(text);
      // An environment variable.
      if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(text)) return !has(text);
      return false;
    });
    expect(missing).toEqual([]);
  });

  it('states no Cache-Control values: docs/clients.md is the one statement of them', () => {
    const doc = readFileSync(join(ROOT, DOC), 'utf8');
    expect(doc.match(/max-age|no-store|no-cache|private,|public,/g) ?? []).toEqual([]);
    expect(doc).toContain('clients.md#fetching-and-caching-policy');
  });
});
