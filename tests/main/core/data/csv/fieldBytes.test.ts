import { describe, expect, it } from 'vitest'
import { plainDecimalAt, SpellingCache } from '../../../../../src/main/core/data/csv/fieldBytes'
import { parseNumber } from '../../../../../src/main/core/data/csv/parseNumber'
import { CsvRecordTable, fieldText, tokenizeCsv } from '../../../../../src/main/core/data/csv/tokenizeCsv'
import { ColumnProfiler } from '../../../../../src/main/core/data/inferColumnKinds'
import { Rng } from '../../../../../src/main/core/base/random'

/** Tokenizes CSV text (no header) and returns its bytes and fields. */
function tokenized(text: string): { bytes: Uint8Array; table: CsvRecordTable } {
  const bytes = new TextEncoder().encode(text)
  const table = new CsvRecordTable()
  tokenizeCsv(bytes, 0, bytes.length, 0x2c, true, table)
  return { bytes, table }
}

/** Cells that read as numbers only through the full grammar, or not at all, mixed in with plain decimals. */
const TRICKY = [
  '-0',
  '007',
  '0.50',
  '.5',
  '5.',
  '1e5',
  '+12',
  ' 12 ',
  '"12"',
  '"1,234"',
  '₹1,50,000',
  '(500)',
  '12.5%',
  '1234567890123456',
  '123456789012345',
  '-98765.4321',
  '',
  'NA',
  'None',
  'none',
  '-',
  'abc',
  'CUST0001',
  'Rs. 2,500',
  '"he said ""hi"""'
]

describe('plainDecimalAt', () => {
  it('reads every plain decimal of up to 15 digits as Number reads its text, and leaves the rest to the text', () => {
    const rng = new Rng(3)
    const cells = [...TRICKY]
    for (let i = 0; i < 500; i++) {
      const digits = 1 + rng.int(15)
      let s = ''
      for (let d = 0; d < digits; d++) s += String(rng.int(10))
      const dot = rng.int(digits + 1)
      cells.push(
        (rng.next() < 0.3 ? '-' : '') + (dot > 0 && dot < digits ? `${s.slice(0, dot)}.${s.slice(dot)}` : s)
      )
    }
    const { bytes, table } = tokenized(cells.join('\n') + '\n')
    let fast = 0
    for (let r = 0; r < table.numRecords; r++) {
      const field = table.fieldFirst[r]
      const text = fieldText(bytes, table, field)
      const x = plainDecimalAt(bytes, table, field)
      if (x === undefined) continue
      fast++
      // An empty field (NaN) is the only non-number it reads; the rest equal parseNumber, −0 as 0.
      if (text === '') expect(x).toBeNaN()
      else expect(Object.is(x, parseNumber(text)) && Object.is(x, Number(text) || 0)).toBe(true)
    }
    expect(fast).toBeGreaterThan(480)
  })

  it('leaves quoted, padded, signed, exponent and over-long numbers to the text', () => {
    const refused = ['"12"', ' 12 ', '5.', '1e5', '+12', '1234567890123456', '1,234', '12%', 'abc', '-']
    const { bytes, table } = tokenized(refused.map((c) => (c.includes(',') ? `"${c}"` : c)).join('\n') + '\n')
    for (let r = 0; r < table.numRecords; r++)
      expect(plainDecimalAt(bytes, table, table.fieldFirst[r])).toBeUndefined()
  })
})

describe('plainDecimalAt at the edges of its grammar', () => {
  it('reads an empty field as NaN, one leading dot as a fraction, and leaves a second dot to the text', () => {
    const { bytes, table } = tokenized('a,,.5,1.2.3,.5.5,5.5.\n')
    const at = (k: number): number | undefined => plainDecimalAt(bytes, table, table.fieldFirst[0] + k)
    expect(at(1)).toBeNaN()
    expect(at(2)).toBe(0.5)
    expect([at(3), at(4), at(5)]).toEqual([undefined, undefined, undefined])
  })
})

/** FNV-1a of a plain spelling, as the standard defines it (offset basis 0x811c9dc5, prime 0x01000193). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193)
  return hash
}

/**
 * A SpellingCache that reads a spelling as its upper case and records each read, run over the
 * first field of every record of `csv`: the values it gave and the texts it had to read.
 */
