import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readCsvRecords, type CsvRecord } from '../../../../../src/main/core/data/csv/readCsvRecords'
import type { CsvFormat } from '../../../../../src/main/core/data/csv/sniffCsv'
import {
  CsvRecordTable,
  fieldText,
  recordBoundary,
  tokenizeCsv,
  UnclosedQuoteError
} from '../../../../../src/main/core/data/csv/tokenizeCsv'
import { Rng } from '../../../../../src/main/core/base/random'
import { useTempDir } from '../../../../helpers/tempDir'

interface Tokenized {
  /** 1-based line of each record, counted from the start of the text. */
  line: number
  fields: string[]
}

/** All records of `text`, tokenized in pieces cut at `cuts` (as a stream of chunks arrives). */
function tokenizeAll(text: string, delimiter = ',', cuts: number[] = []): Tokenized[] {
  const bytes = Buffer.from(text, 'utf8')
  const table = new CsvRecordTable()
  const out: Tokenized[] = []
  let start = 0
  let line = 1
  const ends = [...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length]
  for (const end of ends) {
    if (end <= start) continue
    const final = end === bytes.length
    const result = tokenizeCsv(bytes, start, end, delimiter.charCodeAt(0), final, table)
    for (let r = 0; r < table.numRecords; r++) {
      const fields: string[] = []
      for (let f = table.fieldFirst[r]; f < table.fieldFirst[r + 1]; f++)
        fields.push(fieldText(bytes, table, f))
      out.push({ line: line + table.recordLine[r], fields })
    }
    line += result.lineBreaks
    start = result.end
  }
  return out
}

/** The same text read by the import path (csv-parse through readCsvRecords), header included. */
async function readAll(path: string, text: string, delimiter = ','): Promise<Tokenized[]> {
  writeFileSync(path, text)
  const out: Tokenized[] = []
  const format: CsvFormat = {
    encoding: 'utf-8',
    bom: false,
    delimiter,
    header: [],
    lineEnding: 'lf',
    sizeBytes: Buffer.byteLength(text)
  }
  // readCsvRecords drops the first non-blank record (the header) and refuses a file
  // without data rows; both sides are compared from the first data record.
  await readCsvRecords(path, format, (batch: CsvRecord[]) => {
    for (const r of batch) out.push({ line: r.line, fields: r.fields })
  }).catch((e: Error) => {
    if (!/no data rows/.test(e.message)) throw e
  })
  return out
}

