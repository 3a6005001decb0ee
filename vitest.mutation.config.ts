import { defineConfig } from 'vitest/config'
import QuickFirstSequencer from './tests/setup/quickFirstSequencer'

// The unit suite as Stryker runs it (npm run test:mutation): the main-process and shared tests
// only. Stryker's vitest runner runs them once to learn which tests cover which mutant, then
// each mutant runs only the tests that covered it.
export default defineConfig({
  test: {
    include: ['tests/main/**/*.test.ts', 'tests/shared/**/*.test.ts'],
    exclude: ['node_modules/**'],
    environment: 'node',
    // rejects.toThrow must see an Error (see the file).
    setupFiles: ['tests/setup/strictRejects.ts'],
    // A mutant's run stops at its first failing test: quick files first (see the file).
    sequence: { sequencer: QuickFirstSequencer },
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
