import { describe, expect, it } from 'vitest'
import {
  BadByteError,
  EncodingChange,
  EncodingGuard,
  badByteInputError,
  type CsvEncoding
} from '../../../../../src/main/core/data/csv/encodingGuard'
import { useTempDir } from '../../../../helpers/tempDir'

// Byte offsets and code points below are worked out by hand from the encodings' definitions
// (RFC 3629 for UTF-8, RFC 2781 for UTF-16, the Windows-1252 code page).

/** What the guard throws for `chunks` (then end of file), or null when it accepts them. */
function verdict(encoding: CsvEncoding, chunks: number[][], mayBe1252 = false): unknown {
  const guard = new EncodingGuard(encoding, mayBe1252)
  try {
    for (const c of chunks) guard.check(Uint8Array.from(c))
    guard.end()
  } catch (error) {
    if (error instanceof BadByteError) return { offset: error.offset, kind: error.kind, bytes: error.bytes }
    if (error instanceof EncodingChange) return { change: error.encoding }
    throw error
  }
  return null
}

const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')]
const E_ACUTE = [0xc3, 0xa9] // é
const EURO = [0xe2, 0x82, 0xac] // €
const GRINNING = [0xf0, 0x9f, 0x98, 0x80] // U+1F600

describe('EncodingGuard, UTF-8', () => {
  it('accepts characters of 2, 3 and 4 bytes, also when a chunk ends inside one', () => {
    const all = [...ascii('a,'), ...E_ACUTE, ...EURO, ...GRINNING, ...ascii('\n')]
    expect(verdict('utf-8', [all])).toBeNull()
    for (let cut = 1; cut < all.length; cut++)
      expect(verdict('utf-8', [all.slice(0, cut), all.slice(cut)]), `cut at ${cut}`).toBeNull()
  })

  it('names the offset of a NUL byte across chunks', () => {
    expect(verdict('utf-8', [ascii('ab'), [...ascii('c'), 0, ...ascii('d')]])).toEqual({
      offset: 3,
      kind: 'nul',
      bytes: [0]
    })
  })

  it('names the first byte that begins no valid character, after valid ones of every length', () => {
    const head = [...ascii('x'), ...E_ACUTE, ...EURO, ...GRINNING]
    expect(verdict('utf-8', [[...head, 0x80]])).toEqual({ offset: 10, kind: 'invalid', bytes: [0x80] })
    // An overlong 2-byte form, an overlong 3-byte form, a surrogate, a code point past U+10FFFF,
    // a lead byte missing its continuation: each invalid where it begins.
    for (const bad of [
      [0xc0, 0x80],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x41, 0x41],
      [0xf8, 0x80]
    ])
      expect(verdict('utf-8', [[...E_ACUTE, ...bad, ...ascii('zz')]]), bad.join(' ')).toEqual({
        offset: 2,
        kind: 'invalid',
        bytes: [bad[0]]
      })
  })

  it('accepts the first and last code point of every length, also cut at every chunk boundary', () => {
    const edges = [
      [0xc2, 0x80], // U+0080
      [0xdf, 0xbf], // U+07FF
      [0xe0, 0xa0, 0x80], // U+0800
      [0xef, 0xbf, 0xbf], // U+FFFF
      [0xf0, 0x90, 0x80, 0x80], // U+10000
      [0xf4, 0x8f, 0xbf, 0xbf] // U+10FFFF
    ]
    for (const edge of edges) {
      const all = [...ascii('a'), ...edge, ...ascii('b')]
      for (let cut = 0; cut <= all.length; cut++)
        expect(
          verdict('utf-8', [all.slice(0, cut), all.slice(cut)]),
          `${edge.join(' ')} cut at ${cut}`
        ).toBeNull()
    }
    // After each edge character, a bad byte is found just past it (not at the character).
    for (const edge of edges)
      expect(verdict('utf-8', [[...ascii('a'), ...edge, 0xff]]), edge.join(' ')).toEqual({
        offset: 1 + edge.length,
        kind: 'invalid',
        bytes: [0xff]
      })
    // Just past the edges: lead bytes 0xC1 (overlong) and 0xF5 (past U+10FFFF) begin nothing.
    for (const bad of [
      [0xc1, 0xbf],
      [0xf5, 0x80, 0x80, 0x80]
    ])
      expect(verdict('utf-8', [[...E_ACUTE, ...bad]])).toEqual({
        offset: 2,
        kind: 'invalid',
        bytes: [bad[0]]
      })
  })

  it('reports whichever comes first of a NUL and an invalid byte, at the very start of a chunk too', () => {
    expect(verdict('utf-8', [[0, 0x41]])).toEqual({ offset: 0, kind: 'nul', bytes: [0] })
    expect(verdict('utf-8', [[0, 0xff]])).toEqual({ offset: 0, kind: 'nul', bytes: [0] })
    expect(verdict('utf-8', [[0xff, 0x41, 0]])).toEqual({ offset: 0, kind: 'invalid', bytes: [0xff] })
  })

  it('refuses a character cut off by the end of the file', () => {
    expect(verdict('utf-8', [[...ascii('ab'), 0xe2, 0x82]])).toEqual({
      offset: 2,
      kind: 'invalid',
      bytes: [0xe2]
    })
  })

  it('reads a file as Windows-1252 when its first bad byte follows nothing but ASCII, and only then', () => {
    expect(verdict('utf-8', [ascii('name\n'), [...ascii('Ren'), 0xe9]], true)).toEqual({
      change: 'windows-1252'
    })
    expect(verdict('utf-8', [[...ascii('Ren'), 0xe9]], false)).toEqual({
      offset: 3,
      kind: 'invalid',
      bytes: [0xe9]
    })
    // After a real UTF-8 character the file is UTF-8: a later bad byte is a mix of encodings.
    expect(verdict('utf-8', [[...E_ACUTE, ...ascii('\n')], [0xe9]], true)).toEqual({
      offset: 3,
      kind: 'invalid',
      bytes: [0xe9]
    })
    // A NUL is binary whatever else the file holds.
    expect(verdict('utf-8', [[...ascii('a'), 0xe9, 0]], true)).toEqual({ change: 'windows-1252' })
    expect(verdict('utf-8', [[...ascii('a'), 0, 0xe9]], true)).toEqual({ offset: 1, kind: 'nul', bytes: [0] })
  })
})

