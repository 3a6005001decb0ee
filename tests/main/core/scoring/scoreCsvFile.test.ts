import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { InputError, isCancellation } from '../../../../src/main/core/base/errors'
import {
  errorsPathFor,
  OUTPUT_COLUMNS,
  prepareBatchModel,
  scoreCsvFile,
  type BatchModel
} from '../../../../src/main/core/scoring/scoreCsvFile'
import { scoreOne } from '../../../../src/main/core/scoring/scoreOne'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import type { LoadedModel } from '../../../../src/main/core/scoring/loadModel'
import { exportedLoans } from '../../../fixtures/exportedLoans'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'
import { useTempDir } from '../../../helpers/tempDir'

/** The generated training data as CSV records (header first), read once per file. */
interface Loans {
  header: string[]
  /** Rows with every field the default policy requires. */
  rows: string[][]
  /** Every row, as trained on. */
  all: string[][]
}

function readCsv(path: string): string[][] {
  return parse(readFileSync(path), { relax_column_count: true }) as string[][]
}

/** Writes records one by one, so the test knows on which physical line each one starts. */
function writeRecords(path: string, records: (string[] | 'blank')[]): void {
  writeFileSync(path, records.map((r) => (r === 'blank' ? '\n' : stringify([r]))).join(''))
}

function column(header: string[], name: string): number {
  const i = header.indexOf(name)
  if (i < 0) throw new Error(`no column ${name}`)
  return i
}

