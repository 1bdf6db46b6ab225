import { defineConfig } from '@playwright/test';

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
