import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser'
import { afterAll, describe, expect, it } from 'vitest'

// The rules `npm run lint` applies (.dependency-cruiser.cjs), run on small trees made here,
// so a rule that stops biting fails this file rather than passing silently.
const root = resolve(__dirname, '../..')
const config = createRequire(__filename)(join(root, '.dependency-cruiser.cjs')) as IConfiguration

const made: string[] = []
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })))

/** Cruises a tree of `files` (path → source) with the project's rules; returns the rule names broken. */
async function brokenRules(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ptm-layers-'))
  made.push(dir)
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), source)
  }
  const { forbidden, options } = config
  const previous = process.cwd()
  process.chdir(dir)
  try {
    const result = await cruise(['src'], {
      ...options,
      tsConfig: undefined,
      ruleSet: { forbidden },
      validate: true,
      baseDir: dir
    })
    const output = result.output as ICruiseResult
    return [...new Set(output.summary.violations.map((v) => v.rule.name))].sort()
  } finally {
    process.chdir(previous)
  }
}

describe('layer rules', () => {
  it('refuse a lower layer importing a higher one (core base → storage)', async () => {
    const rules = await brokenRules({
      'src/main/core/base/clock.ts': "import { open } from '../storage/db'\nexport const x = open\n",
      'src/main/core/storage/db.ts': 'export const open = 1\n'
    })
    expect(rules).toEqual(['layer-base'])
  })

  it('refuse two folders of one layer that import each other', async () => {
    const rules = await brokenRules({
      'src/main/cli/a.ts': "import { b } from '../http/b'\nexport const a = b\n",
      'src/main/http/b.ts': "import { c } from '../cli/c'\nexport const b = c\n",
      'src/main/cli/c.ts': 'export const c = 1\n'
    })
    expect(rules).toContain('no-folder-cycles')
  })

  it('refuse electron outside main/index, window and ipc, and the renderer reaching into main', async () => {
    const rules = await brokenRules({
      'src/main/core/scoring/s.ts': "import { app } from 'electron'\nexport const s = app\n",
      'src/renderer/src/v.ts': "import { m } from '../../main/core/model/m'\nexport const v = m\n",
      'src/main/core/model/m.ts': 'export const m = 1\n'
    })
    expect(rules).toEqual(['electron-at-the-edges', 'renderer-only-shared'])
  })

  it('refuse a folder of src/main that belongs to no layer', async () => {
    const rules = await brokenRules({
      'src/main/core/stray/s.ts': "import { b } from '../base/b'\nexport const s = b\n",
      'src/main/core/base/b.ts': 'export const b = 1\n'
    })
    expect(rules).toEqual(['every-module-in-a-layer'])
  })

  it('accept imports that go down the layers', async () => {
    const rules = await brokenRules({
      'src/main/core/service/w.ts': "import { r } from '../storage/r'\nexport const w = r\n",
      'src/main/core/storage/r.ts': "import { m } from '../model/m'\nexport const r = m\n",
      'src/main/core/model/m.ts': "import { s } from '../../../shared/s'\nexport const m = s\n",
      'src/shared/s.ts': 'export const s = 1\n'
    })
    expect(rules).toEqual([])
  })
})
