import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CancelledError } from '../../../../src/main/core/base/errors'
import { DatasetRepo } from '../../../../src/main/core/storage/DatasetRepo'
import { generateDataset } from '../../../../src/main/core/storage/generateDataset'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { useTempDir } from '../../../helpers/tempDir'

// The README's column table, in order: the header of the generated CSV.
const HEADER =
  'Customer_ID,Age,Region,Area_Type,Employment_Status,Annual_Income,Account_Balance,Credit_Score,Years_With_Bank,Existing_Loans,Past_Delinquencies,Loan_Purpose,Loan_Amount,Loan_Term_Months,Interest_Rate,Collateral,Debt_to_Income,Default'

describe('generateDataset', () => {
  const tmp = useTempDir()

  it('names the dataset by its rows and seed, with target Default, positive class 1 and its parameters', async () => {
    const db = openDatabase(':memory:')
    const summary = await generateDataset(db, { rows: 1234, seed: 5 })
    expect(summary).toMatchObject({
      name: 'Synthetic loans (1,234 rows, seed 5)',
      source: 'generated',
      sourceFile: null,
      rows: 1234,
      columns: 18,
      targetColumn: 'Default',
      positiveClass: '1',
      rejectedRows: 0
    })
    const detail = new DatasetRepo(db).get(summary.id)
    expect(detail.params).toEqual({ rows: 1234, seed: 5, defaultRate: 0.1 })
    expect(detail.importReport).toEqual({
      rowsRead: 1234,
      rowsImported: 1234,
      rowsRejected: 0,
      rejected: [],
      warnings: []
    })
    expect(detail.columnSpecs.map((c) => c.name).join(',')).toBe(HEADER)
    const named = await generateDataset(db, { rows: 10, seed: 1, defaultRate: 0.25, name: 'mine' })
    expect(named.name).toBe('mine')
    expect(new DatasetRepo(db).get(named.id).params).toEqual({ rows: 10, seed: 1, defaultRate: 0.25 })
    db.close()
  })

  it('numbers the rows’ lines 2, 3, … across batches of 10,000, and reports progress after each batch', async () => {
    const db = openDatabase(':memory:')
    const progress: [number, number][] = []
    const summary = await generateDataset(db, {
      rows: 10_003,
      seed: 2,
      onProgress: (d, t) => progress.push([d, t])
    })
    const { lines, numRows } = new DatasetRepo(db).loadTable(summary.id)
    expect(numRows).toBe(10_003)
    expect([lines[0], lines[9_999], lines[10_000], lines[10_002]]).toEqual([2, 10_001, 10_002, 10_004])
    expect(progress).toEqual([
      [10_000, 10_003],
      [10_003, 10_003]
    ])
    db.close()
  })

  it('also writes the rows to a CSV file with the header, one line per row', async () => {
    const db = openDatabase(':memory:')
    const out = tmp.path('generated_data.csv')
    await generateDataset(db, { rows: 3, seed: 7, out })
    const text = readFileSync(out, 'utf8').split('\n')
    expect(text).toHaveLength(5)
    expect(text[0]).toBe(HEADER)
    expect(text[1]).toMatch(/^CUST0000001,/)
    expect(text[3]).toMatch(/^CUST0000003,/)
    expect(text[4]).toBe('')
    db.close()
  })

  it('leaves neither a dataset nor a file when cancelled', async () => {
    const db = openDatabase(':memory:')
    const out = tmp.path('gone.csv')
    await expect(
      generateDataset(db, { rows: 50, seed: 7, out, signal: AbortSignal.abort() })
    ).rejects.toBeInstanceOf(CancelledError)
    expect(new DatasetRepo(db).list()).toEqual([])
    expect(existsSync(out)).toBe(false)
    expect(db.inTransaction).toBe(false)
    db.close()
  })
})