describe('scoreCsvFile', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 3000, seed: 23 })

  let cache: { loans: Loans; model: LoadedModel; batch: BatchModel } | undefined
  /** The training data exported to CSV and the trained model, loaded once. */
  const fixture = async (): Promise<{ loans: Loans; model: LoadedModel; batch: BatchModel }> => {
    if (!cache) {
      const service = Workbench.open(template.template())
      const { header, all, rows } = await exportedLoans(
        service,
        template.ids().datasetId,
        tmp.path('training.csv')
      )
      const model = service.models.load(template.ids().modelId)
      cache = { loans: { header, rows, all }, model, batch: prepareBatchModel(model) }
      service.close()
    }
    return cache
  }

  it('accounts for every row: rows in = rows scored + rows in the errors file, with physical line numbers', async () => {
    const { loans } = await fixture()
    const { header, rows } = loans
    const good = rows.slice(0, 300).map((r) => [...r])
    good[0][column(header, 'Customer_ID')] = 'C-multi\nline' // a quoted field over lines 2 and 3
    const ragged = good[1].slice(0, header.length - 2) // line 4
    const textInNumber = [...good[3]]
    textInNumber[column(header, 'Credit_Score')] = 'six fifty' // line 6
    const twoBad = [...good[5]]
    twoBad[column(header, 'Annual_Income')] = 'lots' // after the blank line: line 9
    twoBad[column(header, 'Region')] = 'Atlantis' // an unseen category is a warning only
    // The model's policy checks, as for one applicant: a required field left empty, an impossible amount.
    const noScore = [...good[6]]
    noScore[column(header, 'Credit_Score')] = '' // line 10
    const negative = [...good[7]]
    negative[column(header, 'Loan_Amount')] = '-50000' // line 11
    const records: (string[] | 'blank')[] = [
      header,
      good[0],
      ragged,
      good[2],
      textInNumber,
      good[4],
      'blank',
      twoBad,
      noScore,
      negative,
      ...good.slice(8)
    ]
    const input = tmp.write('applicants.csv', '')
    writeRecords(input, records)
    const output = tmp.path('scored.csv')

    const service = Workbench.open(template.copyTo(tmp.path('w.db')))
    const summary = await service.scoreFile(input, output)
    service.close()

    const dataRecords = records.filter((r) => r !== 'blank').length - 1
    expect(summary.rowsIn).toBe(dataRecords)
    expect(summary.rowsError).toBe(5)
    expect(summary.rowsScored).toBe(dataRecords - 5)
    expect(summary.rowsIn).toBe(summary.rowsScored + summary.rowsError)
    expect(summary).toMatchObject({
      fileName: 'applicants.csv',
      outPath: output,
      errorsPath: errorsPathFor(output)
    })
    expect(summary.fileSha256).toMatch(/^[0-9a-f]{64}$/)

    const [outHeader, ...scored] = readCsv(output)
    expect(outHeader).toEqual([...header, ...OUTPUT_COLUMNS])
    expect(scored).toHaveLength(summary.rowsScored)
    // Every input column unchanged, the quoted line break included.
    expect(scored[0].slice(0, header.length)).toEqual(good[0])

    const [errHeader, ...errors] = readCsv(errorsPathFor(output))
    expect(errHeader.slice(0, 2)).toEqual(['line', 'error'])
    expect(errHeader.slice(2)).toEqual(header)
    expect(errors.map((e) => e[0])).toEqual(['4', '6', '9', '10', '11'])
    expect(errors[0][1]).toBe(`has ${header.length - 2} fields, the header has ${header.length}`)
    expect(errors[1][1]).toMatch(/Credit_Score: "six fifty" is not a number/)
    expect(errors[2][1]).toMatch(/Annual_Income: "lots" is not a number/)
    expect(errors[2][1]).not.toMatch(/Region/)
    expect(errors[1].slice(2)).toEqual(textInNumber)
    expect(errors[3][1]).toBe("Credit_Score: Credit score is required by the bank's policy: enter it.")
    expect(errors[4][1]).toBe('Loan_Amount: Loan amount −₹50,000 is not possible: it must be at least ₹0.')
  })

  it('records the batch with its counts, grades and drift', async () => {
    const { loans } = await fixture()
    const input = tmp.write('batch.csv', stringify([loans.header, ...loans.rows.slice(0, 500)]))
    const service = Workbench.open(template.copyTo(tmp.path('w.db')))
    const summary = await service.scoreFile(input, tmp.path('out.csv'))
    const stored = service.audit.batch(summary.id)
    service.close()
    expect(stored).toEqual(summary)
    expect(stored).toMatchObject({
      rowsIn: 500,
      rowsScored: 500,
      rowsError: 0,
      errorsPath: null,
      modelId: template.ids().modelId
    })
    expect(Object.values(stored.grades).reduce((a, b) => a + b, 0)).toBe(500)
    expect(stored.histogram.reduce((a, b) => a + b, 0)).toBe(500)
    expect(stored.psi.map((p) => p.column).sort()).toEqual(
      [...loans.header].filter((h) => h !== 'Customer_ID' && h !== 'Default').sort()
    )
    expect(existsSync(errorsPathFor(tmp.path('out.csv')))).toBe(false)
  })

  it('fails before scoring when required columns are missing, naming them, and writes no output', async () => {
    const { loans, batch } = await fixture()
    const drop = new Set([column(loans.header, 'Credit_Score'), column(loans.header, 'Region')])
    const keep = (r: string[]): string[] => r.filter((_, i) => !drop.has(i))
    const input = tmp.write(
      'short.csv',
      stringify([keep(loans.header), ...loans.rows.slice(0, 50).map(keep)])
    )
    const output = tmp.path('scored.csv')
    const run = scoreCsvFile(batch, { input, output })
    await expect(run).rejects.toThrow(InputError)
    await expect(scoreCsvFile(batch, { input, output })).rejects.toThrow(
      /short\.csv: the model needs the columns "Credit_Score", "Region"/
    )
    expect(readdirSync(dirname(input)).filter((f) => f !== 'short.csv' && f !== 'training.csv')).toEqual([])
  })

  it('matches the header ignoring case, spaces and underscores', async () => {
    const { loans, batch } = await fixture()
    const header = loans.header.map((h) =>
      h === 'Credit_Score' ? 'credit score' : h === 'Loan_Amount' ? 'LOAN-AMOUNT' : h
    )
    const input = tmp.write('renamed.csv', stringify([header, ...loans.rows.slice(0, 20)]))
    const summary = await scoreCsvFile(batch, { input, output: tmp.path('scored.csv') })
    expect(summary.rowsScored).toBe(20)
  })

  it('neutralises cells Excel would run as formulas, in the output and the errors file, but keeps plain negative numbers', async () => {
    const { loans, batch } = await fixture()
    const { header } = loans
    const id = column(header, 'Customer_ID')
    const region = column(header, 'Region')
    const balance = column(header, 'Account_Balance')
    const formulas = [
      '=HYPERLINK("http://x","click")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\tcmd',
      '\r=1+1',
      '=cmd|" /C calc"!A0'
    ]
    // Plenty of ordinary rows first, so the file's format is judged on ordinary data.
    const rows = loans.rows.slice(0, 400).map((r) => [...r])
    formulas.forEach((f, k) => {
      rows[300 + k][id] = f
    })
    rows[310][region] = '=1+2' // in a model input: an unseen category, still scored
    rows[311][balance] = '-250'
    rows[312][column(header, 'Credit_Score')] = '=0+700' // text in a numeric column: goes to the errors file
    rows[312][id] = '-3+3'
    const input = tmp.write('formulas.csv', stringify([header, ...rows]))
    const output = tmp.path('scored.csv')
    const summary = await scoreCsvFile(batch, { input, output })
    expect(summary.rowsError).toBe(1)

    const scored = readCsv(output).slice(1)
    formulas.forEach((f, k) => expect(scored[300 + k][id]).toBe(`'${f}`))
    expect(scored[310][region]).toBe("'=1+2")
    expect(scored[311][balance]).toBe('-250')
    // No output cell at all may start a formula.
    for (const row of scored) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?![\d.])/)
    const errors = readCsv(errorsPathFor(output)).slice(1)
    expect(errors).toHaveLength(1)
    expect(errors[0][2 + id]).toBe("'-3+3")
    expect(errors[0][2 + column(header, 'Credit_Score')]).toBe("'=0+700")
  })

  it('gives the same probability, prediction and grade as scoring each row alone', async () => {
    const { loans, model, batch } = await fixture()
    const rows = loans.rows.slice(1000, 1080)
    const input = tmp.write('same.csv', stringify([loans.header, ...rows]))
    const output = tmp.path('scored.csv')
    await scoreCsvFile(batch, { input, output })
    const [outHeader, ...scored] = readCsv(output)
    const p = outHeader.indexOf('Default_Probability')
    const d = outHeader.indexOf('Default_Prediction')
    const g = outHeader.indexOf('Risk_Grade')
    expect(scored).toHaveLength(rows.length)
    rows.forEach((row, i) => {
      const applicant = Object.fromEntries(loans.header.map((h, c) => [h, row[c]]))
      const single = scoreOne(model, applicant)
      expect(Math.abs(Number(scored[i][p]) - single.Default_Probability)).toBeLessThanOrEqual(1e-6 + 1e-12)
      expect(Number(scored[i][d])).toBe(single.Default_Prediction)
      expect(scored[i][g]).toBe(single.Risk_Grade)
    })
  })

  it.each([0, 2])(
    'leaves no output, errors or .partial file when cancelled, before or during the run (%i worker threads)',
    async (threads) => {
      const { loans, batch } = await fixture()
      // Three copies of the data: several chunks, so the run can be stopped between chunks.
      const rows = [...loans.rows, ...loans.rows, ...loans.rows]
      rows[10] = rows[10].slice(0, 3) // a bad row, so an errors file is being written too
      const input = tmp.write('big.csv', stringify([loans.header, ...rows]))
      const output = tmp.path('scored.csv')
      const leftovers = (): string[] =>
        readdirSync(dirname(input)).filter((f) => f !== basename(input) && f !== 'training.csv')

      const before = new AbortController()
      before.abort()
      const early = await scoreCsvFile(batch, { input, output, threads, signal: before.signal }).catch(
        (e: unknown) => e
      )
      expect(isCancellation(early)).toBe(true)
      expect(leftovers()).toEqual([])

      const during = new AbortController()
      let chunks = 0
      const late = await scoreCsvFile(batch, {
        input,
        output,
        threads,
        signal: during.signal,
        onProgress: () => {
          chunks++
          during.abort()
        }
      }).catch((e: unknown) => e)
      expect(isCancellation(late)).toBe(true)
      expect(chunks).toBeGreaterThanOrEqual(1)
      expect(leftovers()).toEqual([])
    }
  )

  it('rejects an output path it cannot write with a clear error, instead of crashing the process', async () => {
    const { loans, batch } = await fixture()
    const input = tmp.write('few.csv', stringify([loans.header, ...loans.rows.slice(0, 20)]))
    const output = tmp.path('no-such-folder/scored.csv')
    await expect(scoreCsvFile(batch, { input, output })).rejects.toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' })
    )
    await expect(scoreCsvFile(batch, { input, output })).rejects.toThrow(
      /no-such-folder\/scored\.csv: the folder .*no-such-folder does not exist/
    )
  })

  it('reports PSI near 0 for the training data itself and a major shift for a shifted column', async () => {
    const { loans, batch } = await fixture()
    const same = tmp.write('same.csv', stringify([loans.header, ...loans.all]))
    const stable = await scoreCsvFile(batch, { input: same, output: tmp.path('a.csv') })
    for (const p of stable.psi) {
      expect(p.psi, p.column).toBeLessThan(0.02)
      expect(p.status, p.column).toBe('stable')
    }

    const score = column(loans.header, 'Credit_Score')
    const region = column(loans.header, 'Region')
    const shifted = loans.all.map((r) => {
      const out = [...r]
      if (out[score] !== '') out[score] = String(Number(out[score]) - 150)
      out[region] = 'North'
      return out
    })
    const moved = tmp.write('moved.csv', stringify([loans.header, ...shifted]))
    const drifted = await scoreCsvFile(batch, { input: moved, output: tmp.path('b.csv') })
    const psi = new Map(drifted.psi.map((p) => [p.column, p]))
    expect(psi.get('Credit_Score')).toMatchObject({ status: 'major shift' })
    expect(psi.get('Credit_Score')!.psi).toBeGreaterThan(0.25)
    expect(psi.get('Region')).toMatchObject({ status: 'major shift' })
    expect(psi.get('Annual_Income')!.psi).toBeLessThan(0.02)
  })

  it('writes the same output in one thread and on worker threads, over many chunks with records cut across them', async () => {
    const { loans, batch } = await fixture()
    const { header } = loans
    const id = column(header, 'Customer_ID')
    const rows = loans.rows.slice(0, 1500).map((r) => [...r])
    for (let k = 0; k < rows.length; k += 97) rows[k][id] = `multi\nline, "quoted" ${k}` // spans two lines
    for (let k = 5; k < rows.length; k += 113) rows[k] = rows[k].slice(0, 4) // ragged: to the errors file
    rows[700][column(header, 'Annual_Income')] = 'plenty'
    const input = tmp.write('many.csv', stringify([header, ...rows]))
    const run = async (threads: number, name: string) => {
      const output = tmp.path(name)
      const summary = await scoreCsvFile(batch, { input, output, threads, chunkBytes: 4096 })
      return {
        summary: { ...summary, seconds: 0, outPath: '', errorsPath: '' },
        output: readFileSync(output, 'utf8'),
        errors: readFileSync(errorsPathFor(output), 'utf8')
      }
    }
    const inline = await run(0, 'inline.csv')
    const threaded = await run(2, 'threaded.csv')
    expect(threaded).toEqual(inline)
    const { summary } = inline
    expect(summary.rowsIn).toBe(1500)
    expect(summary.rowsError).toBe(Math.ceil((1500 - 5) / 113) + 1)
    expect(summary.rowsScored + summary.rowsError).toBe(summary.rowsIn)
    // The errors file names each bad row's physical line: two per multi-line row above it.
    const errorLines = readCsv(errorsPathFor(tmp.path('inline.csv')))
      .slice(1)
      .map((e) => Number(e[0]))
    const expectedLines = [...rows.keys()]
      .filter((k) => rows[k].length === 4 || k === 700)
      .map((k) => 2 + k + Math.ceil(k / 97))
    expect(errorLines).toEqual(expectedLines)
    // Every input cell comes back unchanged, the quoted line breaks included.
    const scored = readCsv(tmp.path('inline.csv')).slice(1)
    const good = rows.filter((r, k) => r.length === header.length && k !== 700)
    expect(scored.map((r) => r.slice(0, header.length))).toEqual(good)
  })

  it('reads semicolon files in Windows-1252 and UTF-16 as the comma UTF-8 file, and writes comma UTF-8', async () => {
    const { loans, batch } = await fixture()
    const rows = loans.rows.slice(0, 200)
    const region = column(loans.header, 'Region')
    const reference = tmp.write('ref.csv', stringify([loans.header, ...rows]))
    const refOut = tmp.path('ref-out.csv')
    await scoreCsvFile(batch, { input: reference, output: refOut })
    const expected = readCsv(refOut)
    const semicolon = stringify([loans.header, ...rows], { delimiter: ';' })
    const inputs = [
      tmp.write('cp1252.csv', iconv.encode(semicolon, 'windows-1252')),
      tmp.write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(semicolon, 'utf-16le')]))
    ]
    for (const input of inputs) {
      const output = tmp.path(`${basename(input)}-out.csv`)
      const summary = await scoreCsvFile(batch, { input, output })
      expect(summary.rowsScored).toBe(200)
      expect(readCsv(output)).toEqual(expected)
    }
    // A category outside ASCII survives the round trip through Windows-1252.
    const accented = rows.map((r, k) => (k === 0 ? r.map((c, i) => (i === region ? 'Nord-Est é' : c)) : r))
    const input = tmp.write(
      'accent.csv',
      iconv.encode(stringify([loans.header, ...accented], { delimiter: ';' }), 'windows-1252')
    )
    const output = tmp.path('accent-out.csv')
    await scoreCsvFile(batch, { input, output })
    expect(readCsv(output)[1][region]).toBe('Nord-Est é')
  })

  it('stops at a quote that is never closed, naming its line, and leaves no output', async () => {
    const { loans, batch } = await fixture()
    const body = stringify([loans.header, ...loans.rows.slice(0, 30)])
    const input = tmp.write(
      'unclosed.csv',
      body + `"never closed,${loans.rows[0].slice(1).join(',')}\n` + body
    )
    const output = tmp.path('scored.csv')
    await expect(scoreCsvFile(batch, { input, output })).rejects.toThrow(/unclosed\.csv, line 32: a quote/)
    await expect(scoreCsvFile(batch, { input, output, threads: 2, chunkBytes: 1024 })).rejects.toThrow(
      /line 32: a quote/
    )
    expect(readdirSync(dirname(input)).filter((f) => f.startsWith('scored'))).toEqual([])
  })

  it('stops at a record that runs past 1 MB (a quote opened and never closed), naming its line, on worker threads too', async () => {
    const { loans, batch } = await fixture()
    const body = stringify([loans.header, ...loans.rows.slice(0, 30)])
    // The stray quote opens on line 32 and the file goes on for well over a megabyte.
    const tail = stringify(Array.from({ length: 15_000 }, (_, k) => loans.rows[k % loans.rows.length]))
    const input = tmp.write('runaway.csv', body + `"runaway,${loans.rows[0].slice(1).join(',')}\n` + tail)
    const output = tmp.path('scored.csv')
    for (const threads of [0, 2]) {
      const run = scoreCsvFile(batch, { input, output, threads, chunkBytes: 16_384 })
      await expect(run).rejects.toThrow(
        /runaway\.csv, line 32: this record is longer than 1048576 characters/
      )
      expect(readdirSync(dirname(input)).filter((f) => f.startsWith('scored'))).toEqual([])
    }
  })

  it('refuses a file with column names but no data rows, leaving no output', async () => {
    const { loans, batch } = await fixture()
    const input = tmp.write('empty.csv', stringify([loans.header]) + '\n,,,\n')
    const output = tmp.path('scored.csv')
    await expect(scoreCsvFile(batch, { input, output })).rejects.toThrow(/no data rows/)
    expect(existsSync(output)).toBe(false)
  })
})
