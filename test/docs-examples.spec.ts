import { buildSchema, type DocumentNode, Kind, parse, validate } from 'graphql';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compactJson,
  type Example,
  isGraphqlAnswer,
  loadExamples,
  looseBlocks,
  Normalizer,
  shownExamples,
} from '../scripts/docs/examples';
import { ScheduledPublisherService } from '../src/editing/scheduled-publisher.service';
import { startIsolatedTestApp } from './helpers/isolated-app';
import { DEMO_EDITORS, loginAs } from './helpers/login';
import type { GraphqlResponse, TestApp } from './helpers/test-app';

/**
 * Every worked request of the docs (docs/examples, inlined by `npm run docs`)
 * runs here, story by story in file order, against a fresh copy of the seeded
 * database, and must answer exactly what its `.json` file says (ids of new
 * rows, timestamps and tokens normalized). A stale example fails CI.
 * `RECORD_DOC_EXAMPLES=1 npm test -- test/docs-examples.spec.ts` rewrites the
 * answer files instead (then read the diff, and run `npm run docs`).
 */
// The webhook receiver of docs/webhooks.md, hooks.example.com, resolves to
// a public address here as on a real deployment, without DNS: endpoints
// check their host when they are saved. Nothing is sent (the delivery
// worker does not run in tests), so no request ever leaves the machine.
jest.mock('node:dns/promises', () => {
  const dns = jest.requireActual<typeof import('node:dns/promises')>('node:dns/promises');
  return {
    ...dns,
    lookup: (hostname: string, options: object) =>
      hostname === 'hooks.example.com'
        ? Promise.resolve([{ address: '93.184.215.14', family: 4 }])
        : dns.lookup(hostname, options),
  };
});

const RECORD = process.env.RECORD_DOC_EXAMPLES === '1';
const examples = loadExamples();
const stories = [...new Set(examples.map((example) => example.story))];

describe('docs examples', () => {
  it('are all shown in the docs, and every shown example exists', () => {
    const docs = join(__dirname, '../docs');
    const shown = readdirSync(docs)
      .filter((name) => name.endsWith('.md'))
      .flatMap((name) => shownExamples(readFileSync(join(docs, name), 'utf8')));
    const ids = examples.map((example) => example.id);
    expect(ids.filter((id) => !shown.includes(id))).toEqual([]);
    expect(shown.filter((id) => !ids.includes(id))).toEqual([]);
    expect(examples.length).toBeGreaterThan(0);
  });

  // A request and answer typed into a doc by hand go stale unseen: they must be example files.
  it('show GraphQL answers only from example files, and only documents valid against the schema', () => {
    const docs = join(__dirname, '../docs');
    const schema = buildSchema(readFileSync(join(__dirname, '../schema.gql'), 'utf8'));
    const problems = readdirSync(docs)
      .filter((name) => name.endsWith('.md'))
      .flatMap((name) =>
        looseBlocks(readFileSync(join(docs, name), 'utf8')).flatMap((block) => {
          const where = `docs/${name}:${block.line}`;
          if (isGraphqlAnswer(block)) {
            return [`${where}: a GraphQL answer not from docs/examples (make it an example)`];
          }
          if (block.lang !== 'graphql') return [];
          let document: DocumentNode;
          try {
            document = parse(block.body);
          } catch (error) {
            return [`${where}: ${(error as Error).message}`];
          }
          // Schema excerpts (`type Query { … }`) are not requests.
          const executable = document.definitions.every(
            (d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION,
          );
          if (!executable) return [];
          return validate(schema, document).map((error) => `${where}: ${error.message}`);
        }),
      );
    expect(problems).toEqual([]);
  });

  describe.each(stories)('story %s', (story) => {
    let app: TestApp;
    const normalizer = new Normalizer();
    const sessions = new Map<string, Record<string, string>>();

    beforeAll(async () => {
      app = await startIsolatedTestApp();
    });
    afterAll(() => app?.close());

    const headersOf = async (as: string) => {
      if (as === 'anonymous') return {};
      if (!(as in DEMO_EDITORS)) throw new Error(`Unknown caller "${as}"`);
      if (!sessions.has(as)) sessions.set(as, await loginAs(app, as as keyof typeof DEMO_EDITORS));
      return sessions.get(as)!;
    };

    // `# key: partner`: a key of that scope, made by the brand admin the first time it is named.
    const keyHeaders = async (scope: string) => {
      const key = `key:${scope}`;
      if (!sessions.has(key)) {
        const { body } = await app.graphql<{ createApiKey: { key: string } }>(
          `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
          { input: { name: `docs example (${scope})`, scopes: [scope.toUpperCase()] } },
          await headersOf('admin'),
        );
        if (!body.data) throw new Error(`createApiKey failed: ${JSON.stringify(body.errors)}`);
        sessions.set(key, { authorization: `Bearer ${body.data.createApiKey.key}` });
      }
      return sessions.get(key)!;
    };

    const credentials = async (example: Example) =>
      example.bearer
        ? { authorization: `Bearer ${normalizer.resolveText(example.bearer)}` }
        : example.key
          ? await keyHeaders(example.key)
          : await headersOf(example.as);

    // What `# before:` says happens first (scripts/docs/examples.ts BEFORE).
    const before = {
      // The background job is off in tests: the pending schedules come due now, and it runs once.
      scheduler: async () => {
        await app.dataSource.query(
          `UPDATE scheduled_publications SET publish_at = now() WHERE status = 'PENDING'`,
        );
        await app.app.get(ScheduledPublisherService).runDue();
      },
      // What a restore does to the feed's timeline (src/backup/restore-backup.ts).
      restore: async () => {
        await app.dataSource.query(
          `UPDATE deployment_epoch SET epoch = gen_random_uuid(), started_at = now()`,
        );
      },
    };

    // `# http: GET` sends the request in the URL, as curl -G does; the rest are POSTs.
    const send = async (
      example: Example,
      variables: Record<string, unknown> | null,
      headers: Record<string, string>,
    ): Promise<GraphqlResponse<unknown>> => {
      if (example.http !== 'GET')
        return app.graphql(example.query, variables ?? undefined, headers);
      const params = new URLSearchParams({ query: example.query });
      if (variables) params.set('variables', JSON.stringify(variables));
      const response = await fetch(`${app.url}/graphql?${params}`, { headers });
      return {
        status: response.status,
        body: (await response.json()) as GraphqlResponse<unknown>['body'],
      };
    };

    // In file order: each example sees what the ones before it wrote.
    it.each(examples.filter((example) => example.story === story).map((e) => [e.id, e] as const))(
      '%s',
      async (_id, example: Example) => {
        const variables = normalizer.resolve(example.variables) as Record<string, unknown> | null;
        if (example.before) await before[example.before]();
        const headers = await credentials(example);
        let response = await send(example, variables, headers);
        for (let sent = 1; sent < example.repeat; sent++) {
          response = await send(example, variables, headers);
        }
        const { status, body } = response;
        const answer = normalizer.answer(body, example.query + JSON.stringify(variables));
        if (RECORD) {
          writeFileSync(`${example.path}.json`, `${compactJson(answer)}\n`);
          // The status is the example's header (`# status: 401`): set by hand.
          expect(status).toBe(example.status);
          return;
        }
        expect({ status, answer }).toEqual({ status: example.status, answer: example.answer });
      },
    );
  });
});