function readThroughCache(csv: string): { values: string[]; reads: string[] } {
  const reads: string[] = []
  const cache = new SpellingCache((text) => {
    reads.push(text)
    return text.toUpperCase()
  })
  const { bytes, table } = tokenized(csv)
  const values = Array.from({ length: table.numRecords }, (_, r) =>
    cache.get(bytes, table, table.fieldFirst[r])
  )
  return { values, reads }
}

describe('SpellingCache', () => {
  it('tells apart spellings whose hashes collide, of the same length or not', () => {
    // Found by searching short lowercase words for equal 32-bit FNV-1a hashes.
    expect(fnv1a('glbpp')).toBe(fnv1a('yaczf'))
    expect(fnv1a('tbppb')).toBe(fnv1a('qgqnba'))
    const { values, reads } = readThroughCache('yaczf\nglbpp\nqgqnba\ntbppb\nglbpp\nyaczf\n')
    expect(values).toEqual(['YACZF', 'GLBPP', 'QGQNBA', 'TBPPB', 'GLBPP', 'YACZF'])
    // The second of a colliding pair is not remembered: it is read each time it comes.
    expect(reads).toEqual(['yaczf', 'glbpp', 'qgqnba', 'tbppb', 'glbpp'])
  })

  it('remembers spellings of up to 48 bytes wherever they stand, whatever delimiter follows them', () => {
    const long = 'x'.repeat(60)
    const at48 = 'a'.repeat(48)
    const at49 = 'b'.repeat(49)
    // "ab" followed by a line break, then by a comma: one spelling, read once.
    const { reads } = readThroughCache(`${long}\n${at48}\n${at49}\n${at48}\n${at49}\nab\nab,x\n`)
    expect(reads).toEqual([long, at48, at49, at49, 'ab'])
  })

  it('reads each spelling once and gives quoted and plain spellings their own values', () => {
    const { values, reads } = readThroughCache('ab\nab\n"ab"\ncd\nab\n"a""b"\n')
    expect(values).toEqual(['AB', 'AB', 'AB', 'CD', 'AB', 'A"B'])
    // "ab" plain, "ab" quoted (same text, another spelling), cd, a""b.
    expect(reads).toEqual(['ab', 'ab', 'cd', 'a"b'])
  })

  it('keeps at most its capacity of spellings and reads the others from their text every time', () => {
    let reads = 0
    const cache = new SpellingCache((text) => {
      reads++
      return text.length
    }, 2)
    const { bytes, table } = tokenized('a\nbb\nccc\na\nbb\nccc\n')
    const values = Array.from({ length: table.numRecords }, (_, r) =>
      cache.get(bytes, table, table.fieldFirst[r])
    )
    expect(values).toEqual([1, 2, 3, 1, 2, 3])
    expect(reads).toBe(4) // a and bb remembered; ccc read both times
  })
})

describe('ColumnProfiler.addField', () => {
  it('counts a tokenized column from its bytes exactly as add counts each cell’s text, before and after the distinct values overflow', () => {
    const rng = new Rng(11)
    const columns = ['Amount', 'Customer_ID', 'Region']
    const rows: string[][] = []
    for (let r = 0; r < 6000; r++) {
      const tricky = TRICKY[rng.int(TRICKY.length)]
      rows.push([
        // Many distinct amounts (past the 2,000 remembered), now and then a tricky spelling.
        rng.next() < 0.1 ? tricky : `${rng.int(1_000_000)}.${rng.int(100)}`,
        rng.next() < 0.001 ? tricky : `C${r}`,
        rng.next() < 0.2 ? tricky : ['North', 'South', '"East"', ' West'][rng.int(4)]
      ])
    }
    const { bytes, table } = tokenized(rows.map((r) => r.join(',')).join('\n') + '\n')
    columns.forEach((name, c) => {
      const byText = new ColumnProfiler(name)
      const byBytes = new ColumnProfiler(name)
      for (let r = 0; r < table.numRecords; r++) {
        const field = table.fieldFirst[r] + c
        byText.add(fieldText(bytes, table, field))
        byBytes.addField(bytes, table, field)
      }
      for (const key of ['nonMissing', 'noneWords', 'numeric', 'integers', 'unique'] as const)
        expect(byBytes[key]).toBe(byText[key])
      expect(byBytes.distinctValues() && [...byBytes.distinctValues()!]).toEqual(
        byText.distinctValues() && [...byText.distinctValues()!]
      )
      expect(byBytes.inferKind()).toBe(byText.inferKind())
    })
  })
})
