import { rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { mainTrainParams, type BenchConfig } from '../lib/config'
import { encodeNumeric, fitNumericEncoding } from '../lib/csvFiles'
import { dataPath, ensureFixture, ensureModel, fileMb, ID_COLUMN, TARGET } from '../lib/fixtures'
import { runPython, runStep } from '../lib/proc'
import { addTable, attempt, mb, newSection, num, ratio, secs, type SectionResult } from '../lib/report'
import { scoreWithOnnxRuntime } from './scoreOnnx'

interface OurScore {
  rowsIn: number
  rowsScored: number
  rowsError: number
  seconds: number
}

/** The JSON line of sk_batch.py. */
interface SkBatch {
  rows: number
  score_s: number
  rows_per_s: number
  peak_rss_mb: number
}

/**
 * Issue 4: batch scoring CSV → CSV, ours (Workbench.scoreFile in a child process) vs
 * sk_batch.py (pandas read_csv → predict_proba → to_csv) on the same rows.
 */
export async function scoreSection(
  config: BenchConfig,
  python: { ok: boolean; reason?: string }
): Promise<SectionResult> {
  const section = newSection('score', 'Score: batch CSV → CSV')
  const table = addTable(section, ['Run', 'Rows', 'Input MB', 'Seconds', 'Rows/s', 'Peak RSS MB'])
  const compare = addTable(
    section,
    ['Comparison', 'Ours rows/s', 'scikit-learn rows/s', 'Ours ÷ scikit-learn', 'Target'],
    'Side by side'
  )
  const trainFixture = await ensureFixture(config.train.rows)
  const modelId = await ensureModel(trainFixture, mainTrainParams(config))
  section.data.model = { id: modelId, trainedOnRows: config.train.rows, params: mainTrainParams(config) }

  // sk_batch.py fits on d.values: it needs an all-numeric file (scikit-learn 1.2 takes no text, no NaN).
  let skTrain: string | undefined
  let encoding: Awaited<ReturnType<typeof fitNumericEncoding>> | undefined
  if (python.ok) {
    encoding = await fitNumericEncoding(trainFixture.csv, [ID_COLUMN])
    skTrain = await encodeNumeric(trainFixture.csv, dataPath(`gen-${config.train.rows}.num.csv`), encoding, [
      trainFixture.csv
    ])
  } else {
    section.notes.push(`scikit-learn not measured: ${python.reason}`)
  }

  const sizes: Record<string, unknown>[] = []
  const ourSeconds = new Map<number, number>()
  for (const rows of config.score.sizes) {
    await attempt(section, `scoring ${num(rows)} rows`, async () => {
      const fixture = await ensureFixture(rows)
      const out = dataPath(`scored-${rows}.csv`)
      const ours = await runStep<OurScore>('score', [trainFixture.db, modelId, fixture.csv, out])
      const ourRate = ours.result.rowsIn / ours.result.seconds
      ourSeconds.set(rows, ours.result.seconds)
      table.push([
        `ours: Workbench.scoreFile`,
        num(ours.result.rowsIn),
        num(fileMb(fixture.csv), 1),
        secs(ours.result.seconds),
        num(ourRate),
        mb(ours.peakRssMb)
      ])
      const onnx =
        rows === config.score.sizes[0]
          ? await scoreWithOnnxRuntime(section, table, {
              trainFixture,
              modelId,
              input: fixture.csv,
              ourOutput: out
            })
          : undefined
      rmSync(out, { force: true })
      rmSync(out.replace(/\.csv$/, '.errors.csv'), { force: true })
      const entry: Record<string, unknown> = {
        rows,
        onnx,
        ours: {
          ...ours.result,
          rowsPerSecond: ourRate,
          peakRssMb: ours.peakRssMb,
          cpuSeconds: ours.cpuSeconds,
          inputMb: fileMb(fixture.csv)
        }
      }
      if (ours.result.rowsScored !== rows)
        section.notes.push(
          `${num(rows)} rows: ${num(ours.result.rowsScored)} scored, ${num(ours.result.rowsError)} in errors.`
        )
      if (rows >= 1_000_000) {
        section.checks.push({
          what: `peak RSS scoring ${num(rows)} rows`,
          target: '< 400 MB',
          value: `${mb(ours.peakRssMb)} MB`,
          met: ours.peakRssMb < 400
        })
      }
      if (python.ok && skTrain && encoding) {
        const skInput = await encodeNumeric(fixture.csv, dataPath(`gen-${rows}.num.csv`), encoding, [
          fixture.csv,
          trainFixture.csv
        ])
        const sk = await runPython<SkBatch>('sk_batch.py', [skTrain, skInput, TARGET])
        const skRate = sk.result.rows / sk.result.score_s
        table.push([
          `scikit-learn: sk_batch.py`,
          num(sk.result.rows),
          num(fileMb(skInput), 1),
          secs(sk.result.score_s),
          num(skRate),
          mb(sk.result.peak_rss_mb)
        ])
        const speedup = ourRate / skRate
        compare.push([`${num(rows)} rows`, num(ourRate), num(skRate), ratio(speedup), '≥ 2×'])
        if (rows >= 1_000_000 || config.quick) {
          section.checks.push({
            what: `batch rows/s ours ÷ scikit-learn, ${num(rows)} rows`,
            target: '≥ 2',
            value: speedup.toFixed(2),
            met: speedup >= 2
          })
        }
        entry.sklearn = {
          ...sk.result,
          rowsPerSecond: skRate,
          inputMb: fileMb(skInput),
          wrapperPeakRssMb: sk.peakRssMb,
          processSeconds: sk.processSeconds
        }
        entry.speedup = speedup
      }
      sizes.push(entry)
    })
  }
  section.data.sizes = sizes

  // Where our CPU time goes, on the smallest size: cumulative single-thread passes with
  // the pieces of a chunk's scoring.
  const small = config.score.sizes[0]
  const total = ourSeconds.get(small)
  if (total !== undefined) {
    await attempt(section, `scoring breakdown at ${num(small)} rows`, async () => {
      const fixture = await ensureFixture(small)
      const parts = await runStep<{
        rows: number
        tokenize: number
        parse: number
        forest: number
        reasons: number
        all: number
      }>('scoreparts', [trainFixture.db, modelId, fixture.csv])
      const p = parts.result
      const rows = addTable(
        section,
        ['Piece of a chunk’s scoring (one thread)', 'Seconds', 'Share', 'µs per row'],
        `Where the CPU time goes (${num(small)} rows, one thread; cumulative passes, differences shown)`
      )
      const piece = (label: string, seconds: number): void => {
        rows.push([
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
      piece('output rows, reason texts, drift counts', p.all - p.reasons)
      rows.push(['one thread in all', secs(p.all), '100 %', ((1e6 * p.all) / p.rows).toFixed(2)])
      section.notes.push(
        `scoreFile on ${num(small)} rows took ${secs(total)} s on worker threads; one thread would take ${secs(p.all)} s for the chunks alone (reading, hashing and writing are on the coordinating thread).`
      )
      section.data.breakdown = { ...p, fileRows: small, scoreFileSeconds: total }
    })
  }
  section.notes.push(
    `Model: our forest trained on the ${num(config.train.rows)}-row dataset (${config.train.trees} trees, depth ${config.train.depth}); sk_batch.py fits its own RandomForest (200 trees, depth 15) on the same ${num(config.train.rows)} rows before its clock starts, as ours loads its model before the clock starts.`,
    `Ours: Workbench.scoreFile with its default of one worker thread per core (${Math.min(4, availableParallelism())} here), the chunks scored by the compiled forest in WebAssembly; sk_batch.py: RandomForestClassifier.predict_proba with n_jobs=2.`,
    'Ours reads the raw exported CSV (text categories, empty cells, Customer_ID) and writes every input column + Default_Probability, Default_Prediction, Risk_Grade, Reason_1..3 (per-tree path attributions), then records the batch (hash, PSI) in SQLite. sk_batch.py gets the same rows made all-numeric (label codes, training medians for empty cells, no Customer_ID), because scikit-learn 1.2 fits on neither text nor NaN, and writes PD and Decision only.',
    'The score files are the generated datasets (seed 42), so their first rows are the training rows; throughput does not depend on it.'
  )
  return section
}
