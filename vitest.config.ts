import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One real BaseX server for the whole run, started in a temporary data folder.
    globalSetup: ['test/setup/basex-server.ts'],
    // Generous: a bound on a hang, not a speed check (several suites share two cores).
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
