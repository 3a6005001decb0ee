import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/program'
import { Workbench } from '../../../src/main/core/service/Workbench'
import { useTempDir } from '../../helpers/tempDir'

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs `ptm ARGS` in-process against the given database, capturing both streams. */
async function ptm(db: string, ...args: string[]): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const sink = (append: (s: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(chunk.toString())
        done()
      }
    })
  const code = await runCli(['--db', db, ...args], {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s))
  })
  return { code, stdout, stderr }
}

/** The one JSON object a --json run prints, refusing anything else on stdout. */
function onlyJson(run: Run): Record<string, unknown> {
  const lines = run.stdout.split('\n').filter((l) => l.length > 0)
  expect(lines, run.stdout).toHaveLength(1)
  const value = JSON.parse(lines[0]) as unknown
  expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true)
  return value as Record<string, unknown>
}

function oneLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.length > 0)
  expect(lines, text).toHaveLength(1)
  return lines[0]
}

describe('ptm', () => {
  const tmp = useTempDir()

  it('generate --json exits 0 and prints exactly one JSON object with datasetId, rows and rejectedRows', async () => {
    const run = await ptm(tmp.path('w.db'), 'generate', '--rows', '500', '--seed', '3', '--json')
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(onlyJson(run)).toMatchObject({ datasetId: 1, rows: 500, rejectedRows: 0 })
  })

  it('import --json reports the dataset, the rows imported and the rows rejected', async () => {
    const file = tmp.write(
      'loans.csv',
      [
        'id,score,amount,branch,bad',
        ...Array.from(
          { length: 60 },
          (_, i) =>
            `L${i},${500 + i * 5},${10000 + i * 100},${i % 2 ? 'Pune' : 'Agra'},${i % 5 === 0 ? 1 : 0}`
        ),
        'L99,not a number,5000,Pune,0'
      ].join('\n')
    )
    const run = await ptm(tmp.path('w.db'), 'import', file, '--target', 'bad', '--json')
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(onlyJson(run)).toMatchObject({ datasetId: 1, rows: 60, rejectedRows: 1 })
  })

  it('train --json prints modelId, metrics.auc and metrics.accuracy', async () => {
    const db = tmp.path('w.db')
    expect((await ptm(db, 'generate', '--rows', '2000')).code).toBe(0)
    const run = await ptm(db, 'train', '--trees', '10', '--depth', '6', '--threads', '1', '--json')
    expect(run).toMatchObject({ code: 0, stderr: '' })
    const json = onlyJson(run)
    expect(json.modelId).toBe(1)
    const metrics = json.metrics as { auc: number; accuracy: number }
    expect(metrics.auc).toBeGreaterThan(0.5)
    expect(metrics.auc).toBeLessThanOrEqual(1)
    expect(metrics.accuracy).toBeGreaterThan(0.5)
    expect(metrics.accuracy).toBeLessThanOrEqual(1)
  })

  it('exits 1 with one line on stderr naming the problem for a user error', async () => {
    const db = tmp.path('w.db')
    const missing = await ptm(db, 'import', tmp.path('nowhere.csv'), '--target', 'Default')
    expect(missing.code).toBe(1)
    expect(oneLine(missing.stderr)).toMatch(/^ptm: .*nowhere\.csv/)

    const noData = await ptm(db, 'train', '--trees', '5')
    expect(noData.code).toBe(1)
    expect(oneLine(noData.stderr)).toMatch(/^ptm: There is no dataset yet/)

    const noModel = await ptm(db, 'activate', '7')
    expect(noModel.code).toBe(1)
    expect(oneLine(noModel.stderr)).toMatch(/^ptm: There is no model 7/)
    expect(noModel.stdout).toBe('')
  })

  it.each([
    [['generate', '--bogus'], /unknown option '--bogus'/],
    [['generate', '--rows', 'many'], /--rows.*'many'.*whole number from 100 to 10000000/],
    [['generate', '--rows', '0'], /--rows.*'0'/],
    [['train', '--engine', 'xgboost'], /--engine.*'xgboost'.*Allowed choices are forest, ml-random-forest/],
    [['train', '--calibration', 'foo'], /--calibration.*'foo'.*isotonic, platt, none/],
    [
      ['train', '--map', 'Score=Credit'],
      /"Score" is not one of Credit_Score, Loan_Amount, Account_Balance, Age/
    ],
    [['train', '--max-features', 'half'], /--max-features.*sqrt, log2, all or a whole number/],
    [['all', '--trees', '0'], /--trees.*'0'.*from 1 to 5000/],
    [['train', '--test-size', '2'], /--test-size/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['import', 'loans.csv'], /required option '--target <column>' not specified/],
    [['score', 'loans.csv', '--out', 'scored.csv', '--threads', '9'], /--threads.*from 0 to 4, got "9"/]
  ])('exits 2 for bad usage: %j', async (args, message) => {
    const run = await ptm(tmp.path('w.db'), ...args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stdout).toBe('')
  })

  it('train --engine auto --json returns the champion and a leaderboard of every candidate', async () => {
    const db = tmp.path('w.db')
    expect((await ptm(db, 'generate', '--rows', '1200')).code).toBe(0)
    const run = await ptm(
      db,
      'train',
      '--engine',
      'auto',
      '--budget-s',
      '10',
      '--trees',
      '6',
      '--threads',
      '1',
      '--json'
    )
    expect(run.code, run.stderr).toBe(0)
    const out = JSON.parse(run.stdout) as {
      modelId: number
      engine: string
      metrics: { auc: number }
      leaderboard: {
        engine: string
        params: object
        cvAuc: number
        cvAucSd: number
        seconds: number
        modelId: number
        champion: boolean
      }[]
    }
    const champion = out.leaderboard.find((e) => e.champion)!
    expect(out.modelId).toBe(champion.modelId)
    expect(out.engine).toBe(champion.engine)
    for (const e of out.leaderboard) {
      expect(e).toMatchObject({ engine: expect.any(String), params: expect.any(Object) })
      expect(e.cvAuc).toBeGreaterThan(0.5)
      expect(e.cvAucSd).toBeGreaterThanOrEqual(0)
      expect(e.seconds).toBeGreaterThan(0)
    }
  })

  it('all refuses a bad option before it generates anything', async () => {
    const db = tmp.path('w.db')
    const bad = await ptm(db, 'all', '--rows', '500', '--calibration', 'sigmoid')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--calibration.*'sigmoid'/)
    const listed = await ptm(db, 'datasets', '--json')
    expect(JSON.parse(listed.stdout)).toEqual({ datasets: [] })
  })

  it("accepts the spec's --step form (python main.py --step generate)", async () => {
    const db = tmp.path('w.db')
    const run = await ptm(db, '--step', 'generate', '--rows', '300')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/300 rows/)
    const service = Workbench.open(db)
    expect(service.listDatasets().map((d) => d.rows)).toEqual([300])
    service.close()
  })

  it('runs the whole pipeline with "all" on a fresh database and prints the evaluation', async () => {
    const db = tmp.path('fresh.db')
    const run = await ptm(db, 'all', '--rows', '2000', '--trees', '10')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    for (const heading of [
      'Step 1',
      'Step 2',
      'Step 3',
      'Accuracy:',
      'Confusion Matrix:',
      'Classification Report:'
    ]) {
      expect(run.stdout).toContain(heading)
    }
    expect(run.stdout).toMatch(/precision\s+recall\s+f1-score\s+support/)
    const service = Workbench.open(db)
    expect(service.listModels()).toHaveLength(1)
    expect(service.models.activeId()).toBe(service.listModels()[0].id)
    service.close()
  })

  it('round-trips generate, export and import to the same rows, column by column', async () => {
    const db = tmp.path('w.db')
    const csv = tmp.path('export.csv')
    expect((await ptm(db, 'generate', '--rows', '400', '--seed', '8')).code).toBe(0)
    expect((await ptm(db, 'export', '--dataset', '1', '--out', csv)).code).toBe(0)
    const imported = await ptm(db, 'import', csv, '--target', 'Default', '--json')
    expect(imported.code).toBe(0)
    expect(onlyJson(imported)).toMatchObject({ datasetId: 2, rows: 400, rejectedRows: 0 })

    const service = Workbench.open(db)
    const [generated, reimported] = [service.getDataset(1), service.getDataset(2)]
    expect(reimported.columnSpecs.map((c) => c.name)).toEqual(generated.columnSpecs.map((c) => c.name))
    expect(reimported.columnSpecs).toEqual(generated.columnSpecs)
    const a = [...service.datasets.iterateRows(1)]
    const b = [...service.datasets.iterateRows(2)]
    expect(b).toHaveLength(a.length)
    generated.columnSpecs.forEach((spec, c) => {
      expect(
        b.map((row) => row[c]),
        spec.name
      ).toEqual(a.map((row) => row[c]))
    })
    service.close()
  })
})
