import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The worked requests of the docs, as files: `docs/examples/<story>/<NN>-<name>.graphql`
 * (the document; header comments say who sends it, `# as: austin`, and a
 * status other than 200, `# status: 401`), an optional `.variables.json` and
 * the expected answer `.json`. test/docs-examples.spec.ts runs each story in
 * order against a fresh seeded database and compares the answers;
 * `npm run docs` inlines them in the docs between
 * `<!-- example: <story>/<NN>-<name> -->` and `<!-- /example -->`.
 */
export const EXAMPLES_DIR = join(__dirname, '../../docs/examples');

export interface Example {
  /** `<story>/<NN>-<name>` */
  id: string;
  story: string;
  /** The demo account that sends it (test/helpers/login.ts), or anonymous. */
  as: string;
  status: number;
  /** The document as shown (header comments left out). */
  query: string;
  variables?: unknown;
  /** The expected answer, normalized (see normalizeAnswer); undefined until recorded. */
  answer?: unknown;
  path: string;
}

const HEADER = /^#\s*(as|status):\s*(\S+)\s*$/;

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

function loadExample(dir: string, story: string, name: string): Example {
  const path = join(dir, story, name);
  const lines = readFileSync(`${path}.graphql`, 'utf8').split('\n');
  const header: Record<string, string> = {};
  while (lines.length && HEADER.test(lines[0])) {
    const [, key, value] = HEADER.exec(lines.shift()!)!;
    header[key] = value;
  }
  const json = (suffix: string) =>
    existsSync(`${path}${suffix}`)
      ? (JSON.parse(readFileSync(`${path}${suffix}`, 'utf8')) as unknown)
      : undefined;
  return {
    id: `${story}/${name}`,
    story,
    as: header.as ?? 'anonymous',
    status: Number(header.status ?? 200),
    query: lines.join('\n').trim(),
    variables: json('.variables.json'),
    answer: json('.json'),
    path,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const TOKEN = /^(cca_[a-z]+_)[A-Za-z0-9_-]{16,}$/;

/**
 * What varies from run to run, named so answers compare: ids of rows the
 * story made (`<id:1>`, `<id:2>`, … by first appearance; the seed's ids are
 * UUIDv5 and stay), timestamps (`<time>`, unless the request named them)
 * and tokens (`cca_at_<token>`). `ids` carries the story's numbering from
 * one example to the next, so a later request can name `<id:1>`.
 */
export class Normalizer {
  private readonly ids = new Map<string, string>();

  /** A request's variables with `<id:n>` placeholders replaced by the real ids. */
  resolve(value: unknown): unknown {
    const real = new Map([...this.ids].map(([id, name]) => [name, id]));
    return JSON.parse(
      JSON.stringify(value ?? null).replace(/<id:\d+>/g, (name) => {
        const id = real.get(name);
        if (!id) throw new Error(`${name} is not an id an earlier answer gave`);
        return id;
      }),
    );
  }

  answer(value: unknown, requestText: string): unknown {
    if (typeof value === 'string') {
      if (requestText.includes(value)) return value;
      const uuid = UUID.exec(value);
      if (uuid && uuid[1] !== '5') {
        if (!this.ids.has(value)) this.ids.set(value, `<id:${this.ids.size + 1}>`);
        return this.ids.get(value);
      }
      if (TIMESTAMP.test(value)) return '<time>';
      const token = TOKEN.exec(value);
      if (token) return `${token[1]}<token>`;
      return value;
    }
    if (Array.isArray(value)) return value.map((item) => this.answer(item, requestText));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, this.answer(item, requestText)]),
      );
    }
    return value;
  }
}

/** The example as the docs show it, between its markers. */
export function renderExample(example: Example): string {
  const who = example.as === 'anonymous' ? 'Without signing in' : `As \`${example.as}\``;
  const parts = [`${who}:`, '', '```graphql', example.query, '```'];
  if (example.variables !== undefined) {
    parts.push('', 'Variables:', '', '```json', JSON.stringify(example.variables, null, 2), '```');
  }
  const status = example.status === 200 ? '' : ` (HTTP ${example.status})`;
  parts.push(
    '',
    `Answer${status}:`,
    '',
    '```json',
    JSON.stringify(example.answer ?? null, null, 2),
    '```',
  );
  return parts.join('\n');
}

const MARKED = /(<!-- example: (\S+) -->\n)[\s\S]*?(\n<!-- \/example -->)/g;

/** `text` with every marked example replaced by its current files; throws on an unknown id. */
export function inlineExamples(text: string, examples: Example[]): string {
  const byId = new Map(examples.map((example) => [example.id, example]));
  return text.replace(MARKED, (_all, open: string, id: string, close: string) => {
    const example = byId.get(id);
    if (!example) throw new Error(`No example ${id} in docs/examples`);
    return `${open}\n${renderExample(example)}\n${close}`;
  });
}

/** Ids of the examples `text` shows. */
export function shownExamples(text: string): string[] {
  return [...text.matchAll(MARKED)].map((match) => match[2]);
}
