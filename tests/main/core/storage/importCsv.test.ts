import { describe, expect, it } from 'vitest'
import { CsvInputError } from '../../../../src/main/core/data/csv/CsvInputError'
import { importCsv, previewCsv } from '../../../../src/main/core/storage/importCsv'
import { InputError } from '../../../../src/main/core/base/errors'
import { DatasetRepo } from '../../../../src/main/core/storage/DatasetRepo'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { useTempDir } from '../../../helpers/tempDir'

function datasetTables(db: ReturnType<typeof openDatabase>): string[] {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  return names.map((r) => r.name).filter((n) => /^dataset_\d+$/.test(n))
}

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
    // Real column types, readable by any SQLite tool: column i is c<i>, its header kept in dataset_columns.
    const info = db.prepare(`PRAGMA table_info(dataset_${dataset.id})`).all() as {
      name: string
      type: string
    }[]
    expect(info.map((c) => [c.name, c.type])).toEqual([
      ['_line', 'INTEGER'],
      ['c1', 'TEXT'],
      ['c2', 'REAL'],
      ['c3', 'REAL'],
      ['c4', 'TEXT'],
      ['c5', 'REAL']
    ])
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
    expect(datasetTables(db)).toEqual([])
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
      expect(datasetTables(db)).toEqual([])
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
    expect(datasetTables(db)).toEqual([])
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
