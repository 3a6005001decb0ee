import type { BenchConfig } from '../lib/config'
import { dataPath, ensureFixture } from '../lib/fixtures'
import { runPython, runStep } from '../lib/proc'
import { addTable, attempt, mb, newSection, num, ratio, secs, type SectionResult } from '../lib/report'

interface OurSmote {
  rows: number
  minority: number
  synthetic: number
  numeric: number
  categorical: number
  k: number
  seconds: number
}

interface RefSmote {
  rows: number
  synthetic: number
  smotenc_s: number
  smote_s: number
}

/**
 * SMOTE-NC on the training rows of the largest generated dataset: ours (exact neighbours,
 * the call training makes) beside imbalanced-learn's SMOTENC and SMOTE on the same rows.
 */
export async function smoteSection(
  config: BenchConfig,
  python: { ok: boolean; reason?: string }
): Promise<SectionResult> {
  const section = newSection('smote', 'SMOTE-NC on the training rows')
  const table = addTable(section, [
    'Run',
    'Rows',
    'Minority rows',
    'Synthetic rows',
    'Seconds',
    'Peak RSS MB'
  ])
  await attempt(section, `SMOTE-NC on ${num(config.smote.rows)} rows`, async () => {
    const store = await ensureFixture(config.smote.rows)
    const rowsCsv = dataPath(`smote-rows-${config.smote.rows}.csv`)
    const ours = await runStep<OurSmote>('smote', [store.db, store.datasetId, rowsCsv])
    const o = ours.result
    table.push([
      `ours: smoteNc (exact k = ${o.k} neighbours, one thread)`,
      num(o.rows),
      num(o.minority),
      num(o.synthetic),
      secs(o.seconds),
      mb(ours.peakRssMb)
    ])
    section.data.ours = { ...o, peakRssMb: ours.peakRssMb }
    if (!python.ok) {
      section.notes.push(`imbalanced-learn not measured: ${python.reason}`)
      return
    }
    const ref = await runPython<RefSmote>('reference/smote_ref.py', [rowsCsv, o.k, o.categorical])
    const r = ref.result
    table.push([
      'imbalanced-learn SMOTENC (same rows, categorical codes declared)',
      num(r.rows),
      num(o.minority),
      num(r.synthetic),
      secs(r.smotenc_s),
      mb(ref.peakRssMb)
    ])
    table.push([
      'imbalanced-learn SMOTE (same rows, all columns as numbers)',
      num(r.rows),
      num(o.minority),
      num(r.synthetic),
      secs(r.smote_s),
      '–'
    ])
    section.headline.push({
      what: 'SMOTE-NC (inside `ptm train`), exact neighbours',
      rows: `${num(o.rows)} training rows`,
      ours: `${secs(o.seconds)} s`,
      reference: `imbalanced-learn SMOTENC ${secs(r.smotenc_s)} s (SMOTE ${secs(r.smote_s)} s)`,
      ratio: ratio(o.seconds / r.smotenc_s),
      goal: "≤ imbalanced-learn's time",
      met: o.seconds <= r.smotenc_s
    })
    section.checks.push({
      what: `SMOTE-NC ours ÷ imbalanced-learn SMOTENC, ${num(o.rows)} training rows`,
      target: '≤ 1',
      value: (o.seconds / r.smotenc_s).toFixed(2),
      met: o.seconds <= r.smotenc_s
    })
    section.data.imblearn = { ...r, peakRssMb: ref.peakRssMb }
  })
  section.notes.push(
    'Ours: smoteNc alone, as training calls it (the 80 % training rows of the generated dataset, prepared by the product: standardised numbers, category codes; k = 5), timed in a process of its own. imbalanced-learn: the same rows written to CSV, its fit_resample timed alone (reading excluded). Our neighbours are exact: tests hold them to a brute-force search.'
  )
  return section
}
