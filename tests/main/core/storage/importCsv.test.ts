import { describe, expect, it } from 'vitest'
import { CsvInputError } from '../../../../src/main/core/data/csv/CsvInputError'
import { importCsv, previewCsv } from '../../../../src/main/core/storage/importCsv'
import { InputError } from '../../../../src/main/core/base/errors'
import { parseNumber } from '../../../../src/main/core/data/csv/parseNumber'
import { DatasetRepo } from '../../../../src/main/core/storage/DatasetRepo'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { NOTHING_STORED, storedDatasetParts } from '../../../helpers/storedDatasets'
import { useTempDir } from '../../../helpers/tempDir'

const GOOD = [
  'Customer_ID,Credit_Score,Loan_Amount,Employment_Status,Default',
  ...Array.from(
    { length: 40 },
    (_, i) =>
      `C${i},${600 + i},${10000 * (i + 1)},${i % 3 === 0 ? 'Salaried' : 'Self-Employed'},${i % 4 === 0 ? 1 : 0}`
  )
].join('\n')

describe('importCsv', () => {
  const tmp = useTempDir()

  it('imports every row with inferred kinds, the 0/1 target and a report', async () => {
    const db = openDatabase(tmp.path('w.db'))
    const { dataset, report } = await importCsv(db, { path: tmp.write('loans.csv', GOOD), target: 'Default' })
    expect(report).toMatchObject({ rowsRead: 40, rowsImported: 40, rowsRejected: 0 })
    expect(dataset).toMatchObject({
      rows: 40,
      columns: 5,
      positiveClass: '1',
      positiveCount: 10,
      sourceFile: 'loans.csv'
    })
    expect(dataset.sourceSha256).toMatch(/^[0-9a-f]{64}$/)
    const detail = new DatasetRepo(db).get(dataset.id)
    expect(detail.columnSpecs).toEqual([
      { name: 'Customer_ID', kind: 'identifier' },
      { name: 'Credit_Score', kind: 'numeric' },
      { name: 'Loan_Amount', kind: 'numeric' },
      { name: 'Employment_Status', kind: 'categorical' },
      { name: 'Default', kind: 'target' }
    ])
    // Stored once, as its columns (format 2, no rows table): numbers as 8-byte floats, text as
    // 4-byte codes with their levels, the target as its values, then the source lines.
    const stored = db
      .prepare(
        'SELECT position, format, length(data) AS bytes, levels FROM dataset_column_data WHERE dataset_id = ? ORDER BY position'
      )
      .all(dataset.id)
    expect(stored).toEqual([
      { position: -1, format: 2, bytes: 40 * 4, levels: null },
      {
        position: 0,
        format: 2,
        bytes: 40 * 4,
        levels: JSON.stringify(Array.from({ length: 40 }, (_, i) => `C${i}`))
      },
      { position: 1, format: 2, bytes: 40 * 8, levels: null },
      { position: 2, format: 2, bytes: 40 * 8, levels: null },
      { position: 3, format: 2, bytes: 40 * 4, levels: '["Salaried","Self-Employed"]' },
      { position: 4, format: 2, bytes: 40 * 8, levels: null }
    ])
    expect(storedDatasetParts(db).rowsTables).toBe(0)
    db.close()
  })

  it('reports ragged rows, missing targets and text in numeric columns by line, and imports the rest', async () => {
    const db = openDatabase(tmp.path('w.db'))
    const lines = GOOD.split('\n')
    lines.splice(3, 0, 'X1,650,20000,Salaried') // line 4: ragged (4 fields)
    lines.splice(6, 0, 'X2,650,20000,Salaried,') // line 7: missing target
    lines.splice(9, 0, 'X3,six hundred,20000,Salaried,0') // line 10: text in a numeric column
    const { dataset, report } = await importCsv(db, {
      path: tmp.write('bad.csv', lines.join('\r\n')),
      target: 'Default'
    })
    expect(report.rowsRead).toBe(43)
    expect(report.rowsImported).toBe(40)
    expect(report.rowsRejected).toBe(3)
    expect(report.rejected).toEqual([
      { line: 4, reason: 'has 4 fields, the header has 5' },
      { line: 7, column: 'Default', reason: 'the target value is missing' },
      { line: 10, column: 'Credit_Score', value: 'six hundred', reason: 'is not a number' }
    ])
    expect(new DatasetRepo(db).get(dataset.id).importReport.rowsRejected).toBe(3)
    db.close()
  })

  it('rejects a stray target value on its own line, as any bad cell, and imports the rest', async () => {
    const db = openDatabase(tmp.path('w.db'))
    const lines = GOOD.split('\n')
    lines.splice(3, 0, 'X1,650,20000,Salaried,maybe') // line 4
    lines.splice(8, 0, 'X2,651,20000,Salaried,2') // line 9: a number, but not an outcome
    const { dataset, report } = await importCsv(db, {
      path: tmp.write('stray.csv', lines.join('\n')),
      target: 'Default'
    })
    expect(report.rowsRead).toBe(42)
    expect(report.rowsImported).toBe(40)
    expect(report.rejected).toEqual([
      { line: 4, column: 'Default', value: 'maybe', reason: 'is not an outcome: the target is "0" or "1"' },
      { line: 9, column: 'Default', value: '2', reason: 'is not an outcome: the target is "0" or "1"' }
    ])
    expect(report.warnings[0]).toBe(
      '2 rows have a target value other than "0" and "1": rejected line by line (see the report).'
    )
    expect(dataset).toMatchObject({ rows: 40, positiveClass: '1', positiveCount: 10 })
    db.close()
  })

  it('needs --positive for a two-valued text target and uses it', async () => {
    const db = openDatabase(tmp.path('w.db'))
    const text =
      'Score,Status\n' +
      Array.from({ length: 30 }, (_, i) => `${500 + i},${i % 5 ? 'Current' : 'Charged Off'}`).join('\n')
    const file = tmp.write('status.csv', text)
    await expect(importCsv(db, { path: file, target: 'Status' })).rejects.toThrow(/--positive/)
    const { dataset } = await importCsv(db, { path: file, target: 'Status', positive: 'Charged Off' })
    expect(dataset).toMatchObject({ positiveClass: 'Charged Off', positiveCount: 6, rows: 30 })
    db.close()
  })

  it('refuses a target with more than two values', async () => {
    const db = openDatabase(tmp.path('w.db'))
    const file = tmp.write(
      'multi.csv',
      'Score,Grade\n' + Array.from({ length: 30 }, (_, i) => `${i},${'ABC'[i % 3]}`).join('\n')
    )
    await expect(importCsv(db, { path: file, target: 'Grade' })).rejects.toThrow(/3 distinct values/)
    expect(storedDatasetParts(db)).toEqual(NOTHING_STORED)
    db.close()
  })

  const badFiles: [string, string | Buffer, RegExp][] = [
    ['empty.csv', '', /empty/i],
    ['header-only.csv', 'Credit_Score,Default\n', /header/i],
    ['no-header.csv', '650,50000,0\n700,20000,1\n', /header/i],
    ['dupes.csv', 'Score,Default,Score\n1,0,2\n', /duplicate|twice|same name/i],
    [
      'binary.csv',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]),
      /binary|not a (csv|text)/i
    ],
    ['workbook.csv', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]), /excel/i],
    ['no-target.csv', GOOD.replace('Default', 'Outcome'), /no column "Default"/]
  ]
  for (const [name, content, message] of badFiles) {
    it(`refuses ${name} with a message naming the file, and leaves no dataset behind`, async () => {
      const db = openDatabase(tmp.path('w.db'))
      const error = await importCsv(db, { path: tmp.write(name, content), target: 'Default' }).catch(
        (e: unknown) => e
      )
      expect(error instanceof CsvInputError || error instanceof InputError).toBe(true)
      expect((error as Error).message).toMatch(message)
      expect((error as Error).message).toContain(name)
      expect(new DatasetRepo(db).list()).toEqual([])
      expect(storedDatasetParts(db)).toEqual(NOTHING_STORED)
      db.close()
    })
  }

  it('rolls everything back when cancelled part-way', async () => {
    const db = openDatabase(tmp.path('w.db'))
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `C${i},${600 + (i % 300)},${1000 + i},Salaried,${i % 9 === 0 ? 1 : 0}`
    )
    const file = tmp.write('big.csv', [GOOD.split('\n')[0], ...rows].join('\n'))
    const controller = new AbortController()
    const result = importCsv(db, {
      path: file,
      target: 'Default',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'importing' && p.done > 0) controller.abort()
      }
    })
    await expect(result).rejects.toMatchObject({ name: 'AbortError' })
    expect(new DatasetRepo(db).list()).toEqual([])
    expect(storedDatasetParts(db)).toEqual(NOTHING_STORED)
    expect(db.inTransaction).toBe(false)
    db.close()
  })

  it('keeps a pandas row index (unnamed first column) as an identifier, never a feature', async () => {
    const db = openDatabase(tmp.path('w.db'))
    const lines = GOOD.split('\n').map((l, i) => (i === 0 ? `,${l}` : `${i - 1},${l}`))
    const { dataset } = await importCsv(db, {
      path: tmp.write('pandas.csv', lines.join('\n')),
      target: 'Default'
    })
    expect(new DatasetRepo(db).get(dataset.id).columnSpecs[0]).toEqual({
      name: 'Unnamed_1',
      kind: 'identifier'
    })
    db.close()
  })

  it('keeps "none" a category in a text column and reads "None" as missing in a numeric one', async () => {
    const db = openDatabase(tmp.path('w.db'))
    // German credit's other_parties: none / guarantor / co applicant; a pandas export's None in a number column.
    const rows = ['other_parties,Amount,Default']
    for (let i = 0; i < 40; i++)
      rows.push(`${['none', 'guarantor', 'co applicant'][i % 3]},${i % 5 ? 1000 + i : 'None'},${i % 2}`)
    const { dataset, report } = await importCsv(db, {
      path: tmp.write('none.csv', rows.join('\n')),
      target: 'Default'
    })
    expect(report.rowsRejected).toBe(0)
    const table = new DatasetRepo(db).loadTable(dataset.id)
    const parties = table.columns.find((c) => c.name === 'other_parties')!
    const amount = table.columns.find((c) => c.name === 'Amount')!
    expect(parties.kind).toBe('categorical')
    if (parties.kind !== 'numeric')
      expect([...parties.levels].sort()).toEqual(['co applicant', 'guarantor', 'none'])
    expect(amount.kind).toBe('numeric')
    if (amount.kind === 'numeric') expect(Array.from(amount.values).filter(Number.isNaN)).toHaveLength(8)
    db.close()
  })

  it('stores each amount as its text reads, plain decimals (read from their bytes) and the full grammar alike', async () => {
    const db = openDatabase(tmp.path('w.db'))
    // 3,000 distinct plain amounts, so the profile stops keeping their texts and reads
    // them from bytes, with spellings only the full grammar reads in between.
    const spelled = [
      '"1,234"',
      ' 77 ',
      '-0',
      '.5',
      '007',
      '"₹1,50,000"',
      '(500)',
      '12.5%',
      '1e3',
      '',
      'NA',
      'None'
    ]
    const texts: string[] = []
    const rows = ['Amount,Region,Default']
    for (let i = 0; i < 3000; i++) {
      const text =
        i % 50 === 7 ? spelled[((i / 50) % spelled.length) | 0] : `${(i * 7919) % 100_000}.${i % 100}`
      texts.push(text)
      rows.push(`${text},${['North', '"South"', ' East'][i % 3]},${i % 4 === 0 ? 1 : 0}`)
    }
    const { dataset, report } = await importCsv(db, {
      path: tmp.write('amounts.csv', rows.join('\n')),
      target: 'Default'
    })
    expect(report.rowsRejected).toBe(0)
    const table = new DatasetRepo(db).loadTable(dataset.id)
    const amount = table.columns.find((c) => c.name === 'Amount')!
    const region = table.columns.find((c) => c.name === 'Region')!
    expect(amount.kind).toBe('numeric')
    if (amount.kind === 'numeric') {
      texts.forEach((text, i) => {
        const bare = text.replace(/^"|"$/g, '').trim()
        const expected = ['', 'NA', 'None'].includes(bare) ? NaN : parseNumber(bare)
        expect(Object.is(amount.values[i], expected)).toBe(true)
      })
      // Worked by hand: the grouped, padded, rupee and accounting spellings.
      expect([amount.values[7], amount.values[57], amount.values[257], amount.values[307]]).toEqual([
        1234, 77, 150000, -500
      ])
    }
    if (region.kind !== 'numeric') expect([...region.levels].sort()).toEqual(['East', 'North', 'South'])
    db.close()
  })

  it.each([
    ['guesses right', false],
    ['guesses wrong', true]
  ])(
    'gives the same dataset and report with the survey on a worker thread when the first chunk %s',
    async (_label, flip) => {
      // Short rows, so the first 512 kB chunk holds ~20,000 of them; with `flip`, Code looks
      // numeric there and turns to text after row 30,000, so the guessed plan is rolled back.
      const rows = ['Customer_ID,Amount,Code,Region,Default']
      for (let i = 0; i < 40_000; i++) {
        const code = flip && i >= 30_000 ? `K${i % 13}` : `${i % 97}`
        const amount = i % 1000 === 5 ? 'n/a' : i % 777 === 3 ? 'abc' : `${(i * 31) % 5000}.${i % 10}`
        rows.push(`C${i},${amount},${code},${['N', 'S', '"E"'][i % 3]},${i % 9 === 0 ? 'yes' : 'no'}`)
      }
      const file = tmp.write(`big-${flip}.csv`, rows.join('\n'))
      const read = async (surveyOnThreadFromBytes: number) => {
        const db = openDatabase(tmp.path(`t${flip}${surveyOnThreadFromBytes}.db`))
        const phases = new Set<string>()
        const { dataset, report } = await importCsv(db, {
          path: file,
          target: 'Default',
          positive: 'yes',
          surveyOnThreadFromBytes,
          onProgress: (p) => phases.add(p.phase)
        })
        const repo = new DatasetRepo(db)
        const detail = repo.get(dataset.id)
        const table = repo.loadTable(dataset.id)
        db.close()
        return { detail: { ...detail, createdAt: '' }, report, table, phases }
      }
      const inline = await read(Number.MAX_SAFE_INTEGER)
      const threaded = await read(0)
      expect(threaded.detail).toEqual(inline.detail)
      expect(threaded.report).toEqual(inline.report)
      expect(threaded.table).toEqual(inline.table)
      expect([...threaded.phases]).toEqual(expect.arrayContaining(['reading', 'importing']))
      // Worked by hand: the 'abc' amounts (i % 777 === 3) are rejected, 'n/a' is missing.
      expect(inline.report.rowsRejected).toBe(Math.floor((40_000 - 1 - 3) / 777) + 1)
      expect(inline.detail.columnSpecs.map((c) => c.kind)).toEqual([
        'identifier',
        'numeric',
        flip ? 'categorical' : 'numeric',
        'categorical',
        'target'
      ])
      expect(inline.detail.sourceSha256).toMatch(/^[0-9a-f]{64}$/)
    }
  )

  it('decodes Windows-1252 text and detects semicolons', async () => {
    const db = openDatabase(tmp.path('w.db'))
    const text =
      'Région;Montant;Default\n' +
      Array.from({ length: 30 }, (_, i) => `${i % 2 ? 'Café' : 'Thé'};${i * 10};${i % 3 ? 0 : 1}`).join('\n')
    const file = tmp.write('cp1252.csv', Buffer.from(text, 'latin1'))
    const { dataset } = await importCsv(db, { path: file, target: 'Default' })
    const table = new DatasetRepo(db).loadTable(dataset.id)
    const region = table.columns.find((c) => c.name === 'Région')
    expect(region && region.kind !== 'numeric' ? [...region.levels].sort() : []).toEqual(['Café', 'Thé'])
    db.close()
  })
})

describe('previewCsv', () => {
  const tmp = useTempDir()
  it('shows the first rows, inferred kinds and a suggested target', async () => {
    const preview = await previewCsv(tmp.write('loans.csv', GOOD))
    expect(preview.header).toEqual([
      'Customer_ID',
      'Credit_Score',
      'Loan_Amount',
      'Employment_Status',
      'Default'
    ])
    expect(preview.sample).toHaveLength(20)
    expect(preview.suggestedTarget).toBe('Default')
    expect(preview.sampleValues.Default.sort()).toEqual(['0', '1'])
    expect(preview.columns.find((c) => c.name === 'Credit_Score')?.kind).toBe('numeric')
  })
})
