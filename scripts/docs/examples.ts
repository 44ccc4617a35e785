import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The worked requests of the docs, as files: `docs/examples/<story>/<NN>-<name>.graphql`
 * (the document; header comments say who sends it, `# as: austin`, which
 * earlier token, `# bearer: cca_at_<token:1>`, or an API key of a scope that
 * the story's brand admin creates for it, `# key: partner`; a status other
 * than 200, `# status: 401`; that it sends an earlier example's document
 * again, `# document: <NN>-<name>`; that the docs show it as a curl command
 * sending it by `# http: POST` or `# http: GET`; that it is sent several
 * times and the last answer shown, `# repeat: 6`; or what happens before it,
 * `# before: scheduler` (pending schedules come due and the scheduler runs)
 * or `# before: restore` (a restore starts a new deployment epoch)), an
 * optional `.variables.json` and the expected answer `.json`. test/docs-examples.spec.ts runs each story in order against
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
  /** Sent instead of `as`'s session: an API key of this scope (`partner`), made for the story. */
  key?: string;
  /** Shown as the curl command that sends it by this method (GET: in the URL). */
  http?: 'GET' | 'POST';
  /** How many times it is sent in a row; the answer is the last one's. */
  repeat: number;
  /** What happens before it is sent (see BEFORE). */
  before?: keyof typeof BEFORE;
  /** The earlier example of the story whose document this one sends again. */
  reuses?: string;
  /** The document as shown (header comments left out). */
  query: string;
  variables?: unknown;
  /** The expected answer, normalized (see normalizeAnswer); undefined until recorded. */
  answer?: unknown;
  path: string;
}

const HEADER = /^#\s*(as|status|bearer|key|document|http|repeat|before):\s*(\S+)\s*$/;

