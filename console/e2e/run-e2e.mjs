// `npm run test:e2e`: builds the app and the console, then runs the
// Playwright specs in Debian's Chromium. Without a Chromium it says so loudly
// and skips (Playwright cannot download its own browser on these machines).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (process.env.CONSOLE_E2E === 'skip') {
  console.log('(console end-to-end specs skipped: CONSOLE_E2E=skip)');
  process.exit(0);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const line = '!'.repeat(78);
  console.error(
    `\n${line}\n!! SKIPPED: the console's end-to-end specs (no Chromium at ${chromium}).\n` +
      `!! Install it (apt-get install chromium) or set CHROMIUM_PATH.\n${line}\n`,
  );
  process.exit(process.env.E2E_REQUIRED ? 1 : 0);
}

const run = (command, args) => {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};
if (!process.env.E2E_SKIP_BUILD) run('npm', ['run', 'build']);
run('npx', ['playwright', 'test', '-c', 'console/playwright.config.ts', ...process.argv.slice(2)]);
