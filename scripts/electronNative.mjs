// Builds better-sqlite3 for Electron's ABI into .electron-native/ so that `npm start`
// and `npm run dev` work from a fresh clone, while node_modules keeps the build for
// plain Node that the CLI and the tests load. Skips when the copy is up to date.
// The packaged app does not use this: electron-builder rebuilds node_modules itself.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { electronBinary, electronVersion } from './electronBinary.mjs'

const require = createRequire(import.meta.url)
const root = join(dirname(new URL(import.meta.url).pathname), '..')
const outDir = join(root, '.electron-native')
const target = join(outDir, 'better_sqlite3.node')
const stampFile = join(outDir, 'stamp.json')

if (!electronBinary()) {
  console.error(
    'The Electron binary is not installed (it is skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1).\n' +
      'On a machine with internet run "npm ci" (without that variable) to open the desktop window.\n' +
      'Everything else works without it: "npm run ptm -- --help", "npm test", "npm run build".'
  )
  process.exit(1)
}

const version = electronVersion()
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version
const stamp = JSON.stringify({
  electron: version,
  betterSqlite3: sqliteVersion,
  platform: process.platform,
  arch: process.arch
})
if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) process.exit(0)

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${version} (once; about a minute)...`)
const work = join(outDir, 'work')
rmSync(work, { recursive: true, force: true })
mkdirSync(join(work, 'node_modules'), { recursive: true })
cpSync(sqliteDir, join(work, 'node_modules', 'better-sqlite3'), {
  recursive: true,
  filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`)
})
writeFileSync(
  join(work, 'package.json'),
  JSON.stringify({
    name: 'electron-native',
    version: '1.0.0',
    dependencies: { 'better-sqlite3': sqliteVersion }
  })
)
// A machine-wide nodedir (set for plain-Node builds) would make node-gyp use Node's headers.
delete process.env.npm_config_nodedir
const { rebuild } = await import('@electron/rebuild')
await rebuild({
  buildPath: work,
  electronVersion: version,
  arch: process.arch,
  onlyModules: ['better-sqlite3'],
  force: true
})
cpSync(join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target)
writeFileSync(stampFile, stamp)
rmSync(work, { recursive: true, force: true })
console.log(`Built ${target}`)
