import { describe, expect, it } from 'vitest'
import {
  CsvRecordTable,
  UnclosedQuoteError,
  decodeRange,
  fieldText,
  recordBoundary,
  tokenizeCsv
} from '../../../../../src/main/core/data/csv/tokenizeCsv'

const COMMA = 0x2c
const bytesOf = (text: string): Buffer => Buffer.from(text, 'utf8')

/** The records of `text` (one chunk, final), each as its fields' values. */
function records(text: string): string[][] {
  const bytes = bytesOf(text)
  const table = new CsvRecordTable()
  tokenizeCsv(bytes, 0, bytes.length, COMMA, true, table)
  return Array.from({ length: table.numRecords }, (_, r) =>
    Array.from({ length: table.fieldCount(r) }, (_, k) => fieldText(bytes, table, table.fieldFirst[r] + k))
  )
}

describe('recordBoundary without quotes (where a chunk may be cut)', () => {
  const boundary = (text: string, start = 0, final = false): number => {
    const bytes = bytesOf(text)
    return recordBoundary(bytes, start, bytes.length, COMMA, final)
  }

  it('cuts after the last line feed, or takes the whole range when it is the last', () => {
    expect(boundary('a,b\nc,d')).toBe(4)
    expect(boundary('a,b\nc,d', 0, true)).toBe(7)
  })

  it('cuts after the last carriage return of an old Mac file, but not after a CR that may begin a CRLF', () => {
    expect(boundary('a\rb\rc')).toBe(4)
    // The final CR may be followed by LF in the next chunk: cut after the CR before it.
    expect(boundary('a\rb\r')).toBe(2)
    expect(boundary('ab\r')).toBe(0)
    expect(boundary('\r')).toBe(0)
  })

  it('never cuts before the range start, whatever line ends come before it', () => {
    expect(boundary('x\ry,z', 2)).toBe(2)
    expect(boundary('x\ny,z', 2)).toBe(2)
    expect(boundary('x\ny\rz', 2)).toBe(4)
  })
})

describe('tokenizeCsv and fieldText, less common shapes', () => {
  it('keeps a loosely quoted field as csv-parse does: opening quote kept, quoted part unescaped, rest as written', () => {
    expect(records('"ab"c,d\n"a""b"c,e\n')).toEqual([
      ['"ab"c', 'd'],
      ['"a"b"c', 'e']
    ])
  })

  it('reads quoted, escaped and plain fields, and a doubled quote cut at the end of the range', () => {
    expect(records('"a,b","c""d",e\n')).toEqual([['a,b', 'c"d', 'e']])
  })

  it('drops records of blanks, also non-ASCII spaces and empty quotes, and keeps a record of one letter', () => {
    expect(records('a\n\u00a0,""\n \t\n"",\u3000\né\n')).toEqual([['a'], ['é']])
  })

  it('counts line breaks inside quoted fields: CRLF once, a lone CR once', () => {
    const bytes = bytesOf('"a\r\nb","c\rd"\nx\n')
    const result = tokenizeCsv(bytes, 0, bytes.length, COMMA, true, null)
    expect([result.lineBreaks, result.records, result.end]).toEqual([4, 2, bytes.length])
  })

  it('names how many lines into the range an unclosed quote starts', () => {
    const bytes = bytesOf('a\nb\n"c\nd')
    let error: unknown
    try {
      tokenizeCsv(bytes, 0, bytes.length, COMMA, true, null)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UnclosedQuoteError)
    expect((error as UnclosedQuoteError).lineBreaks).toBe(2)
  })

  it('grows its tables past their first size', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `${i},${i * 2},${i * 3}`).join('\n')
    const got = records(text)
    expect(got).toHaveLength(3000)
    expect(got[2999]).toEqual(['2999', '5998', '8997'])
    expect(got[1024]).toEqual(['1024', '2048', '3072'])
  })
})

describe('decodeRange', () => {
  it('decodes short and long ranges, ASCII or not', () => {
    for (const text of ['', 'abc', 'x'.repeat(24), 'y'.repeat(25), 'Müller', 'naïve café au lait de Pune'])
      expect(decodeRange(bytesOf(`[${text}]`), 1, bytesOf(text).length + 1)).toBe(text)
  })
})
