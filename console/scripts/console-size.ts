/**
 * `npm run console:size`: what the console costs a browser. Initial
 * JavaScript (gzipped) of the sign-in screen and of the clinic workspace,
 * from Vite's manifest, against the 250 KB budget; then the time until the
 * workspace is interactive on localhost with the demo data, in Chromium.
 * A report, not a test: the numbers depend on the machine.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import globalSetup from '../e2e/global-setup';

const DIST = resolve(__dirname, '../../dist/console');
const BUDGET_KB = 250;

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  css?: string[];
}
const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  Chunk
>;

/** A chunk and everything it imports statically (what loading it costs). */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) closure(next, seen);
  return seen;
}
const gzipKb = (keys: Iterable<string>) =>
  [...keys].reduce(
    (sum, key) => sum + gzipSync(readFileSync(join(DIST, manifest[key].file))).length,
    0,
  ) / 1024;

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry)!;
const signIn = closure(entry);
const workspace = new Set(signIn);
// The routes a signed-in editor opens first: everything behind sign-in that
// the entry and the signed-in shell import lazily up to the workspace.
for (const key of ['src/SignedInApp.tsx', 'src/pages/ClinicWorkspacePage.tsx']) {
  if (manifest[key]) closure(key, workspace);
}

async function timeToInteractive(): Promise<number> {
  const stop = await globalSetup();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  });
  try {
    const page = await browser.newPage({ baseURL: process.env.E2E_BASE_URL });
    await page.goto('/console/');
    await page.getByLabel('Email').fill('austin@lumen-aesthetics.example');
    await page.getByRole('textbox', { name: 'Password' }).fill('lumen-demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    // Warm: the second visit is what an editor's day looks like.
    const runs: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = Date.now();
      await page.goto('/console/');
      await page
        .getByRole('link', { name: /Austin/ })
        .first()
        .click();
      await page.getByTestId('workspace-ready').waitFor();
      runs.push(Date.now() - started);
    }
    return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  } finally {
    await browser.close();
    await stop();
  }
}

async function main() {
  const signInKb = gzipKb(signIn);
  const workspaceKb = gzipKb(workspace);
  console.log(`Initial JS, gzipped: sign-in ${signInKb.toFixed(1)} KB`);
  console.log(
    `Initial JS, gzipped: sign-in + clinic workspace ${workspaceKb.toFixed(1)} KB (budget ${BUDGET_KB} KB) ${workspaceKb <= BUDGET_KB ? 'OK' : 'OVER BUDGET'}`,
  );
  if (process.argv.includes('--no-browser')) return;
  const ms = await timeToInteractive();
  console.log(`Clinic workspace interactive after ${ms} ms (median of 5, localhost, demo data)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
