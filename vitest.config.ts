import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/electron/**', 'node_modules/**'],
    environment: 'node',
    // rejects.toThrow must see an Error (see the file).
    setupFiles: ['tests/setup/strictRejects.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: forks keep native better-sqlite3 handles and worker threads isolated per file.
    pool: 'forks',
    maxWorkers: 2
  }
})
