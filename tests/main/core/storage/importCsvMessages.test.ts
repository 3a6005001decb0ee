import { describe, expect, it } from 'vitest'
import { importCsv, previewCsv, type ImportProgress } from '../../../../src/main/core/storage/importCsv'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { useTempDir } from '../../../helpers/tempDir'

// What import tells the user, word for word, and what the preview shows, on small files
// written here: each expected text follows from the file by hand.

describe('import messages', () => {
  const tmp = useTempDir()

  /** The error importing `csv` (as in.csv) with `options` rejects with. */
  async function refusal(
    csv: string,
    options: { target: string; kinds?: Record<string, 'numeric'> }
  ): Promise<Error> {
    const db = openDatabase(':memory:')
    try {
      const error: unknown = await importCsv(db, { path: tmp.write('in.csv', csv), ...options }).then(
        () => undefined,
        (e: unknown) => e
      )
      if (!(error instanceof Error)) throw new Error('the file was imported')
      return error
    } finally {
      db.close()
    }
  }

  /** Forty rows of an identifier, x and a 0/1 Default, then `extra` lines. */
  const forty = (extra: string[] = []): string =>
    [
      'id,x,Default',
      ...Array.from({ length: 40 }, (_, i) => `C${i},${i % 7},${i % 4 === 0 ? 1 : 0}`),
      ...extra
    ].join('\n') + '\n'

  it('suggests the column that differs only in case, and lists the columns', async () => {
    const error = await refusal('id,Amount,Default\n1,5,0\n2,6,1\n', { target: 'default' })
    expect(error.message).toBe(
      'in.csv: there is no column "default" (did you mean "Default"?). The columns are: id, Amount, Default.'
    )
    expect((await refusal('id,Default\n1,0\n2,1\n', { target: 'Outcome' })).message).toBe(
      'in.csv: there is no column "Outcome". The columns are: id, Default.'
    )
  })

  it('lists the first 30 columns, each cut at 60 characters, and counts the rest', async () => {
    const names = Array.from({ length: 31 }, (_, i) => (i === 0 ? 'n'.repeat(70) : `c${i}`))
    const error = await refusal(`${names.join(',')}\n${names.map((_, i) => i).join(',')}\n`, {
      target: 'Default'
    })
    const shown = ['n'.repeat(59) + '…', ...names.slice(1, 30)].join(', ')
    expect(error.message).toBe(
      `in.csv: there is no column "Default". The columns are: ${shown}, … (31 columns).`
    )
    const thirty = names.slice(1, 31)
    expect(
      (await refusal(`${thirty.join(',')}\n${thirty.map((_, i) => i).join(',')}\n`, { target: 'Default' }))
        .message
    ).toBe(`in.csv: there is no column "Default". The columns are: ${thirty.join(', ')}.`)
  })

  it('refuses a --kind for a column the file does not have', async () => {
    expect(
      (await refusal('x,Default\n1,0\n2,1\n', { target: 'Default', kinds: { Amount: 'numeric' } })).message
    ).toBe('in.csv: --kind names "Amount", which is not a column of the file.')
  })

  it('refuses 2,000 columns before reading a row, naming SQLite’s limit', async () => {
    const names = [...Array.from({ length: 1999 }, (_, i) => `c${i}`), 'Default']
    const error = await refusal(`${names.join(',')}\n${names.map(() => '1').join(',')}\n`, {
      target: 'Default'
    })
    expect(error).toMatchObject({ code: 'TOO_MANY_COLUMNS', line: 1 })
    expect(error.message).toContain(
      "the file has 2000 columns; a dataset holds at most 1999 (SQLite's limit of 2000 columns per table, one kept for the line number)"
    )
    expect(error.message).toContain(
      'Remove the columns you do not need (keep the target and the fields a model should use) and import again.'
    )
  })

  it('says which line and why when no row can be imported', async () => {
    const error = await refusal('x,Default\nabc,0\ndef,1\n', { target: 'Default', kinds: { x: 'numeric' } })
    expect(error.message).toBe(
      'in.csv: none of the 2 rows could be imported (first problem, line 2: is not a number). Fix the file and import it again.'
    )
  })

  it('warns of one or several stray target values, and of identifier columns', async () => {
    const db = openDatabase(':memory:')
    const one = await importCsv(db, { path: tmp.write('one.csv', forty(['C40,1,maybe'])), target: 'Default' })
    expect(one.report.warnings).toEqual([
      '1 row has a target value other than "0" and "1": rejected line by line (see the report).',
      'Column "id" is unique per row (an identifier): kept, but not used as a feature.'
    ])
    const two = await importCsv(db, {
      path: tmp.write('two.csv', forty(['C40,1,maybe', 'C41,2,perhaps'])),
      target: 'Default'
    })
    expect(two.report.warnings[0]).toBe(
      '2 rows have a target value other than "0" and "1": rejected line by line (see the report).'
    )
    const plain = await importCsv(db, {
      path: tmp.write('plain.csv', 'x,Default\n1,0\n1,1\n2,0\n'),
      target: 'Default'
    })
    expect(plain.report.warnings).toEqual([])
    db.close()
  })

  it('rejects a number past ±1.8e308 by name', async () => {
    const db = openDatabase(':memory:')
    const { report } = await importCsv(db, {
      path: tmp.write('big.csv', 'x,Default\n1,0\n1e400,1\n2,1\n'),
      target: 'Default',
      kinds: { x: 'numeric' }
    })
    expect(report.rejected).toEqual([
      { line: 3, column: 'x', value: '1e400', reason: 'is too large to be a number (beyond ±1.8e308)' }
    ])
    db.close()
  })

  it('reports reading, then importing, up to the file’s size', async () => {
    const db = openDatabase(':memory:')
    const path = tmp.write('p.csv', forty())
    const events: ImportProgress[] = []
    await importCsv(db, { path, target: 'Default', onProgress: (p) => events.push(p) })
    const size = forty().length
    expect(events.map((e) => e.phase)).toEqual(['reading', 'importing'])
    expect(events.every((e) => e.total === size && e.done === size)).toBe(true)
    db.close()
  })
})

describe('previewCsv', () => {
  const tmp = useTempDir()

  it('shows the first rows, kinds from them alone, columns of at most 10 values and a likely target', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      i < 5 ? String(i) : `t${i}`,
      `v${i % 10}`,
      `w${i % 11}`,
      i % 2
    ])
    const path = tmp.write(
      'head.csv',
      ['a,ten,eleven,Loan_Status', ...rows.map((r) => r.join(','))].join('\n')
    )
    const preview = await previewCsv(path, 5)
    expect(preview.sample).toEqual(rows.slice(0, 5).map((r) => r.map(String)))
    expect(preview.columns.find((c) => c.name === 'a')?.kind).toBe('numeric')
    expect(preview.suggestedTarget).toBe('Loan_Status')
    // Five rows: every column has at most 10 values.
    expect(Object.keys(preview.sampleValues)).toEqual(['a', 'ten', 'eleven', 'Loan_Status'])
    const whole = await previewCsv(path)
    expect(whole.sample).toHaveLength(20)
    expect(whole.columns.find((c) => c.name === 'a')?.kind).not.toBe('numeric')
    expect(Object.keys(whole.sampleValues)).toEqual(['ten', 'Loan_Status'])
    expect(whole.sampleValues.ten).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9'])
  })
})
