import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateLoanBatches, LOAN_COLUMNS } from '../../../../src/main/core/data/generateLoans'
import {
  errorsPathFor,
  prepareBatchModel,
  scoreCsvFile
} from '../../../../src/main/core/scoring/scoreCsvFile'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'
import { useTempDir } from '../../../helpers/tempDir'

const NUMERIC = ['Credit_Score', 'Annual_Income', 'Loan_Amount', 'Account_Balance', 'Age']
/** Numeric cells: overflowing and infinite ones (rows that cannot be scored), NaN (a missing value), finite extremes, ordinary values. */
const OVERFLOWING = ['1e400', '-1e309', 'Infinity', '-Infinity']
const cellValue = fc.constantFrom(
  ...OVERFLOWING,
  '1e308',
  '-1.7976931348623157e308',
  '5e-324',
  '650',
  '-250',
  ''
)

describe('batch scoring of extreme numbers', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 2000, seed: 13 })

  // Overflowing cells are errors-file rows (like text in a number); finite extremes are
  // scored to finite probabilities; rows in = rows scored + rows in errors, always.
  it('puts every row with an overflowing number in the errors file and scores the rest finitely', async () => {
    const service = Workbench.open(template.template())
    const batch = prepareBatchModel(service.models.load(template.ids().modelId))
    service.close()
    const header = LOAN_COLUMNS.map((c) => c.name)
    const base = (
      generateLoanBatches({ rows: 40, seed: 5, defaultRate: 0.2 }).next().value as unknown[][]
    ).map((r) => r.map((c) => (c === null ? '' : String(c))))
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(39), fc.constantFrom(...NUMERIC), cellValue), {
          minLength: 1,
          maxLength: 30
        }),
        async (edits) => {
          const rows = base.map((r) => [...r])
          for (const [row, name, value] of edits) rows[row][header.indexOf(name)] = value
          const input = tmp.write(`x-${run}.csv`, stringify([header, ...rows]))
          const output = tmp.path(`x-${run++}-scored.csv`)
          const summary = await scoreCsvFile(batch, { input, output })
          const bad = new Set(
            rows.flatMap((r, i) =>
              NUMERIC.some((n) => OVERFLOWING.includes(r[header.indexOf(n)])) ? [i + 2] : []
            )
          )
          expect(summary.rowsIn).toBe(40)
          expect(summary.rowsScored + summary.rowsError).toBe(40)
          expect(summary.rowsError).toBe(bad.size)
          const scored = (parse(readFileSync(output)) as string[][]).slice(1)
          for (const r of scored) {
            const p = Number(r[header.length])
            expect(p >= 0 && p <= 1, r.join(',')).toBe(true)
            expect(r.slice(header.length).join(' ')).not.toMatch(/Infinity|NaN/)
          }
          if (bad.size > 0) {
            const errors = (parse(readFileSync(errorsPathFor(output))) as string[][]).slice(1)
            expect(errors.map((e) => Number(e[0]))).toEqual([...bad].sort((a, b) => a - b))
            expect(errors.every((e) => /is too large to be a number|is not a number/.test(e[1]))).toBe(true)
          }
        }
      ),
      { numRuns: 25, seed: 80 }
    )
  })
})
