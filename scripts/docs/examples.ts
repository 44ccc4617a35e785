import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The worked requests of the docs, as files: `docs/examples/<story>/<NN>-<name>.graphql`
 * (the document; header comments say who sends it, `# as: austin`, or which
 * earlier token, `# bearer: cca_at_<token:1>`, a status other than 200,
 * `# status: 401`, or that it sends an earlier example's document again,
 * `# document: <NN>-<name>`), an optional `.variables.json` and the expected
 * answer `.json`. test/docs-examples.spec.ts runs each story in order against
 * a fresh seeded database and compares the answers; `npm run docs` inlines
 * them in the docs between `<!-- example: <story>/<NN>-<name> -->` and
 * `<!-- /example -->`.
 */
export const EXAMPLES_DIR = join(__dirname, '../../docs/examples');

export interface Example {
  /** `<story>/<NN>-<name>` */
  id: string;
  story: string;
  /** The demo account that sends it (test/helpers/login.ts), or anonymous. */
  as: string;
  status: number;
  /** Sent instead of `as`'s session: a token an earlier answer gave (`cca_at_<token:1>`). */
  bearer?: string;
  /** The earlier example of the story whose document this one sends again. */
  reuses?: string;
  /** The document as shown (header comments left out). */
  query: string;
  variables?: unknown;
  /** The expected answer, normalized (see normalizeAnswer); undefined until recorded. */
  answer?: unknown;
  path: string;
}

const HEADER = /^#\s*(as|status|bearer|document):\s*(\S+)\s*$/;

export function loadExamples(dir = EXAMPLES_DIR): Example[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((story) =>
      readdirSync(join(dir, story))
        .filter((name) => name.endsWith('.graphql'))
        .sort()
        .map((file) => loadExample(dir, story, file.replace(/\.graphql$/, ''))),
    );
}

/** A .graphql file's header comments and its document. */
function readDocument(path: string): { header: Record<string, string>; query: string } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header: Record<string, string> = {};
  while (lines.length && HEADER.test(lines[0])) {
    const [, key, value] = HEADER.exec(lines.shift()!)!;
    header[key] = value;
  }
  return { header, query: lines.join('\n').trim() };
}

function loadExample(dir: string, story: string, name: string): Example {
  const path = join(dir, story, name);
  const { header, query } = readDocument(`${path}.graphql`);
  const json = (suffix: string) =>
    existsSync(`${path}${suffix}`)
      ? (JSON.parse(readFileSync(`${path}${suffix}`, 'utf8')) as unknown)
      : undefined;
  return {
    id: `${story}/${name}`,
    story,
    as: header.as ?? 'anonymous',
    status: Number(header.status ?? 200),
    bearer: header.bearer,
    // `# document: <NN>-<name>` sends the document of an earlier example of the story.
    query: header.document
      ? readDocument(join(dir, story, `${header.document}.graphql`)).query
      : query,
    reuses: header.document,
    variables: json('.variables.json'),
    answer: json('.json'),
    path,
  };
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const TOKEN = /^(cca_[a-z]+_)[A-Za-z0-9_-]{16,}$/;
/** Keys whose numeric string values are row ids (revisions, audit entries). */
const ID_KEY = /^(id|\w+Id)$/;
const PLACEHOLDER = /<(id|token):\d+>/g;

/**
 * What varies from run to run, named so answers compare: ids of rows the
 * story made (`<id:1>`, `<id:2>`, … by first appearance; the seed's ids are
 * UUIDv5 and stay; numeric ids of revisions and audit entries are named
 * too), tokens (`cca_at_<token:1>`, …) and timestamps (`<time>`, unless the
 * request named them). The numbering runs through the story, so a later
 * request can name `<id:1>` or `<token:2>` and gets the real value.
 */
export class Normalizer {
  private readonly names = new Map<string, string>();
  private readonly counts = { id: 0, token: 0 };

  private name(kind: 'id' | 'token', real: string): string {
    if (!this.names.has(real)) this.names.set(real, `<${kind}:${++this.counts[kind]}>`);
    return this.names.get(real)!;
  }

  /** Whether the request named this instant (in any notation): then it is kept. */
  private named(timestamp: string, requestText: string): boolean {
    const instants = requestText.match(/\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)/g) ?? [];
    return instants.some((instant) => Date.parse(instant) === Date.parse(timestamp));
  }

  /** A request's text with its placeholders replaced by the real values. */
  resolveText(text: string): string {
    const real = new Map([...this.names].map(([value, name]) => [name, value]));
    return text.replace(PLACEHOLDER, (name) => {
      const value = real.get(name);
      if (value === undefined) throw new Error(`${name} is not a value an earlier answer gave`);
      return value;
    });
  }

  /** A request's variables with their placeholders replaced by the real values. */
  resolve(value: unknown): unknown {
    return JSON.parse(this.resolveText(JSON.stringify(value ?? null)));
  }

  answer(value: unknown, requestText: string, key = ''): unknown {
    if (typeof value === 'string') {
      if (ID_KEY.test(key) && /^\d+$/.test(value)) return this.name('id', value);
      const named = value.replace(UUID, (id: string, version: string) =>
        version === '5' ? id : this.name('id', id),
      );
      if (named !== value) return named;
      const token = TOKEN.exec(value);
      if (token) return `${token[1]}${this.name('token', value.slice(token[1].length))}`;
      if (requestText.includes(value)) return value;
      if (TIMESTAMP.test(value)) return this.named(value, requestText) ? value : '<time>';
      return value;
    }
    if (Array.isArray(value)) return value.map((item) => this.answer(item, requestText, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([name, item]) => [name, this.answer(item, requestText, name)]),
      );
    }
    return value;
  }
}

function flatJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flatJson).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) => `${JSON.stringify(key)}: ${flatJson(item)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** JSON as the docs print it: a value on one line when it fits in 100 characters. */
export function compactJson(value: unknown, indent = ''): string {
  const oneLine = flatJson(value);
  if (indent.length + oneLine.length <= 100 || value === null || typeof value !== 'object') {
    return oneLine;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => inner + compactJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).map(
    ([key, item]) => `${inner}${JSON.stringify(key)}: ${compactJson(item, inner)}`,
  );
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

/** The example as the docs show it, between its markers. */
export function renderExample(example: Example): string {
  const who = example.bearer
    ? `With the access token \`${example.bearer}\``
    : example.as === 'anonymous'
      ? 'Without signing in'
      : `As \`${example.as}\``;
  // A document sent again is named by its operation (or root field) instead of shown twice.
  const kind = example.query.startsWith('mutation') ? 'mutation' : 'query';
  const name =
    /^(?:query|mutation)\s+(\w+)/.exec(example.query)?.[1] ?? /\{\s*(\w+)/.exec(example.query)?.[1];
  const parts = example.reuses
    ? [`${who}, the same \`${name}\` ${kind} as above.`]
    : [`${who}:`, '', '```graphql', example.query, '```'];
  if (example.variables !== undefined) {
    parts.push('', 'Variables:', '', '```json', compactJson(example.variables), '```');
  }
  const status = example.status === 200 ? '' : ` (HTTP ${example.status})`;
  parts.push('', `Answer${status}:`, '', '```json', compactJson(example.answer ?? null), '```');
  return parts.join('\n');
}

const MARKED = /(<!-- example: (\S+) -->)[\s\S]*?(<!-- \/example -->)/g;

/** `text` with every marked example replaced by its current files; throws on an unknown id. */
export function inlineExamples(text: string, examples: Example[]): string {
  const byId = new Map(examples.map((example) => [example.id, example]));
  return text.replace(MARKED, (_all, open: string, id: string, close: string) => {
    const example = byId.get(id);
    if (!example) throw new Error(`No example ${id} in docs/examples`);
    return `${open}\n\n${renderExample(example)}\n\n${close}`;
  });
}

/** Ids of the examples `text` shows. */
export function shownExamples(text: string): string[] {
  return [...text.matchAll(MARKED)].map((match) => match[2]);
}
