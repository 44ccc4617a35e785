import type { Config } from 'jest';
import { pathsToModuleNameMapper } from 'ts-jest';
import ts from 'typescript';

// Path aliases (e.g. the ones added by `nest g library`) live in tsconfig.json,
// so they are read from there instead of being duplicated here.
const { config: tsconfig } = ts.readConfigFile('./tsconfig.json', (path) => ts.sys.readFile(path));
const paths = tsconfig?.compilerOptions?.paths ?? {};

const shared = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.(t|j)s$': 'ts-jest' },
  moduleNameMapper: pathsToModuleNameMapper(paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
};

/**
 * A whole `npm test` run (JEST_SPEC_GROUPS=1, set by test/run-tests.mjs) loads
 * the integration specs in groups, several specs per Jest test file
 * (test/groups/spec-groups.ts says why); otherwise each spec is its own file.
 */
const groupedSpecs = process.env.JEST_SPEC_GROUPS === '1';

/**
 * `npm test` runs both projects. Unit specs sit beside the code; integration
 * specs (test/) share one migrated, seeded database that global setup creates
 * (on DATABASE_URL's server, else on a throwaway embedded server) and global
 * teardown drops. Jest runs a project's global setup only when at least one
 * of its specs is selected, so `npm test -- src/config` starts no database.
 */
const config: Config = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/seeds/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: groupedSpecs
        ? ['<rootDir>/test/groups/*.group.ts']
        : ['<rootDir>/test/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
  // Each integration spec boots its own app on the shared database. Three
  // workers on this 2-core machine: the specs wait on PostgreSQL, child
  // processes and timers for about half their time (a group run alone was
  // 55 % idle), which a third worker fills.
  maxWorkers: 3,
  // Integration specs boot an app (some a database) in beforeAll: on a
  // loaded 2-core machine that takes far longer than Jest's 5 s default.
  testTimeout: 180_000,
  collectCoverageFrom: ['src/**/*.(t|j)s'],
  coverageDirectory: './coverage',
};

export default config;
