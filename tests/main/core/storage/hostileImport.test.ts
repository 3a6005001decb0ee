import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { WorkbenchError } from '../../../../src/main/core/base/errors'
import { isMissingToken } from '../../../../src/main/core/data/csv/parseNumber'
import { DatasetRepo, MAX_DATASET_COLUMNS } from '../../../../src/main/core/storage/DatasetRepo'
import { exportDatasetCsv } from '../../../../src/main/core/storage/exportCsv'
import { importCsv } from '../../../../src/main/core/storage/importCsv'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { NOTHING_STORED, storedDatasetParts } from '../../../helpers/storedDatasets'
import { useTempDir } from '../../../helpers/tempDir'

/** Headers a bank's file may carry, the store's own names and SQL's among them. */
const NASTY_NAMES = [
  '_line',
  'rowid',
  'ROWID',
  'oid',
  '_rowid_',
  'c1',
  'c2',
  'select',
  'from',
  'Default',
  'default',
  '"quoted"',
  "it's",
  '[bracket]',
  '`tick`',
  'a,b',
  'two words',
  'Ünïcödé',
  'संख्या',
  '贷款金额',
  '💰 amount',
  '__proto__',
  'constructor',
  'toString',
  'x'.repeat(3000)
]

/** Column names: the nasty ones and arbitrary text (no control characters: those are refused, tested below). */
const columnName = fc
  .oneof(fc.constantFrom(...NASTY_NAMES), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }))
  .filter((n) => n.trim() !== '' && !/[;|\t]/.test(n) && [...n].every((c) => c >= ' ' && c !== '\u007f'))

/** Numeric cells as exports write them, and the overflowing and non-numeric ones. */
const numericCell = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.constantFrom(
    '1e400',
    '-1e309',
    '1e308',
    '-1.7976931348623157e308',
    '5e-324',
    'Infinity',
    '-Infinity',
    'NaN',
    'NA',
    '',
    'abc',
    '₹1,50,000',
    '(500)',
    '12.5%'
  )
)

const FORMULA_FREE = (s: string): boolean => !/^[=+\-@]/.test(s)

