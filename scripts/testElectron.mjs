// `npm run test:electron`: the e2e flows against the real Electron app through
// Playwright's Electron support. Needs the Electron binary, which offline build
// machines do not have.
import { spawnSync } from 'node:child_process'
import { electronBinary } from './electronBinary.mjs'

if (!electronBinary()) {
  console.error(
    'npm run test:electron needs the Electron binary, which is not installed here\n' +
      '(installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). Run "npm ci" on a machine with internet, then try again.\n' +
      'The same flows run in Chromium against the built renderer with "npm run test:e2e".'
  )
  process.exit(1)
}
const steps = [
  ['node', ['scripts/electronNative.mjs']],
  ['npx', ['electron-vite', 'build']],
  ['npx', ['vitest', 'run', '--config', 'vitest.electron.config.ts']]
]
for (const [cmd, args] of steps) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
