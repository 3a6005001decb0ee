// Mutation testing (npm run test:mutation). Run it a folder or a file list at a time, with the
// tests that should kill its mutants:
//   npm run test:mutation -- --mutate src/main/core/ml/metrics.ts --testFiles 'tests/main/core/ml/**/*.test.ts'
//   npm run test:mutation:folders -- ml scoring   (folder by folder as scripts/mutation/folders.mjs
//                                                  lists them; reports kept per folder)
// Each mutant runs only the tests that executed it in the dry run (coverageAnalysis perTest).
// STRYKER_REPORT names the report files (scripts/mutation/runFolders.mjs sets it per folder).
import { FOLDERS } from './scripts/mutation/folders.mjs'

const report = process.env.STRYKER_REPORT ?? 'mutation'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // Everything the README's table measures; --mutate narrows it.
  mutate: Object.values(FOLDERS).flatMap((f) => f.mutate),
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // related: false: vitest's related-file analysis found no tests at all for some folders in
  // Stryker's sandbox (core/eda) and missed the integration tests of others, so the dry run
  // runs the whole unit suite once per run and coverage decides what each mutant runs.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) would need the whole related suite per mutant.
  ignoreStatic: true,
  // vitest compiles with esbuild, which checks no types; keep files byte-for-byte (a test compares
  // the generated WebAssembly module with its source).
  disableTypeChecks: false,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  // A mutant that loops forever is detected after 1.5 × its tests' time + 10 s.
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${report}.json` },
  htmlReporter: { fileName: `reports/mutation/${report}.html` },
  incrementalFile: `reports/mutation/${report}.incremental.json`,
  // Anchored at the root ('/reports', not 'reports', which would also drop src/main/core/reports).
  ignorePatterns: [
    '/out',
    '/dist',
    '/test-results',
    '/bench',
    '/docs',
    '/examples',
    '/security',
    '/reports',
    '/.electron-native',
    '/tests/e2e',
    '/tests/electron'
  ],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
