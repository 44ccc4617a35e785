// `npm test`: Jest (unit and integration specs), then, when no spec was
// named (a whole run, as CI does), the console's end-to-end specs.
// `npm test -- test/foo.spec.ts` runs only what it names, as before.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const namesSpecs = args.some((arg) => !arg.startsWith('-'));
// A whole run loads the integration specs in groups (test/groups/spec-groups.ts).
const env = { ...process.env, JEST_SPEC_GROUPS: namesSpecs ? '' : '1' };
const jest = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', './node_modules/jest/bin/jest.js', ...args],
  { stdio: 'inherit', env },
);
if (jest.status !== 0) process.exit(jest.status ?? 1);

if (namesSpecs) {
  console.log('(console end-to-end specs not run: specs were named; run npm run test:e2e)');
  process.exit(0);
}
const e2e = spawnSync('npm', ['run', 'test:e2e'], { stdio: 'inherit' });
process.exit(e2e.status ?? 1);
