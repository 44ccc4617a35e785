import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs of the console: Debian's Chromium (Playwright cannot
 * download its own here) against the built app, which global setup starts
 * on a free port with a fresh embedded PostgreSQL and the demo seed.
 */
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  // Specs share one app and database: they run one after another, each on
  // data no other spec touches.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    // Set by global setup, before the workers (which read this file again) start.
    baseURL: process.env.E2E_BASE_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
  outputDir: '../.e2e-results',
});