describe('tokenizeCsv', () => {
  const tmp = useTempDir()

  it('reads quoted fields, doubled quotes, stray and loose quotes as csv-parse does', () => {
    const records = tokenizeAll(
      [
        'a,"b""c",d',
        'a,5" pipe,c',
        '"abc"x,y',
        '  "abc",y',
        '"ab,c"x,y',
        'q,"a"b"c",d',
        '"a""",b',
        '"",b',
        'é,"naïve ""quote""",₹1,50,000'
      ].join('\n')
    )
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b"c', 'd'],
      ['a', '5" pipe', 'c'],
      ['"abc"x', 'y'],
      ['  "abc"', 'y'],
      ['"ab,c"x', 'y'],
      ['q', '"a"b"c"', 'd'],
      ['a"', 'b'],
      ['', 'b'],
      ['é', 'naïve "quote"', '₹1', '50', '000']
    ])
  })

  it('numbers records by the physical line they start on, over LF, CRLF, CR and quoted line breaks', () => {
    const records = tokenizeAll('h1,h2\r\n"multi\r\nline",x\n\n,,\r  ,\t\n"a\rb",c\rd,e')
    expect(records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['multi\r\nline', 'x'] },
      // line 4 is empty and line 5 holds only empty cells, line 6 only spaces: skipped
      { line: 7, fields: ['a\rb', 'c'] },
      { line: 9, fields: ['d', 'e'] }
    ])
  })

  it('skips a row of no-break spaces as blank, as trim() does', () => {
    expect(tokenizeAll('a,b\n\u00a0,\u00a0\n1,2').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2']
    ])
  })

  it('reports an unclosed quote with the line breaks before its record', () => {
    const bytes = Buffer.from('a,b\n1,2\n3,"never\nclosed\n')
    const run = (): unknown => tokenizeCsv(bytes, 0, bytes.length, 0x2c, true, new CsvRecordTable())
    expect(run).toThrow(UnclosedQuoteError)
    try {
      run()
    } catch (e) {
      expect((e as UnclosedQuoteError).lineBreaks).toBe(2)
    }
  })

  it('leaves a record cut by the end of a chunk for the next one, even between CR and LF or two quotes', () => {
    const text = 'a,"x""y"\r\nb,c\r\n'
    const whole = tokenizeAll(text)
    for (let cut = 1; cut < text.length; cut++) expect(tokenizeAll(text, ',', [cut])).toEqual(whole)
  })

  it('stops after maxRecords non-blank records (how the header is found)', () => {
    const bytes = Buffer.from('\n\n"Name",Amount\r\n1,2\n')
    const table = new CsvRecordTable()
    const result = tokenizeCsv(bytes, 0, bytes.length, 0x2c, false, table, 1)
    expect(table.numRecords).toBe(1)
    expect(result.lineBreaks).toBe(3)
    expect(bytes.subarray(result.end).toString()).toBe('1,2\n')
  })

  it('cuts a stream at a record boundary: the records before and after it are those of the whole', () => {
    const rng = new Rng(5)
    const pieces = ['1', '22', ',', ' ', '\n', '\r\n', '\r', 'abc', 'é', '"q,\nx"', '""']
    for (let trial = 0; trial < 300; trial++) {
      let text = ''
      for (let i = 0; i < 40; i++) text += pieces[Math.floor(rng.next() * pieces.length)]
      const bytes = Buffer.from(text)
      const end = Math.floor(rng.next() * (bytes.length + 1))
      let cut: number
      try {
        cut = recordBoundary(bytes, 0, end, 0x2c, false)
      } catch {
        continue
      }
      // Everything up to the cut reads as whole records, the same as in the full text.
      const head = tokenizeAll(bytes.subarray(0, cut).toString())
      const all = tokenizeAll(text)
      expect(head).toEqual(all.slice(0, head.length))
      // And it moves on: a quote-free range is cut after its last line feed.
      const range = bytes.subarray(0, end)
      if (!range.includes(0x22) && range.includes(0x0a)) expect(cut).toBe(range.lastIndexOf(0x0a) + 1)
    }
  })

  it('agrees with the import reader (csv-parse) on random tricky files, whole and in random chunks', async () => {
    const rng = new Rng(11)
    const cells = [
      'plain',
      '',
      ' ',
      '12,5',
      '"quoted"',
      '"with, delimiter"',
      '"with ""doubled"" quotes"',
      '"over\nlines"',
      '"over\r\nlines"',
      '5" pipe',
      "O'Brien",
      '"loose"x',
      '₹1,50,000',
      'naïve',
      '\u00a0',
      '""',
      '-250',
      '=SUM(A1)'
    ]
    const breaks = ['\n', '\r\n', '\r', '\n\n', '\r\n,,\r\n']
    for (const delimiter of [',', ';']) {
      for (let trial = 0; trial < 60; trial++) {
        const rows: string[] = []
        const numRows = 2 + Math.floor(rng.next() * 12)
        for (let r = 0; r < numRows; r++) {
          const numCells = 1 + Math.floor(rng.next() * 5)
          const row: string[] = []
          for (let c = 0; c < numCells; c++) row.push(cells[Math.floor(rng.next() * cells.length)])
          rows.push(row.join(delimiter))
        }
        let text = 'h1' + delimiter + 'h2' + breaks[0]
        for (const row of rows) text += row + breaks[Math.floor(rng.next() * breaks.length)]
        if (rng.next() < 0.5) text = text.replace(/[\r\n,]+$/, '')
        const expected = await readAll(tmp.path(`t${trial}.csv`), text, delimiter)
        const bytes = Buffer.byteLength(text)
        const cuts = [Math.floor(rng.next() * bytes), Math.floor(rng.next() * bytes)]
        for (const got of [tokenizeAll(text, delimiter), tokenizeAll(text, delimiter, cuts)]) {
          // readCsvRecords reads the header itself; compare the data records.
          expect(got.slice(1)).toEqual(expected)
        }
      }
    }
  })
})
