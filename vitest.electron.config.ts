import { defineConfig } from 'vitest/config'

// `npm run test:electron`: the real Electron app through Playwright's Electron support.
// Needs the Electron binary (scripts/testElectron.mjs checks before running this).
export default defineConfig({
  test: {
    include: ['tests/electron/**/*.electron.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000
  }
})
