import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

/**
 * A whole `npm test` run loads the integration specs in groups: each group
 * file (NN.group.ts beside this one) requires its share of the specs into one
 * Jest test file, so the app's module graph (Nest, Apollo, TypeORM, graphql…)
 * is loaded once per group instead of once per spec. Loading it took longer
 * than most specs' own tests (measured: ten small specs took 23 s of CPU one
 * by one and 11.5 s as one group).
 *
 * Each spec runs inside a `describe` named by its path, so its top-level hooks
 * stay its own. A spec that calls `jest.mock` gets a group to itself: a mock
 * must be registered before the modules it replaces are first loaded.
 * `npm test -- <path>` still runs the named spec files one by one.
 */

const ROOT = resolve(__dirname, '../..');
const TEST_DIR = join(ROOT, 'test');
const GROUPS_DIR = __dirname;

/**
 * Seconds each spec took in a whole run, one by one (record-spec-seconds.mjs
 * rewrites it). Only the balance between groups depends on it: a spec missing
 * from it counts as an average one.
 */
export const SPEC_SECONDS: Record<string, number> = JSON.parse(
  readFileSync(join(GROUPS_DIR, 'spec-seconds.json'), 'utf8'),
);

/** Every integration spec, by its path from the project root. */
export function integrationSpecs(): string[] {
  return readdirSync(TEST_DIR, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.spec.ts'))
    .map((path) => relative(ROOT, join(TEST_DIR, path)))
    .sort();
}

/** The group files: NN.group.ts, in order. */
export function groupFiles(): string[] {
  return readdirSync(GROUPS_DIR)
    .filter((name) => name.endsWith('.group.ts'))
    .sort();
}

function mocksModules(spec: string): boolean {
  return readFileSync(join(ROOT, spec), 'utf8').includes('jest.mock(');
}

/**
 * The specs split into `count` groups of about equal time: specs that mock
 * modules alone, then the rest, longest first, each into the group with the
 * least time so far.
 */
export function partitionSpecs(specs: string[], count: number): string[][] {
  const known = specs.map((spec) => SPEC_SECONDS[spec]).filter((s) => s !== undefined);
  const average = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const seconds = (spec: string) => SPEC_SECONDS[spec] ?? average;

  const alone = specs.filter(mocksModules);
  if (alone.length >= count) throw new Error(`${alone.length} specs mock modules: add group files`);
  const groups: string[][] = alone.map((spec) => [spec]);
  const shared = Array.from({ length: count - alone.length }, () => ({
    specs: [] as string[],
    s: 0,
  }));
  const rest = specs.filter((spec) => !alone.includes(spec));
  for (const spec of rest.sort((a, b) => seconds(b) - seconds(a) || a.localeCompare(b))) {
    const lightest = shared.reduce((min, group) => (group.s < min.s ? group : min));
    lightest.specs.push(spec);
    lightest.s += seconds(spec);
  }
  return [...groups, ...shared.map((group) => group.specs.sort())];
}

/** Registers the specs of the group whose file is `groupFile`. */
export function runSpecGroup(groupFile: string): void {
  const files = groupFiles();
  const index = files.indexOf(basename(groupFile));
  const specs = partitionSpecs(integrationSpecs(), files.length)[index];
  for (const spec of specs) {
    describe(spec, () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(join(ROOT, spec));
    });
  }
}
