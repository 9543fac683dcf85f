// npm run test:mutation: StrykerJS mutates the pure domain modules one change at a time and
// runs their tests (vitest.mutation.config.ts) against each mutant; a mutant no test notices
// is a claim the suite does not guard. Too slow for every CI run: run it before changing these.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/domain/import/indonesian-values.ts', 'src/domain/import/csv.ts'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress'],
  concurrency: 2,
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
