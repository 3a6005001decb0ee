import { readFileSync, rmSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { dataPath, fileMb, type Fixture } from '../lib/fixtures'
import { runStep } from '../lib/proc'
import { attempt, mb, num, secs, type SectionResult } from '../lib/report'

interface OnnxScore {
  rows: number
  seconds: number
  exportSeconds: number
  onnxBytes: number
}

/**
 * Issue 14: the same file and model scored by ONNX Runtime in Node (the exported model,
 * examples/onnx/score-csv.mjs), as a row of the score table beside ours. `ourOutput` is our
 * scored file of the same input: the probabilities of the two are compared row by row. A
 * failure here is noted and leaves the rest of the section measured.
 */
export async function scoreWithOnnxRuntime(
  section: SectionResult,
  table: string[][],
  run: { trainFixture: Fixture; modelId: number; input: string; ourOutput: string }
): Promise<Record<string, unknown> | undefined> {
  let figures: Record<string, unknown> | undefined
  await attempt(section, 'ONNX Runtime scoring', async () => {
    figures = await measure(section, table, run)
  })
  return figures
}

async function measure(
  section: SectionResult,
  table: string[][],
  run: { trainFixture: Fixture; modelId: number; input: string; ourOutput: string }
): Promise<Record<string, unknown>> {
  const { trainFixture, modelId, input, ourOutput } = run
  const onnxPath = dataPath(`model-${modelId}.onnx`)
  const output = dataPath('scored-onnx.csv')
  const step = await runStep<OnnxScore>('onnxScore', [trainFixture.db, modelId, input, output, onnxPath])
  const { rows, seconds, exportSeconds, onnxBytes } = step.result
  table.push([
    'onnxruntime-node: exported model, examples/onnx/score-csv.mjs',
    num(rows),
    num(fileMb(input), 1),
    secs(seconds),
    num(rows / seconds),
    mb(step.peakRssMb)
  ])
  const agreement = compareProbabilities(ourOutput, output)
  rmSync(output, { force: true })
  section.notes.push(
    `ONNX export of the model: ${num(onnxBytes / 1e6, 1)} MB in ${secs(exportSeconds)} s (hashing its ${num(trainFixture.rows)} training rows included).`,
    `onnxruntime-node reads the same raw CSV (csv-parse), one float64/string tensor per input column, 50,000 rows per run, and writes every input column + probability, decision and grade (no reasons, no batch record). Its probabilities vs ours on the ${num(agreement.rows)} rows ours scored (ours refused ${num(agreement.refusedByOurs)} by the model's policy checks, which the ONNX graph does not hold): max |Δ| ${agreement.maxAbsDiff.toExponential(1)}, ${num(100 * agreement.withinShare, 2)} % within 1e-5 (both written to 6 decimals).`
  )
  return { ...step.result, rowsPerSecond: rows / seconds, peakRssMb: step.peakRssMb, ...agreement }
}

/**
 * Default_Probability of two scored files of the same input, compared applicant by applicant
 * (Customer_ID): ours sends the rows its policy checks refuse to the errors file, the ONNX
 * graph scores every row, so the files differ by those rows (counted as `refusedByOurs`).
 */
function compareProbabilities(
  ours: string,
  onnx: string
): { rows: number; refusedByOurs: number; maxAbsDiff: number; withinShare: number } {
  const byId = (file: string): Map<string, number> => {
    const records = parse(readFileSync(file), { columns: true }) as Record<string, string>[]
    return new Map(records.map((r) => [r.Customer_ID, Number(r.Default_Probability)]))
  }
  const pa = byId(ours)
  const pb = byId(onnx)
  let maxAbsDiff = 0
  let within = 0
  for (const [id, p] of pa) {
    const diff = Math.abs(p - (pb.get(id) ?? NaN))
    maxAbsDiff = Math.max(maxAbsDiff, Number.isNaN(diff) ? Infinity : diff)
    if (diff <= 1e-5) within++
  }
  return { rows: pa.size, refusedByOurs: pb.size - pa.size, maxAbsDiff, withinShare: within / pa.size }
}
