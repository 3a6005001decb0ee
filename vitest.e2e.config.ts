import { defineConfig } from 'vitest/config'

// Browser tests: the built renderer in Chromium over the test bridge (tests/e2e/bridge).
// One fork at a time: each file runs a browser, a server and job workers.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000
  }
})
