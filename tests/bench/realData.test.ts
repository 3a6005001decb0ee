import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArff } from '../../bench/real/arff'
import { fileSha256 } from '../../bench/real/fetchData'
import { readManifest, ROOT } from '../../bench/real/manifest'
import { importCsv } from '../../src/main/core/storage/importCsv'
import { DatasetRepo } from '../../src/main/core/storage/DatasetRepo'
import { openDatabase } from '../../src/main/core/storage/openDatabase'
import { useTempDir } from '../helpers/tempDir'

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'real', 'credit-g.csv')

describe('parseArff', () => {
  it('reads attribute names, quoted values with commas and spaces, and ? as missing', () => {
    const text = [
      '% a comment',
      "@relation 'tiny credit'",
      "@attribute checking_status { '<0', 'no checking'}",
      '@attribute duration numeric',
      "@attribute 'the purpose' { 'new car', radio/tv}",
      '@data',
      "'<0',6,'new car'",
      '% a comment inside the data',
      "'no checking',?,radio/tv",
      "'a, b',12,'it\\'s'"
    ].join('\n')
    expect(parseArff(text)).toEqual({
      relation: 'tiny credit',
      columns: ['checking_status', 'duration', 'the purpose'],
      rows: [
        ['<0', '6', 'new car'],
        ['no checking', '', 'radio/tv'],
        ['a, b', '12', "it's"]
      ]
    })
  })

  it('rejects a data row with the wrong number of values, naming its line in the file', () => {
    const text = ['@relation r', '@attribute a numeric', '@attribute b numeric', '@data', '1,2', '3'].join(
      '\n'
    )
    expect(() => parseArff(text)).toThrow('ARFF line 6: 1 values for 2 attributes')
  })
})

describe('the real German credit fixture', () => {
  const tmp = useTempDir()

  it('is the file the manifest pins (same sha256 as fetchData writes)', () => {
    const german = readManifest().find((d) => d.name === 'german-credit')!
    expect(german.fixture).toBe('tests/fixtures/real/credit-g.csv')
    expect(fileSha256(FIXTURE)).toBe(german.csvSha256)
  })

  it('imports as the UCI description states: 1,000 rows, 300 bad, 7 numeric and 13 categorical columns', async () => {
    const db = openDatabase(tmp.path('g.db'))
    const { dataset, report } = await importCsv(db, { path: FIXTURE, target: 'class', positive: 'bad' })
    expect(report.rowsRejected).toBe(0)
    expect(dataset).toMatchObject({ rows: 1000, positiveCount: 300 })
    const table = new DatasetRepo(db).loadTable(dataset.id)
    const kinds = table.columns.map((c) => c.kind)
    expect(kinds.filter((k) => k === 'numeric')).toHaveLength(7)
    expect(kinds.filter((k) => k === 'categorical')).toHaveLength(13)
    // Published summary statistics of the Statlog file (duration in months, amount in DM, age in years).
    const meanOf = (name: string): number => {
      const column = table.columns.find((c) => c.name === name)
      if (column?.kind !== 'numeric') throw new Error(`${name} is not numeric`)
      return column.values.reduce((a, b) => a + b, 0) / column.values.length
    }
    expect(meanOf('duration')).toBeCloseTo(20.903, 3)
    expect(meanOf('credit_amount')).toBeCloseTo(3271.258, 3)
    expect(meanOf('age')).toBeCloseTo(35.546, 3)
    const checking = table.columns.find((c) => c.name === 'checking_status')
    if (checking?.kind !== 'categorical') throw new Error('checking_status is not categorical')
    // A11..A14 of german.doc: 274, 269, 63, 394 applicants.
    const counts = Object.fromEntries(
      checking.levels.map((l, i) => [l, checking.codes.filter((c) => c === i).length])
    )
    expect(counts).toEqual({ '<0': 274, '0<=X<200': 269, '>=200': 63, 'no checking': 394 })
    db.close()
  })
})
