import { defineConfig } from '@playwright/test';

/**
 * Specs that run for minutes by design (a 1,600-operation stress run, 2,000 entries opened one by
 * one): `npm run test:slow` runs them, and CI runs it after `npm test`, which stays near 15 minutes.
 */
const SLOW_SPECS = ['**/stress.spec.ts', '**/memory.spec.ts'];

/**
 * End-to-end specs: the real renderer in Debian's Chromium against the browser host (one
 * browser context = one window = one BaseX session). The Electron spec runs where an Electron
 * runtime exists. Specs wait on UI state, never on fixed sleeps.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
  // `playwright test` alone runs both; `npm test` the first, `npm run test:slow` the second.
  projects: [
    { name: 'main', testIgnore: SLOW_SPECS },
    { name: 'slow', testMatch: SLOW_SPECS },
  ],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
});