/** What `# before:` can say happens first, as the docs word it. */
export const BEFORE = {
  scheduler: 'When the schedules are due and the scheduler has run',
  restore: 'After a restore (`npm run db:restore`) started a new deployment epoch',
} as const;

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
  if (header.http && header.http !== 'GET' && header.http !== 'POST') {
    throw new Error(`${path}.graphql: # http: is GET or POST, not ${header.http}`);
  }
  if (header.before && !(header.before in BEFORE)) {
    throw new Error(`${path}.graphql: # before: is one of ${Object.keys(BEFORE).join(', ')}`);
  }
  return {
    id: `${story}/${name}`,
    story,
    as: header.as ?? 'anonymous',
    status: Number(header.status ?? 200),
    bearer: header.bearer,
    key: header.key,
    http: header.http as Example['http'],
    repeat: Number(header.repeat ?? 1),
    before: header.before as Example['before'],
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
/** Secrets the API makes: sessions' and API keys' (`cca_…_`), webhook endpoints' (`whsec_`). */
const TOKEN = /^(cca_[a-z]+_|whsec_)[A-Za-z0-9_-]{16,}$/;
/** The first characters of a secret, shown to tell secrets apart (`prefix`, `secretPrefix`). */
const TOKEN_PREFIX = /^(cca_[a-z]+_|whsec_)([A-Za-z0-9_-]{4,})$/;
/** Opaque cursors: base64url of a position (the sync feed's carry the deployment epoch). */
const CURSOR = /^[A-Za-z0-9_-]{20,}$/;
/** Keys whose numeric string values are row ids (revisions, audit entries). */
const ID_KEY = /^(id|\w+Id)$/;
/** Numbers that depend on the clock: how long a wait is left, how long a send took. */
const CLOCK_NUMBER: Record<string, string> = { retryAfterSeconds: '<seconds>', durationMs: '<ms>' };
/** The same wait in words, in a rate limit's message. */
const RETRY_IN = /\bRetry in \d+ s\b/g;
const PLACEHOLDER = /<(id|token|cursor):\d+>/g;

/**
 * What varies from run to run, named so answers compare: ids of rows the
 * story made (`<id:1>`, `<id:2>`, … by first appearance; the seed's ids are
 * UUIDv5 and stay; numeric ids of revisions and audit entries are named
 * too), tokens and secrets (`cca_at_<token:1>`, …, and their shown prefixes),
 * cursors that hold such ids (`<cursor:1>`, …), timestamps (`<time>`, unless
 * the request named them) and waits (`<seconds>`, `<ms>`). The numbering runs through the story, so a later
 * request can name `<id:1>` or `<token:2>` and gets the real value.
 */
export class Normalizer {
  private readonly names = new Map<string, string>();
  private readonly counts = { id: 0, token: 0, cursor: 0 };

  private name(kind: 'id' | 'token' | 'cursor', real: string): string {
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

  /** `prefix` + the name of the secret the story saw that `start` begins, if any. */
  private secretPrefix(prefix: string, start: string): string | undefined {
    for (const [real, name] of this.names) {
      if (name.startsWith('<token:') && real.startsWith(start) && real !== start) {
        return `${prefix}<prefix of ${name.slice(1, -1)}>`;
      }
    }
    return undefined;
  }

  /** Whether `value` is a cursor holding a run-specific id (not the seed's UUIDv5). */
  private isVaryingCursor(value: string): boolean {
    if (!CURSOR.test(value)) return false;
    const text = Buffer.from(value, 'base64url').toString('utf8');
    return /^[\x20-\x7e]+$/.test(text) && [...text.matchAll(UUID)].some((m) => m[1] !== '5');
  }

  answer(value: unknown, requestText: string, key = ''): unknown {
    if (typeof value === 'number' && key in CLOCK_NUMBER) return CLOCK_NUMBER[key];
    if (typeof value === 'string') {
      if (ID_KEY.test(key) && /^\d+$/.test(value)) return this.name('id', value);
      const named = value.replace(UUID, (id: string, version: string) =>
        version === '5' ? id : this.name('id', id),
      );
      if (named !== value) return named;
      const token = TOKEN.exec(value);
      if (token) return `${token[1]}${this.name('token', value.slice(token[1].length))}`;
      const prefix = TOKEN_PREFIX.exec(value);
      const shownPrefix = prefix && this.secretPrefix(prefix[1], prefix[2]);
      if (shownPrefix) return shownPrefix;
      if (this.isVaryingCursor(value)) return this.name('cursor', value);
      if (requestText.includes(value)) return value;
      if (TIMESTAMP.test(value)) return this.named(value, requestText) ? value : '<time>';
      return value.replace(RETRY_IN, 'Retry in <seconds> s');
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

/** A value inside single quotes in a POSIX shell. */
function shellQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The curl command that sends the example, as a reader would type it. */
function curlCommand(example: Example, credential: string | undefined): string {
  const auth = credential ? ` \\\n  -H ${shellQuoted(`authorization: Bearer ${credential}`)}` : '';
  const variables = example.variables === undefined ? undefined : flatJson(example.variables);
  if (example.http === 'GET') {
    const lines = [`curl -s -G http://localhost:3000/graphql${auth}`];
    lines.push(`  --data-urlencode ${shellQuoted(`query=${example.query}`)}`);
    if (variables !== undefined)
      lines.push(`  --data-urlencode ${shellQuoted(`variables=${variables}`)}`);
    return lines.join(' \\\n');
  }
  const body = JSON.stringify({
    query: example.query,
    ...(example.variables === undefined ? {} : { variables: example.variables }),
  });
  return [
    `curl -s http://localhost:3000/graphql -H 'content-type: application/json'${auth}`,
    `  -d ${shellQuoted(body)}`,
  ].join(' \\\n');
}

/** The example as the docs show it, between its markers. */
export function renderExample(example: Example): string {
  const credential = example.bearer ?? (example.key ? `<${example.key} key>` : undefined);
  let who = example.bearer
    ? example.bearer.startsWith('cca_live_')
      ? `With the API key \`${example.bearer}\``
      : `With the access token \`${example.bearer}\``
    : example.key
      ? `With an API key of scope \`${example.key.toUpperCase()}\``
      : example.as === 'anonymous'
        ? 'Without signing in'
        : `As \`${example.as}\``;
  if (example.before) who = `${BEFORE[example.before]}, ${who[0].toLowerCase()}${who.slice(1)}`;
  if (example.repeat > 1) who += `, ${example.repeat} times in a row`;
  // A document sent again is named by its operation (or root field) instead of shown twice.
  const kind = example.query.startsWith('mutation') ? 'mutation' : 'query';
  const name =
    /^(?:query|mutation)\s+(\w+)/.exec(example.query)?.[1] ?? /\{\s*(\w+)/.exec(example.query)?.[1];
  const parts = example.http
    ? [`${who}, with curl:`, '', '```bash', curlCommand(example, credential), '```']
    : example.reuses
      ? [`${who}, the same \`${name}\` ${kind} as above.`]
      : [`${who}:`, '', '```graphql', example.query, '```'];
  if (example.variables !== undefined && !example.http) {
    parts.push('', 'Variables:', '', '```json', compactJson(example.variables), '```');
  }
  const status = example.status === 200 ? '' : ` (HTTP ${example.status})`;
  const answer = example.repeat > 1 ? 'The last answer' : 'Answer';
  parts.push('', `${answer}${status}:`, '', '```json', compactJson(example.answer ?? null), '```');
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

/** A fenced block of a doc that is not inside an example's markers. */
export interface LooseBlock {
  lang: string;
  /** 1-based line of its opening fence. */
  line: number;
  body: string;
}

/** The fenced blocks of `text` outside the example markers (which `npm run docs` writes). */
export function looseBlocks(text: string): LooseBlock[] {
  // Blanked, not removed, so line numbers stay those of the file.
  const lines = text.replace(MARKED, (marked) => marked.replace(/[^\n]/g, '')).split('\n');
  const blocks: LooseBlock[] = [];
  let open: { lang: string; line: number } | undefined;
  lines.forEach((line, index) => {
    const fence = /^\s*```(\w*)/.exec(line);
    if (!fence) return;
    if (!open) open = { lang: fence[1], line: index + 1 };
    else {
      blocks.push({ ...open, body: lines.slice(open.line, index).join('\n') });
      open = undefined;
    }
  });
  return blocks;
}

/** A GraphQL answer (`{"data": …}`, `{"errors": …}`), as only an example file may show one. */
export function isGraphqlAnswer(block: LooseBlock): boolean {
  return /^json/.test(block.lang) && /^\s*\{\s*"(data|errors)"\s*:/.test(block.body);
}
