import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { messages, translator } from '../../src/shared/i18n'
import { format, interpolate, pluralIndex } from '../../src/shared/i18n/translate'
import type { MessageTree } from '../../src/shared/i18n/types'

/** Every message of a tree by its dotted key. */
function flatten(tree: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v)
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv)
  }
  return out
}

const en = flatten(messages.en)
const hi = flatten(messages.hi)
const placeholders = (m: string): string[] => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort()
const DEVANAGARI = /[\u0900-\u097f]/

describe('the message catalogue', () => {
  it('has every message in both English and Hindi, and no message in one only', () => {
    expect([...hi.keys()].sort()).toEqual([...en.keys()].sort())
    expect(en.size).toBeGreaterThan(100)
  })

  it('has no empty message', () => {
    for (const [key, text] of [...en, ...hi]) expect(text.trim(), key).not.toBe('')
  })

  it('gives each Hindi message the placeholders and the number of choices of its English one', () => {
    for (const [key, text] of en) {
      const other = hi.get(key)!
      expect(placeholders(other), key).toEqual(placeholders(text))
      expect(other.split(' | ').length, key).toBe(text.split(' | ').length)
    }
  })

  it('writes Hindi in Devanagari wherever the English has words (nothing left untranslated)', () => {
    for (const [key, text] of hi) {
      const words = text.replace(/\{\w+\}/g, '').replace(/--?[\w-]+|ptm|NAME|TEXT|[A-E]\b/g, '')
      if (/[A-Za-z]{3,}/.test(words) || /[A-Za-z]{2,}/.test(en.get(key)!.replace(/\{\w+\}/g, '')))
        expect(DEVANAGARI.test(text) || text === en.get(key), key).toBe(true)
    }
  })

  it('holds only text vue-i18n shows as written: no linked (@) or list ($) syntax, braces only around names', () => {
    for (const [key, text] of [...en, ...hi]) {
      expect(text, key).not.toMatch(/[@$]/)
      expect(text.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/)
      expect(text.replace(/ \| /g, ''), key).not.toMatch(/\|/)
    }
  })
})

describe('reading the catalogue outside Vue', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}')
  })

  it('fills every message as a regular-expression replacement of its placeholders would', () => {
    // The reference: vue-i18n's named interpolation written the plain way, on every call.
    const byRegex = (message: string, params: Record<string, string | number>, count?: number): string => {
      let text = message
      if (count !== undefined && message.split(' | ').length > 1)
        text = message.split(' | ')[pluralIndex(count, message.split(' | ').length)]
      const all: Record<string, string | number> = { n: count ?? '', count: count ?? '', ...params }
      return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        Object.hasOwn(all, name) ? String(all[name]) : whole
      )
    }
    const names = fc.constantFrom('a', 'n', 'count', 'field', 'x1')
    const piece = fc.oneof(
      fc.string({ maxLength: 6 }),
      names.map((n) => `{${n}}`),
      fc.constant(' | '),
      fc.constant('{'),
      fc.constant('}')
    )
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 10 }).map((p) => p.join('')),
        fc.dictionary(names, fc.oneof(fc.string({ maxLength: 4 }), fc.integer())),
        fc.option(fc.nat(5), { nil: undefined }),
        (message, params, count) => {
          expect(format(message, params, count)).toBe(byRegex(message, params, count))
          expect(format(message, params, count)).toBe(format(message, params, count))
          const plain = message.replace(/\{(n|count)\}/g, '')
          expect(interpolate(plain, params)).toBe(
            plain.replace(/\{(\w+)\}/g, (whole, name: string) =>
              Object.hasOwn(params, name) ? String(params[name]) : whole
            )
          )
        }
      ),
      { seed: 20261207, numRuns: 2000 }
    )
  })

  it("picks a choice by count as vue-i18n's default rule does", () => {
    expect([0, 1, 2, 7].map((n) => pluralIndex(n, 2))).toEqual([1, 0, 1, 1])
    expect([0, 1, 2, 7].map((n) => pluralIndex(n, 3))).toEqual([0, 1, 2, 2])
    expect(format('{n} field | {n} fields', {}, 1)).toBe('1 field')
    expect(format('{n} field | {n} fields', {}, 3)).toBe('3 fields')
  })

  it('gives the same verdict words in each language as the catalogue holds', () => {
    expect(translator('en')('decision.verdict.refer')).toBe('Refer to a senior officer')
    expect(translator('hi')('decision.verdict.decline')).toBe('अस्वीकार करें')
  })
})
