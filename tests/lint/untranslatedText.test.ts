import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Every word a user reads in the renderer's templates comes from the catalogue: no text
 * between tags and no user-facing attribute written as a literal. Names of measures kept as
 * they are in both languages (AUC) are the only words allowed as written.
 */

const ROOT = resolve(__dirname, '../../src/renderer/src')
const ALLOWED = new Set(['AUC', 'ml-random-forest', 'log'])
/** Attributes a person reads (or hears from a screen reader). */
const READ_ATTRIBUTES = [
  'label',
  'title',
  'placeholder',
  'aria-label',
  'description',
  'empty-text',
  'element-loading-text',
  'start-placeholder',
  'end-placeholder',
  'range-separator',
  'help',
  'text'
]

function vueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return vueFiles(path)
    return name.endsWith('.vue') ? [path] : []
  })
}

/** The template of a component, outermost <template> to its closing tag. */
function template(source: string): string {
  const start = source.indexOf('<template>')
  const end = source.lastIndexOf('</template>')
  return start < 0 || end < 0 ? '' : source.slice(start, end)
}

/** Words in a piece of text that are not allowed as written. */
function words(text: string): string[] {
  return (text.match(/[A-Za-z][A-Za-z'’-]+/g) ?? []).filter((w) => !ALLOWED.has(w))
}

describe('the renderer’s templates', () => {
  const files = vueFiles(ROOT)

  it('finds the components', () => {
    expect(files.length).toBeGreaterThan(50)
  })

  it('hold no text between tags that does not come from the catalogue', () => {
    const found: string[] = []
    for (const file of files) {
      const body = template(readFileSync(file, 'utf8'))
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/\{\{[\s\S]*?\}\}/g, ' ')
        .replace(/<(?:[^"'>]|"[^"]*"|'[^']*')*>/g, ' ')
        .replace(/&[a-z]+;/g, ' ')
      for (const w of words(body)) found.push(`${relative(ROOT, file)}: ${w}`)
    }
    expect(found).toEqual([])
  })

  it('hold no user-facing attribute written as a literal', () => {
    const found: string[] = []
    for (const file of files) {
      const body = template(readFileSync(file, 'utf8'))
      for (const attr of READ_ATTRIBUTES) {
        // A literal attribute: name="…" not bound with ":" or "v-bind:".
        const re = new RegExp(`(^|[\\s])${attr}="([^"]*)"`, 'g')
        for (const m of body.matchAll(re))
          for (const w of words(m[2])) found.push(`${relative(ROOT, file)}: ${attr}="${w}"`)
      }
    }
    expect(found).toEqual([])
  })
})
