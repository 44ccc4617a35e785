// Rewrites spec-seconds.json (how long each integration spec takes, which
// spec-groups.ts balances the groups by) from a run of the integration specs
// one file at a time: `npm run test:spec-seconds`.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const output = join(tmpdir(), `spec-seconds-${process.pid}.json`);
const jest = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    './node_modules/jest/bin/jest.js',
    '--selectProjects',
    'integration',
    '--json',
    '--outputFile',
    output,
  ],
  { stdio: 'inherit', env: { ...process.env, JEST_SPEC_GROUPS: '' } },
);
if (jest.status !== 0) process.exit(jest.status ?? 1);

const seconds = {};
const results = JSON.parse(readFileSync(output, 'utf8')).testResults;
for (const file of results.sort((a, b) => a.name.localeCompare(b.name))) {
  seconds[relative(process.cwd(), file.name)] =
    Math.round((file.endTime - file.startTime) / 100) / 10;
}
writeFileSync('test/groups/spec-seconds.json', JSON.stringify(seconds, null, 2) + '\n');
console.log(`test/groups/spec-seconds.json: ${results.length} specs`);
