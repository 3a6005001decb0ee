import type { Lang, MessageParams, MessageTree } from './types'

/**
 * Reads the catalogue outside Vue (main: PDFs and CLI output) with the rules vue-i18n
 * applies in the renderer, so one message reads the same in both: `{name}` placeholders,
 * and choices separated by " | " picked by a count (two choices: 1 → the first, else the
 * second; three: 0, 1, more). The renderer uses vue-i18n itself over the same objects.
 */

/** The message at a dotted path, or undefined. */
export function lookup(tree: MessageTree, path: string): string | undefined {
  let node: string | MessageTree | undefined = tree
  for (const key of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined
    node = node[key]
  }
  return typeof node === 'string' ? node : undefined
}

/** Which of a message's " | " choices a count picks (vue-i18n's default rule). */
export function pluralIndex(count: number, choices: number): number {
  const n = Math.abs(count)
  if (choices === 2) return n === 1 ? 0 : 1
  return Math.min(n, 2)
}

/**
 * A message cut once into text and placeholder names (even indexes text, odd indexes names),
 * whole and per " | " choice. A batch file says three reasons a row, a million rows a run:
 * scanning each message with a regular expression and a spread of its parameters per call
 * was a sixth of `ptm score`'s time (CPU profile, 200,000 rows).
 */
interface CompiledMessage {
  whole: string[]
  choices: string[][] | null
}

// Keyed by the message's text: the catalogue's messages, a bounded set.
const compiled = new Map<string, CompiledMessage>()

function compile(message: string): CompiledMessage {
  let found = compiled.get(message)
  if (!found) {
    const choices = message.split(' | ')
    found = { whole: cut(message), choices: choices.length > 1 ? choices.map(cut) : null }
    compiled.set(message, found)
  }
  return found
}

/** '{a} and {b}' → ['', 'a', ' and ', 'b', '']. */
function cut(message: string): string[] {
  return message.split(/\{(\w+)\}/)
}

/**
 * Joins a cut message: a placeholder takes its parameter, else `countText` for `n` and
 * `count` when given, else stays as written.
 */
function fill(parts: string[], params: MessageParams, countText: string | null): string {
  let text = parts[0]
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]
    const value = Object.hasOwn(params, name)
      ? String(params[name])
      : countText !== null && (name === 'n' || name === 'count')
        ? countText
        : `{${name}}`
    text += value + parts[i + 1]
  }
  return text
}

/** Fills `{name}` placeholders; a placeholder without a value is left as written. */
export function interpolate(message: string, params: MessageParams = {}): string {
  return fill(compile(message).whole, params, null)
}

/** One message, chosen by `count` when it has choices, with its placeholders filled. */
export function format(message: string, params: MessageParams = {}, count?: number): string {
  const { whole, choices } = compile(message)
  const parts = count !== undefined && choices ? choices[pluralIndex(count, choices.length)] : whole
  return fill(parts, params, String(count ?? ''))
}

/** A translator over catalogues by language; a missing message is an error (the tests make that impossible). */
export function makeTranslator<K extends string>(catalogues: Record<Lang, MessageTree>, lang: Lang) {
  const found = new Map<string, string>()
  return (key: K, params?: MessageParams, count?: number): string => {
    let message = found.get(key)
    if (message === undefined) {
      message = lookup(catalogues[lang], key) ?? lookup(catalogues.en, key)
      if (message === undefined) throw new Error(`no message "${key}" in the catalogue`)
      found.set(key, message)
    }
    return format(message, params, count)
  }
}
