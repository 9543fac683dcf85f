import { defineConfig } from 'vitest/config';

const shared = {
  pool: 'forks' as const,
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Each file has its own database; two at a time fits the two cores.
  maxWorkers: 2,
};

export default defineConfig({
  test: {
    // Once for both projects: the template database every test file copies.
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        test: { ...shared, name: 'suite', include: ['test/**/*.test.ts'], exclude: ['test/console.test.ts'], sequence: { groupOrder: 0 } },
      },
      // The console starts the bot as a person would (`npm start`, within 15 s of a fresh data
      // directory): after the rest, so that it measures the start and not the other tests' load.
      { test: { ...shared, name: 'console', include: ['test/console.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
