import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { buildSchema, isEnumType } from 'graphql';

/*
 * The operations and security docs tell operators which environment
 * variables to set. A name that no code reads would be set in vain (and a
 * mistyped defence is a missing defence), so every setting they name must be
 * read by loadConfig in app-config.ts, the one place settings are read, or
 * by the start command (node's and glibc's memory settings).
 */
const DOCS = ['docs/security.md', 'docs/operations.md', 'docs/scaling.md'];

/** UPPER_SNAKE words, and single words written as an assignment (`PORT=3000`). */
const UPPER_NAME = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b|\b[A-Z][A-Z0-9]*(?==)/g;

/** Upper-case names in the docs that are not settings, and what they are instead. */
const NOT_SETTINGS: Record<string, string> = {
  PG_VERSION: "a file in PostgreSQL's data folder",
};

const readText = (path: string) => readFileSync(path, 'utf8');

/**
 * The names loadConfig reads (every `read('NAME')`), and the ones the start
 * command passes on to node and glibc (every `${NAME…}` of scripts/start-api.sh).
 */
function settingsRead(): Set<string> {
  const config = readText('src/config/app-config.ts');
  const start = readText('scripts/start-api.sh');
  return new Set([
    ...[...config.matchAll(/\bread\('([A-Z0-9_]+)'\)/g)].map((match) => match[1]),
    ...[...start.matchAll(/\$\{([A-Z0-9_]+)[:}]/g)].map((match) => match[1]),
  ]);
}

/** Enum values of the schema (roles, scopes, statuses …): API words, not settings. */
function schemaEnumValues(): Set<string> {
  const schema = buildSchema(readText('schema.gql'));
  const values = Object.values(schema.getTypeMap())
    .filter(isEnumType)
    .flatMap((type) => type.getValues().map((value) => value.name));
  return new Set(values);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The error codes answers carry: Apollo's own and the ones src/ sets. */
function errorCodes(): Set<string> {
  const codes = new Set<string>(Object.values(ApolloServerErrorCode));
  const setters = /(?:DomainError\(\s*|code:\s*|code\s*===\s*)'([A-Z][A-Z0-9_]*)'/g;
  for (const file of sourceFiles('src')) {
    for (const match of readText(file).matchAll(setters)) codes.add(match[1]);
  }
  return codes;
}

describe('settings named in the docs', () => {
  const read = settingsRead();
  const apiWords = new Set([...schemaEnumValues(), ...errorCodes(), ...Object.keys(NOT_SETTINGS)]);

  it('finds the settings loadConfig reads (the extraction itself works)', () => {
    for (const name of ['NODE_ENV', 'PORT', 'TRUST_PROXY', 'GRAPHQL_TIMEOUT_MS']) {
      expect(read.has(name)).toBe(true);
    }
  });

  it.each(DOCS)('%s names only settings that app-config.ts reads', (doc) => {
    const named = new Set(readText(doc).match(UPPER_NAME) ?? []);
    const settings = [...named].filter((name) => !apiWords.has(name));
    expect(settings.length).toBeGreaterThan(5);
    expect(settings.filter((name) => !read.has(name))).toEqual([]);
  });
});
