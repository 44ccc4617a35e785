import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compactJson,
  type Example,
  loadExamples,
  Normalizer,
  shownExamples,
} from '../scripts/docs/examples';
import { startIsolatedTestApp } from './helpers/isolated-app';
import { DEMO_EDITORS, loginAs } from './helpers/login';
import type { TestApp } from './helpers/test-app';

/**
 * Every worked request of the docs (docs/examples, inlined by `npm run docs`)
 * runs here, story by story in file order, against a fresh copy of the seeded
 * database, and must answer exactly what its `.json` file says (ids of new
 * rows, timestamps and tokens normalized). A stale example fails CI.
 * `RECORD_DOC_EXAMPLES=1 npm test -- test/docs-examples.spec.ts` rewrites the
 * answer files instead (then read the diff, and run `npm run docs`).
 */
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

    // In file order: each example sees what the ones before it wrote.
    it.each(examples.filter((example) => example.story === story).map((e) => [e.id, e] as const))(
      '%s',
      async (_id, example: Example) => {
        const variables = normalizer.resolve(example.variables) as Record<string, unknown> | null;
        const { status, body } = await app.graphql(
          example.query,
          variables ?? undefined,
          example.bearer
            ? { authorization: `Bearer ${normalizer.resolveText(example.bearer)}` }
            : await headersOf(example.as),
        );
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
