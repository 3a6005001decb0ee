import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

/** A fresh temporary folder per test, removed afterwards. */
export function useTempDir(): {
  path: (name: string) => string
  write: (name: string, content: string | Buffer) => string
} {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })
  const ensure = (): string => (dir ??= mkdtempSync(join(tmpdir(), 'ptm-test-')))
  return {
    path: (name) => join(ensure(), name),
    write: (name, content) => {
      const p = join(ensure(), name)
      writeFileSync(p, content)
      return p
    }
  }
}