describe('EncodingGuard, Windows-1252', () => {
  it('accepts € (0x80) and every defined byte, and refuses NUL and the five undefined bytes where they are', () => {
    expect(verdict('windows-1252', [[0x80, 0xe9, 0xff, 0x9e, 0x8e]])).toBeNull()
    for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d])
      expect(verdict('windows-1252', [ascii('abc'), [0x41, b]])).toEqual({
        offset: 4,
        kind: 'invalid',
        bytes: [b]
      })
    expect(verdict('windows-1252', [ascii('ab'), [0x41, 0]])).toEqual({ offset: 3, kind: 'nul', bytes: [0] })
  })
})

describe('EncodingGuard, UTF-16', () => {
  /** `text` in UTF-16, little- or big-endian. */
  const utf16 = (units: number[], le: boolean): number[] =>
    units.flatMap((u) => (le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]))

  for (const le of [true, false]) {
    const encoding: CsvEncoding = le ? 'utf-16le' : 'utf-16be'
    const enc = (units: number[]): number[] => utf16(units, le)

    it(`${encoding}: accepts a surrogate pair, also split across chunks`, () => {
      const bytes = enc([0x41, 0xd83d, 0xde00, 0x42])
      expect(verdict(encoding, [bytes])).toBeNull()
      for (let cut = 1; cut < bytes.length; cut++)
        expect(verdict(encoding, [bytes.slice(0, cut), bytes.slice(cut)]), `cut at ${cut}`).toBeNull()
    })

    it(`${encoding}: names a NUL unit, a lone low surrogate and an unpaired high one`, () => {
      expect(verdict(encoding, [enc([0x41, 0x42, 0])])).toEqual({ offset: 4, kind: 'nul', bytes: [0, 0] })
      expect(verdict(encoding, [enc([0x41, 0xdc00])])).toEqual({
        offset: 2,
        kind: 'invalid',
        bytes: enc([0xdc00])
      })
      expect(verdict(encoding, [enc([0x41, 0xd83d, 0x42])])).toEqual({
        offset: 2,
        kind: 'invalid',
        bytes: enc([0xd83d, 0x42])
      })
      expect(verdict(encoding, [enc([0x41, 0xd83d])])).toEqual({ offset: 2, kind: 'invalid', bytes: [] })
      expect(verdict(encoding, [[...enc([0x41]), 0x42]])).toEqual({
        offset: 2,
        kind: 'invalid',
        bytes: [0x42]
      })
      // A high surrogate at the very start of the file, left unpaired.
      expect(verdict(encoding, [enc([0xd83d])])).toEqual({ offset: 0, kind: 'invalid', bytes: [] })
      expect(verdict(encoding, [enc([0xd83d, 0x41])])).toEqual({
        offset: 0,
        kind: 'invalid',
        bytes: enc([0xd83d, 0x41])
      })
    })

    it(`${encoding}: takes the surrogate ranges to their ends`, () => {
      expect(verdict(encoding, [enc([0xd800, 0xdc00, 0xdbff, 0xdfff])])).toBeNull()
      expect(verdict(encoding, [enc([0x41, 0xdfff])])).toEqual({
        offset: 2,
        kind: 'invalid',
        bytes: enc([0xdfff])
      })
      // U+D7FF and U+E000 are plain characters on either side of the surrogates.
      expect(verdict(encoding, [enc([0xd7ff, 0xe000, 0xdbff, 0xdc00])])).toBeNull()
      expect(verdict(encoding, [enc([0xdbff, 0xe000])])).toEqual({
        offset: 0,
        kind: 'invalid',
        bytes: enc([0xdbff, 0xe000])
      })
    })
  }
})

