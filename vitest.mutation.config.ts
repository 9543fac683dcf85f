// The pure domain modules' own tests, without a database: what mutation testing runs for each
// mutant (npm run test:mutation; see stryker.config.mjs).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/indonesian-values.test.ts',
      'test/csv.test.ts',
      'test/contribution-calculator.test.ts',
      'test/income-text.test.ts',
      'test/normalize.test.ts',
      'test/edit-distance.test.ts',
      'test/role-scope.test.ts',
    ],
    pool: 'threads',
    testTimeout: 30_000,
    // The 100,000-row parse is a load test: run for every mutant it would take hours.
    testNamePattern: /^(?!.*100,000 generated rows)/,
  },
});
