import { rmSync } from 'node:fs'
import { forestArgs, type BenchConfig } from '../lib/config'
import { ptm, type PtmRun } from '../lib/command'
import { encodeNumeric, fitNumericEncoding } from '../lib/csvFiles'
import { dataPath, ensureFixture, ensureModel, fileMb, ID_COLUMN, TARGET } from '../lib/fixtures'
import { runPython, runStep, type PythonOutput } from '../lib/proc'
import {
  addTable,
  attempt,
  mb,
  median,
  newSection,
  num,
  ratio,
  secs,
  type SectionResult
} from '../lib/report'
import { scoreWithOnnxRuntime } from './scoreOnnx'

/** The JSON line of sk_batch.py. */
interface SkBatch {
  rows: number
  score_s: number
  rows_per_s: number
  peak_rss_mb: number
}

interface ScoreJson {
  rowsIn: number
  rowsScored: number
  seconds: number
}

/**
 * Batch scoring as a user runs it: `ptm score FILE --out SCORED` (start-up, the model
 * restored from the store, every row scored with reasons, the output written, the batch
 * recorded) against sk_batch.py's read_csv → predict_proba → to_csv on the same rows,
 * alternating; then where one thread's time goes, and ONNX Runtime on the same file.
 */
export async function scoreSection(
  config: BenchConfig,
  python: { ok: boolean; reason?: string }
): Promise<SectionResult> {
  const section = newSection('score', 'Score: a CSV file, CSV out')
  const table = addTable(section, ['Run', 'Rows', 'Input MB', 'Seconds', 'Rows/s', 'Peak RSS MB'])
  const trainStore = await ensureFixture(config.train.modelRows)
  const modelId = await ensureModel(trainStore, forestArgs(config))
  const rows = config.score.rows
  const input = await ensureFixture(rows)
  const out = dataPath(`scored-${rows}.csv`)
  section.data.model = { id: modelId, trainedOnRows: config.train.modelRows, args: forestArgs(config) }

  await attempt(section, `scoring ${num(rows)} rows`, async () => {
    let skTrain: string | undefined
    let skInput: string | undefined
    if (python.ok) {
      const encoding = await fitNumericEncoding(trainStore.csv, [ID_COLUMN])
      skTrain = await encodeNumeric(trainStore.csv, dataPath(`gen-${trainStore.rows}.num.csv`), encoding, [
        trainStore.csv
      ])
      skInput = await encodeNumeric(input.csv, dataPath(`gen-${rows}.num.csv`), encoding, [
        input.csv,
        trainStore.csv
      ])
    } else section.notes.push(`scikit-learn not measured: ${python.reason}`)
    const ours: PtmRun<ScoreJson>[] = []
    const sk: PythonOutput<SkBatch>[] = []
    for (let r = 0; r < config.repeat; r++) {
      ours.push(await ptm<ScoreJson>(trainStore.db, ['score', input.csv, '--out', out, '--model', modelId]))
      const o = ours[r]
      table.push([
        `ours: ptm score (whole command), run ${r + 1}`,
        num(rows),
        num(fileMb(input.csv), 1),
        secs(o.wallSeconds),
        num(rows / o.wallSeconds),
        mb(o.peakRssMb)
      ])
      if (skTrain && skInput) {
        sk.push(await runPython<SkBatch>('sk_batch.py', [skTrain, skInput, TARGET]))
        const s = sk[r].result
        table.push([
          `scikit-learn: sk_batch.py read_csv → predict_proba → to_csv, run ${r + 1}`,
          num(s.rows),
          num(fileMb(skInput), 1),
          secs(s.score_s),
          num(s.rows / s.score_s),
          mb(s.peak_rss_mb)
        ])
      }
    }
    const ourRate = rows / median(ours.map((o) => o.wallSeconds))
    const ourRss = Math.max(...ours.map((o) => o.peakRssMb))
    section.data.ours = ours.map((o) => ({ ...o, stdout: undefined, json: o.json }))
    section.checks.push({
      what: `peak RSS of ptm score, ${num(rows)} rows`,
      target: '< 400 MB',
      value: `${mb(ourRss)} MB`,
      met: ourRss < 400
    })
    if (sk.length) {
      const skRate = rows / median(sk.map((s) => s.result.score_s))
      const speedup = ourRate / skRate
      section.headline.push({
        what: '`ptm score FILE --out SCORED` (model 200×15 on 100k rows)',
        rows: num(rows),
        ours: `${num(ourRate)} rows/s, ${mb(ourRss)} MB`,
        reference: `pandas read_csv → predict_proba → to_csv ${num(skRate)} rows/s`,
        ratio: ratio(speedup),
        goal: '≥ 2×, then ≥ 4×; RSS < 400 MB',
        met: speedup >= 2 && ourRss < 400
      })
      section.checks.push({
        what: `ptm score rows/s ÷ scikit-learn's, ${num(rows)} rows`,
        target: '≥ 2 (then ≥ 4)',
        value: speedup.toFixed(2),
        met: speedup >= 2
      })
      section.data.sklearn = sk
      section.data.speedup = speedup
    }
  })

  // Where one thread's time goes (kernel breakdown, in memory, 100k rows at most).
  await attempt(section, 'scoring breakdown', async () => {
    const small = await ensureFixture(Math.min(rows, 100_000))
    const parts = await runStep<{
      rows: number
      tokenize: number
      parse: number
      forest: number
      reasons: number
      all: number
    }>('scoreparts', [trainStore.db, modelId, small.csv])
    const p = parts.result
    const t = addTable(
      section,
      ['Piece of a chunk’s scoring (one thread, in memory)', 'Seconds', 'Share', 'µs per row'],
      `Breakdown: where one thread's time goes (${num(p.rows)} rows; cumulative passes, differences shown)`
    )
    const piece = (label: string, seconds: number): void => {
      t.push([
        label,
        secs(seconds),
        `${Math.round((100 * seconds) / p.all)} %`,
        ((1e6 * seconds) / p.rows).toFixed(2)
      ])
    }
    piece('tokenize the CSV bytes', p.tokenize)
    piece('read the model inputs', p.parse - p.tokenize)
    piece('features, binning, forest walk (WebAssembly), calibration', p.forest - p.parse)
    piece('path reasons (in the same walk) and their ranking', p.reasons - p.forest)
    piece('policy checks, output rows, reason texts, drift counts', p.all - p.reasons)
    t.push(['one thread in all', secs(p.all), '100 %', ((1e6 * p.all) / p.rows).toFixed(2)])
    section.data.breakdown = p
  })

  await attempt(section, 'ONNX Runtime on the same model', async () => {
    const small = await ensureFixture(Math.min(rows, 100_000))
    const ourOut = dataPath('scored-onnx-ours.csv')
    await ptm(trainStore.db, ['score', small.csv, '--out', ourOut, '--model', modelId])
    section.data.onnx = await scoreWithOnnxRuntime(section, table, {
      trainFixture: trainStore,
      modelId,
      input: small.csv,
      ourOutput: ourOut
    })
    rmSync(ourOut, { force: true })
  })
  rmSync(out, { force: true })
  rmSync(out.replace(/\.csv$/, '.errors.csv'), { force: true })
  section.notes.push(
    `Ours: the whole \`ptm score\` command (node out/cli/ptm.js, cold), the ${num(config.train.modelRows)}-row model restored from the store; it reads the raw CSV (text categories, empty cells, Customer_ID) and writes every input column + Default_Probability, Default_Prediction, Risk_Grade, Reason_1..3, then records the batch (hash, PSI). sk_batch.py: its timed part only (read_csv → predict_proba with n_jobs=2 → to_csv; its start-up and fit excluded), on the same rows made all-numeric (scikit-learn 1.2 takes neither text nor NaN), writing its input columns and two more (PD, Decision), no reasons.`
  )
  return section
}
