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

/** Fills `{name}` placeholders; a placeholder without a value is left as written. */
export function interpolate(message: string, params: MessageParams = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole
  )
}

/** One message, chosen by `count` when it has choices, with its placeholders filled. */
export function format(message: string, params: MessageParams = {}, count?: number): string {
  let text = message
  if (count !== undefined) {
    const choices = message.split(' | ')
    if (choices.length > 1) text = choices[pluralIndex(count, choices.length)]
  }
  return interpolate(text, { n: count ?? '', count: count ?? '', ...params })
}

/** A translator over catalogues by language; a missing message is an error (the tests make that impossible). */
export function makeTranslator<K extends string>(catalogues: Record<Lang, MessageTree>, lang: Lang) {
  return (key: K, params?: MessageParams, count?: number): string => {
    const message = lookup(catalogues[lang], key) ?? lookup(catalogues.en, key)
    if (message === undefined) throw new Error(`no message "${key}" in the catalogue`)
    return format(message, params, count)
  }
}