describe('importCsv on hostile files', () => {
  const tmp = useTempDir()

  // Rows in = rows imported + rows rejected; headers come back exactly, in order; no
  // number is stored as ±Infinity; a refused file leaves nothing; the database stays sound.
  it('imports any header and any cells faithfully, or refuses the file with a catalogued error and leaves nothing', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(columnName, { minLength: 1, maxLength: 6, selector: (n) => n.trim() }),
        fc.array(fc.tuple(fc.array(numericCell, { minLength: 6, maxLength: 6 }), fc.constantFrom('0', '1')), {
          minLength: 1,
          maxLength: 30
        }),
        fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le'),
        fc.constantFrom('\n', '\r\n'),
        async (names, rows, encoding, eol) => {
          const header = [...names, 'Target']
          const width = header.length
          const records = rows.map(([cells, t]) => [...cells.slice(0, width - 1), t])
          const text = stringify([header, ...records], { record_delimiter: eol })
          const canEncode =
            encoding !== 'windows-1252' ||
            iconv.decode(iconv.encode(text, 'windows-1252'), 'windows-1252') === text
          const bytes =
            encoding === 'utf-8' || !canEncode
              ? Buffer.from(text)
              : encoding === 'utf-8-bom'
                ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
                : encoding === 'utf-16le'
                  ? iconv.encode(text, 'utf-16le', { addBOM: true })
                  : iconv.encode(text, 'windows-1252')
          const file = tmp.write(`hostile-${run++}.csv`, bytes)
          const db = openDatabase(tmp.path(`h-${run}.db`))
          try {
            const outcome = await importCsv(db, { path: file, target: 'Target' }).catch((e: unknown) => e)
            if (outcome instanceof Error) {
              expect(outcome).toBeInstanceOf(WorkbenchError)
              expect((outcome as WorkbenchError).code).not.toBe('INTERNAL')
              expect(outcome.message).not.toMatch(/\n/)
              expect(storedDatasetParts(db)).toEqual(NOTHING_STORED)
            } else {
              const { dataset, report } = outcome as Awaited<ReturnType<typeof importCsv>>
              expect(report.rowsRead).toBe(records.length)
              expect(report.rowsImported + report.rowsRejected).toBe(report.rowsRead)
              const repo = new DatasetRepo(db)
              expect(repo.get(dataset.id).columnSpecs.map((c) => c.name)).toEqual(header.map((h) => h.trim()))
              const table = repo.loadTable(dataset.id)
              expect(table.numRows).toBe(report.rowsImported)
              for (const c of table.columns)
                if (c.kind === 'numeric')
                  expect(c.values.every((v) => Number.isNaN(v) || Number.isFinite(v))).toBe(true)
              // Rows come back in file order, and the raw export gives the header back in order.
              expect([...table.lines]).toEqual([...table.lines].sort((a, b) => a - b))
              const out = tmp.path(`export-${run}.csv`)
              await exportDatasetCsv(db, dataset.id, out, { raw: true })
              const exported = parse(readFileSync(out)) as string[][]
              expect(exported[0]).toEqual(header.map((h) => h.trim()))
              expect(exported.length - 1).toBe(report.rowsImported)
            }
            expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
          } finally {
            db.close()
          }
        }
      ),
      { numRuns: 60, seed: 30 }
    )
  })

  it('rejects overflowing numbers per line, like any other non-number, and imports the rest', async () => {
    const lines = [
      'id,score,Default',
      ...Array.from({ length: 30 }, (_, i) => `L${i},${600 + i},${i % 3 ? 0 : 1}`)
    ]
    lines.push('L98,1e400,0', 'L99,-1e309,1', 'L100,1e308,0')
    const db = openDatabase(tmp.path('o.db'))
    const { report, dataset } = await importCsv(db, {
      path: tmp.write('o.csv', lines.join('\n')),
      target: 'Default'
    })
    expect(report).toMatchObject({ rowsRead: 33, rowsImported: 31, rowsRejected: 2 })
    expect(report.rejected).toEqual([
      { line: 32, column: 'score', value: '1e400', reason: 'is too large to be a number (beyond ±1.8e308)' },
      { line: 33, column: 'score', value: '-1e309', reason: 'is too large to be a number (beyond ±1.8e308)' }
    ])
    const score = new DatasetRepo(db).loadTable(dataset.id).columns.find((c) => c.name === 'score')
    expect(score?.kind === 'numeric' && score.values[30]).toBe(1e308)
    db.close()
  })

  // A column name with a control character is refused naming its position (a NUL as a binary file, as anywhere).
  it('refuses a control character in any column name, naming the column it is in', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/), { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f),
        async (names, which, code) => {
          const unique = [...new Set(names)]
          fc.pre(unique.length >= 2)
          const position = which % unique.length
          const bad = unique.map((n, i) =>
            i === position ? `${n.slice(0, 1)}${String.fromCharCode(code)}${n.slice(1)}` : n
          )
          const text = stringify([bad, unique.map((_, i) => String(i))], { quoted: true })
          const file = tmp.write(`ctl-${run++}.csv`, text)
          const db = openDatabase(tmp.path(`ctl-${run}.db`))
          const error = (await importCsv(db, { path: file, target: unique[0] }).catch(
            (e: unknown) => e
          )) as WorkbenchError
          db.close()
          expect(error).toBeInstanceOf(WorkbenchError)
          expect(error.code).toBe(code === 0 ? 'BINARY_FILE' : 'BAD_COLUMN_NAME')
          expect(error.details).toMatchObject({ line: 1, column: position + 1 })
        }
      ),
      { numRuns: 50, seed: 31 }
    )
  })

  it(`imports ${MAX_DATASET_COLUMNS} columns and refuses one more, naming the limit`, async () => {
    const build = (n: number): string =>
      stringify([
        [...Array.from({ length: n - 1 }, (_, i) => `f${i}`), 'Default'],
        ...Array.from({ length: 3 }, (_, r) => [
          ...Array.from({ length: n - 1 }, (_, i) => String(i + r)),
          String(r % 2)
        ])
      ])
    const db = openDatabase(tmp.path('wide.db'))
    const ok = await importCsv(db, {
      path: tmp.write('wide.csv', build(MAX_DATASET_COLUMNS)),
      target: 'Default'
    })
    expect(ok.dataset.columns).toBe(MAX_DATASET_COLUMNS)
    const error = (await importCsv(db, {
      path: tmp.write('wider.csv', build(MAX_DATASET_COLUMNS + 1)),
      target: 'Default'
    }).catch((e: unknown) => e)) as WorkbenchError
    expect(error.code).toBe('TOO_MANY_COLUMNS')
    expect(error.message).toMatch(
      /wider\.csv, line 1: the file has 2000 columns; a dataset holds at most 1999/
    )
    db.close()
  })
})

