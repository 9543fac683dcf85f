// npm run test:mutation: StrykerJS mutates the pure domain modules one change at a time and
// runs their tests (vitest.mutation.config.ts) against each mutant; a mutant no test notices
// is a claim the suite does not guard. Too slow for every CI run: run it before changing these.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    // Indonesian values and CSV parsing.
    'src/domain/import/indonesian-values.ts',
    'src/domain/import/csv.ts',
    // The contribution calculator and the incomes it reads from messages.
    'src/domain/contributions/contribution-calculator.ts',
    'src/domain/contributions/income-text.ts',
    // Understanding's pure pieces: normalising words and counting typos. (The ranker itself is
    // guarded by the labelled sets, seconds per run: hours for its ~1,500 mutants on 2 cores.)
    'src/domain/understanding/normalize.ts',
    'src/domain/understanding/edit-distance.ts',
    // Roles: who may act on which region (roles.ts itself is SQL, tested on PostgreSQL).
    'src/domain/roles/role-scope.ts',
  ],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress'],
  concurrency: 2,
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