describe('badByteInputError (the user’s message, with line and column)', () => {
  const tmp = useTempDir()

  it('counts lines inside quoted fields and fields by the delimiter up to the bad byte', async () => {
    // Offsets: "a,b\n" 0–3, "\"x\ny\",z\n" 4–11, "1," 12–13, the bad byte at 14: line 4, field 2.
    const file = tmp.write(
      'mixed.csv',
      Buffer.concat([Buffer.from('a,b\n"x\ny",z\n1,'), Buffer.from([0xff, 0x0a])])
    )
    const error = await badByteInputError(file, 'utf-8', ',', new BadByteError(14, 'invalid', [0xff]))
    expect([error.code, error.line, error.column]).toEqual(['BAD_ENCODING', 4, 2])
    expect(error.message).toBe(
      'mixed.csv, line 4, column 2: the byte 0xFF here is not UTF-8 text, though the file is UTF-8 before it (it mixes encodings). Open the file in the program that made it and save it again as "CSV UTF-8", then try again.'
    )
  })

  it('counts CRLF as one line end, "" inside quotes as a quote, and skips the byte order mark', async () => {
    // BOM 0–2; "\"q\"\"\";r\r\n" 3–11; "s;" 12–13; NUL at 14: line 2, field 2.
    const file = tmp.write(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('"q""";r\r\ns;\0')])
    )
    const error = await badByteInputError(file, 'utf-8', ';', new BadByteError(14, 'nul', [0]))
    expect([error.code, error.line, error.column]).toEqual(['BINARY_FILE', 2, 2])
    expect(error.message).toMatch(
      /^bom\.csv, line 2, column 2: this is a binary file \(it contains a NUL byte here\)/
    )
  })

  it('names two bytes in the plural and the encoding by its name', async () => {
    const file = tmp.write('u16.csv', Buffer.from('\ufeffa,b\r\nc,d\n', 'utf16le'))
    // UTF-16LE: BOM 0–1, "a,b\r\n" 2–11, "c," 12–15, the bad unit at 16: line 2, field 2.
    const error = await badByteInputError(
      file,
      'utf-16le',
      ',',
      new BadByteError(16, 'invalid', [0x00, 0xdc])
    )
    expect([error.line, error.column]).toEqual([2, 2])
    expect(error.message).toContain(
      'the bytes 0x00 0xDC here are not UTF-16LE text, though the file is UTF-16LE before them'
    )
    // UTF-16BE with its BOM (FE FF): "a,b\r\n" 2–11, "c," 12–15, the bad unit at 16.
    const be = tmp.write('be.csv', Buffer.from(Buffer.from('\ufeffa,b\r\nc,d\n', 'utf16le').swap16()))
    const inBe = await badByteInputError(be, 'utf-16be', ',', new BadByteError(16, 'invalid', [0xdc, 0x00]))
    expect([inBe.line, inBe.column]).toEqual([2, 2])
    // Bytes that only begin like a UTF-8 BOM are text: "\xEF\xBB," is field 1, the bad byte field 2.
    const partial = tmp.write('partial.csv', Buffer.from([0xef, 0xbb, 0x2c, 0x0a, 0x61, 0x2c, 0xff]))
    const inPartial = await badByteInputError(partial, 'utf-8', ',', new BadByteError(6, 'invalid', [0xff]))
    expect([inPartial.line, inPartial.column]).toEqual([2, 2])
    const cp = tmp.write('cp.csv', Buffer.from([0x61, 0x2c, 0x81]))
    const inCp = await badByteInputError(cp, 'windows-1252', ',', new BadByteError(2, 'invalid', [0x81]))
    expect(inCp.message).toContain('the byte 0x81 here is not Windows-1252 text')
  })
})