describe('the encoding decision covers the whole file', () => {
  const tmp = useTempDir()

  /** A start longer than the 64 KiB sniffCsv reads (5,000 rows of ~17 bytes); the tail is read only by the readers. */
  const PREFIX_ROWS = 5000
  const prefix = (nonAsciiEarly: boolean): string[] => [
    'id,city,score,Default',
    ...Array.from(
      { length: PREFIX_ROWS },
      (_, i) =>
        `${i},${nonAsciiEarly && i === 5 ? 'Zürich' : i % 2 ? 'Pune' : 'Agra'},${500 + (i % 300)},${i % 4 ? 0 : 1}`
    )
  ]

  /** A tail cell: good (ASCII or valid UTF-8) or one fault between ASCII letters. */
  type Fault = 'nul' | 'not-utf8' | 'undefined-1252'
  const cell = fc.oneof(
    fc.record({ good: fc.constantFrom('Pune', 'abc', 'é', '₹', '漢', '😀', 'NA') }),
    fc.record({
      fault: fc.constantFrom<Fault>('nul', 'not-utf8', 'undefined-1252'),
      bytes: fc.constantFrom([0xe9], [0xff], [0xc3], [0xed, 0xa0, 0x80], [0xe9, 0x41])
    })
  )
  const faultBytes = (fault: Fault, bytes: readonly number[]): Buffer =>
    Buffer.from(fault === 'nul' ? [0x00] : fault === 'undefined-1252' ? [0x81] : bytes)

  // A bad byte past the sample is refused at its line and column, a NUL anywhere makes the
  // file binary, an ASCII-then-1252 file is read as Windows-1252; never a silent U+FFFD.
  it('decodes every cell correctly or refuses the file at the line and column of the first bad byte', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(cell, { minLength: 1, maxLength: 6 }),
        async (nonAsciiEarly, tailCells) => {
          const head = prefix(nonAsciiEarly)
          const cells = tailCells.map((c) =>
            'good' in c
              ? Buffer.from(c.good)
              : Buffer.concat([Buffer.from('ab'), faultBytes(c.fault, c.bytes), Buffer.from('cd')])
          )
          const tail = cells.map((c, i) =>
            Buffer.concat([Buffer.from(`${9000 + i},`), c, Buffer.from(`,600,${i % 2}\n`)])
          )
          const file = tmp.write(
            `enc-${run++}.csv`,
            Buffer.concat([Buffer.from(`${head.join('\n')}\n`), ...tail])
          )
          const lineOf = (i: number): number => head.length + 1 + i

          // The oracle, reading the cells in order as the file is read: UTF-8 until a byte that
          // is not; then Windows-1252 if nothing but ASCII came before, else a refusal.
          let encoding: 'utf-8' | 'windows-1252' = 'utf-8'
          let sawNonAscii = nonAsciiEarly
          let expected: { code: string; at: number } | undefined
          tailCells.forEach((c, i) => {
            if (expected) return
            if ('good' in c) {
              if ([...c.good].some((ch) => ch.charCodeAt(0) > 0x7f)) sawNonAscii = true
              return
            }
            if (c.fault === 'nul') expected = { code: 'BINARY_FILE', at: i }
            else if (encoding === 'utf-8' && sawNonAscii) expected = { code: 'BAD_ENCODING', at: i }
            else {
              encoding = 'windows-1252'
              if (c.fault === 'undefined-1252') expected = { code: 'BAD_ENCODING', at: i }
            }
          })

          const db = openDatabase(tmp.path(`enc-${run}.db`))
          try {
            const outcome = await importCsv(db, { path: file, target: 'Default' }).catch((e: unknown) => e)
            if (expected) {
              expect(outcome).toBeInstanceOf(WorkbenchError)
              expect(outcome).toMatchObject({
                code: expected.code,
                details: { line: lineOf(expected.at), column: 2 }
              })
            } else {
              if (outcome instanceof Error) throw outcome
              const { dataset, report } = outcome as Awaited<ReturnType<typeof importCsv>>
              expect(report.encoding).toBe(encoding)
              const table = new DatasetRepo(db).loadTable(dataset.id)
              const city = table.columns.find((c) => c.name === 'city')!
              if (city.kind === 'numeric') throw new Error('city read as numbers')
              const lines = [...table.lines]
              cells.forEach((c, i) => {
                const row = lines.indexOf(lineOf(i))
                const text = (
                  encoding === 'windows-1252' ? iconv.decode(c, 'windows-1252') : c.toString('utf8')
                ).trim()
                expect(city.codes[row] < 0 ? null : city.levels[city.codes[row]]).toBe(
                  isMissingToken(text) ? null : text
                )
              })
              expect(city.levels.some((l) => l.includes('\uFFFD'))).toBe(false)
            }
            expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
          } finally {
            db.close()
          }
        }
      ),
      { numRuns: 40, seed: 32 }
    )
  })

  it('is used by the formula filter of exports too (neutralised by default, raw on request)', async () => {
    const db = openDatabase(tmp.path('f.db'))
    const rows = Array.from(
      { length: 30 },
      (_, i) => `L${i},${i % 2 ? '=HYPERLINK("x")' : '@SUM(A1)'},-250,${i % 3 ? 0 : 1}`
    )
    const { dataset } = await importCsv(db, {
      path: tmp.write('f.csv', ['id,note,amount,Default', ...rows].join('\n')),
      target: 'Default'
    })
    await exportDatasetCsv(db, dataset.id, tmp.path('safe.csv'))
    await exportDatasetCsv(db, dataset.id, tmp.path('raw.csv'), { raw: true })
    const safe = parse(readFileSync(tmp.path('safe.csv'))) as string[][]
    const raw = parse(readFileSync(tmp.path('raw.csv'))) as string[][]
    expect(safe[1]).toEqual(['L0', "'@SUM(A1)", '-250', '1'])
    expect(safe[2]).toEqual(['L1', '\'=HYPERLINK("x")', '-250', '0'])
    expect(raw[1]).toEqual(['L0', '@SUM(A1)', '-250', '1'])
    expect(safe.slice(1).every((r) => r.every((c) => FORMULA_FREE(c) || /^-\d+$/.test(c)))).toBe(true)
    db.close()
  })
})
