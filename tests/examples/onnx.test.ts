import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportModelFile } from '../../src/main/core/service/exportModel'
import { Rng } from '../../src/main/core/base/random'
import { Workbench } from '../../src/main/core/service/Workbench'
import { SMALL_FOREST } from '../fixtures/trainedDatabase'
import { useTempDir } from '../helpers/tempDir'

const EXAMPLES = join(__dirname, '..', '..', 'examples', 'onnx')
const run = promisify(execFile)

/** Runs an example script with Node; resolves with its exit code and output whatever the code. */
async function example(
  script: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(EXAMPLES, script), ...args])
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/**
 * A bank's own file: its own column names (the engineered features' roles mapped with
 * --map), a branch code that looks like a number but is a category, a padded segment,
 * missing-value spellings, zero and negative balances; the outcome driven by the score,
 * the loan-to-balance ratio and the segment.
 */
function bankCsv(rows: number, seed: number): string {
  const rng = new Rng(seed)
  const segments = ['Retail', 'MSME', 'Agri', 'Salaried']
  const lines = ['loan_ref,cibil,amount,bal,age_yrs,branch_code,segment,tenure_m,bad']
  for (let i = 0; i < rows; i++) {
    const cibil = Math.round(300 + rng.next() * 600)
    const amount = Math.round(10_000 + rng.next() * 2_000_000)
    const balance = rng.next() < 0.05 ? 0 : Math.round(rng.next() * 1_500_000) - 50_000
    const age = Math.round(21 + rng.next() * 50)
    const segment = segments[Math.floor(rng.next() * segments.length)]
    const risk =
      (900 - cibil) / 600 +
      (balance > 0 ? Math.min(amount / balance, 5) / 5 : 0.6) +
      (segment === 'Agri' ? 0.3 : 0)
    const bad = rng.next() < risk / 3 ? 1 : 0
    const cells = [
      `L${100_000 + i}`,
      rng.next() < 0.03 ? (rng.next() < 0.5 ? 'NA' : '') : String(cibil),
      String(amount),
      String(balance),
      rng.next() < 0.02 ? '-' : String(age),
      String(101 + Math.floor(rng.next() * 6)),
      rng.next() < 0.02 ? 'N/A' : rng.next() < 0.1 ? ` ${segment} ` : segment,
      String(12 * (1 + Math.floor(rng.next() * 10))),
      String(bad)
    ]
    lines.push(cells.join(','))
  }
  return lines.join('\n') + '\n'
}

/** Rows the training file never had: an unseen branch and segment, lower case, missing everything, huge amounts. */
const EDGE_ROWS = [
  'E1,650,500000,0,40,999,Retail,36,0',
  'E2,650,500000,-20000,40,101,Crypto,36,0',
  'E3,,,,,,,,0',
  'E4,NA,1e15,1,25,102,retail,60,0',
  'E5,599,2000000,100000,61,103,  Agri  ,120,1',
  'E6,900,10000,5000000000000,18,104,MSME,12,0'
]

describe('examples/onnx on an imported bank file', () => {
  const tmp = useTempDir()
  let wb: Workbench

  beforeEach(() => {
    wb = Workbench.open(tmp.path('w.db'))
  })
  afterEach(() => wb.close())

  it('score-csv.mjs (ONNX Runtime) scores the file as ptm score does, and compare-runs.mjs says so', async () => {
    const trainFile = tmp.write('bank.csv', bankCsv(1500, 3))
    const { dataset } = await wb.importCsv({
      path: trainFile,
      target: 'bad',
      kinds: { branch_code: 'categorical' }
    })
    const { model } = await wb.trainModel(dataset.id, {
      ...SMALL_FOREST,
      map: { Credit_Score: 'cibil', Loan_Amount: 'amount', Account_Balance: 'bal', Age: 'age_yrs' }
    })
    const artifact = wb.models.load(model.id).artifact
    // The roles were found: the engineered features are in the model, computed inside the graph.
    expect(artifact.features.map((f) => f.name)).toEqual(
      expect.arrayContaining(['Loan_to_Balance_Ratio', 'High_Credit_Risk', 'Age_Group', 'branch_code'])
    )
    const onnx = (await exportModelFile(wb, model.id, tmp.path('bank.onnx'))).file
    // Every row is scored, gaps and impossible edge values included: the bank's policy
    // checks are the workstation's, not the graph's, so none are set here.
    wb.setModelGovernance(model.id, { policy: { required: [], limits: [], referrals: [] } }, 'test')

    const scoreFile = tmp.write('sample.csv', bankCsv(400, 8) + EDGE_ROWS.join('\n') + '\n')
    const workstation = tmp.path('workstation.csv')
    const batch = await wb.scoreFile(scoreFile, workstation, { model: await wb.batchModel(model.id) })
    expect(batch.rowsError).toBe(0)

    const central = tmp.path('central.csv')
    const scored = await example('score-csv.mjs', onnx, scoreFile, central)
    expect(scored.code, scored.stderr).toBe(0)
    expect(JSON.parse(scored.stdout)).toMatchObject({ rows: 406 })

    const same = await example('compare-runs.mjs', workstation, central, '--key', 'loan_ref')
    expect(same.code, same.stderr).toBe(0)
    const figures = JSON.parse(same.stdout) as Record<string, number | boolean>
    expect(figures).toMatchObject({
      compared: 406,
      missingInCentral: 0,
      decisionMismatches: 0,
      gradeMismatches: 0,
      ok: true
    })
    // Both write 6 decimals of the same double: at most a rounding step apart.
    expect(figures.maxAbsDiff).toBeLessThanOrEqual(1e-6)

    // A central run that differs on one row by a hundredth is caught.
    const lines = readFileSync(central, 'utf8').split('\n')
    const cells = lines[1].split(',')
    const p = cells.length - 3
    cells[p] = (Number(cells[p]) + 0.01).toFixed(6)
    lines[1] = cells.join(',')
    const drifted = tmp.write('drifted.csv', lines.join('\n'))
    const differ = await example('compare-runs.mjs', workstation, drifted, '--key', 'loan_ref')
    expect(differ.code).toBe(1)
    expect(JSON.parse(differ.stdout)).toMatchObject({ ok: false })
    expect((JSON.parse(differ.stdout) as { maxAbsDiff: number }).maxAbsDiff).toBeCloseTo(0.01, 6)
  })

  it('score-csv.mjs names the line and column of a cell that is not a number', async () => {
    const trainFile = tmp.write('bank.csv', bankCsv(600, 5))
    const { dataset } = await wb.importCsv({
      path: trainFile,
      target: 'bad',
      kinds: { branch_code: 'categorical' }
    })
    const { model } = await wb.trainModel(dataset.id, SMALL_FOREST)
    const onnx = (await exportModelFile(wb, model.id, tmp.path('bank.onnx'))).file
    const bad = tmp.write(
      'bad.csv',
      'loan_ref,cibil,amount,bal,age_yrs,branch_code,segment,tenure_m\nX1,seven hundred,1,1,30,101,Retail,12\n'
    )
    const result = await example('score-csv.mjs', onnx, bad, tmp.path('out.csv'))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/line 2, cibil: "seven hundred" is not a number/)
  })
})
