import { Rng } from '../../../../../src/main/core/base/random'
import type { EngineTrainInput, FitRows } from '../../../../../src/main/core/ml/engines'
import type { FeatureSpec } from '../../../../../src/main/core/model/ModelArtifact'
import { DEFAULT_TRAIN_PARAMS, type TrainParams } from '../../../../../src/shared/params/trainParams'

/**
 * A tiny training set for the engines' fast tests, drawn from a seed: `step` takes the
 * integers −3..3 (so a split between two of them is a half-integer, negative, zero-crossing
 * or positive), `sign` is −1 or 1 (the only split between them is at 0), `noise` is uniform.
 * Defaults are likelier for larger step and sign.
 */
export function engineRows(rows: number, seed: number): { columns: Float64Array[]; y: Uint8Array } {
  const rng = new Rng(seed)
  const step = new Float64Array(rows)
  const sign = new Float64Array(rows)
  const noise = new Float64Array(rows)
  const y = new Uint8Array(rows)
  for (let i = 0; i < rows; i++) {
    step[i] = rng.int(7) - 3
    sign[i] = rng.next() < 0.5 ? -1 : 1
    noise[i] = rng.next()
    const logit = -1 + 0.7 * step[i] + 0.8 * sign[i]
    y[i] = rng.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0
  }
  return { columns: [step, sign, noise], y }
}

export const ENGINE_FEATURES: FeatureSpec[] = ['step', 'sign', 'noise'].map((name) => ({
  name,
  kind: 'numeric',
  source: 'input',
  median: 0,
  mean: 0,
  std: 1
}))

/**
 * fitRows as the pipeline gives it: the asked-for real rows, then, with `synthetic`, one
 * made-up default per real default of the subset (its values +0.25 on `noise`), as SMOTE
 * appends rows made from the subset alone. Every call's subset is recorded.
 */
export function fitRowsOf(
  columns: Float64Array[],
  y: Uint8Array,
  synthetic: boolean
): { fitRows: (subset?: Int32Array) => FitRows; asked: (Int32Array | undefined)[] } {
  const asked: (Int32Array | undefined)[] = []
  const fitRows = (subset?: Int32Array): FitRows => {
    asked.push(subset)
    const rows = Array.from(subset ?? Int32Array.from(y, (_, i) => i))
    const seeds = synthetic ? rows.filter((r) => y[r] === 1) : []
    const all = [...rows, ...seeds]
    return {
      columns: columns.map((c, f) =>
        Float64Array.from(all, (r, k) => c[r] + (k >= rows.length && f === 2 ? 0.25 : 0))
      ),
      y: Uint8Array.from(all, (r) => y[r]),
      numReal: rows.length
    }
  }
  return { fitRows, asked }
}

/** An engine's training input over engineRows, with the given settings over the defaults. */
export function engineInput(
  rows: number,
  seed: number,
  params: Partial<TrainParams>,
  synthetic = false
): EngineTrainInput & { asked: (Int32Array | undefined)[] } {
  const { columns, y } = engineRows(rows, seed)
  const { fitRows, asked } = fitRowsOf(columns, y, synthetic)
  return {
    columns,
    y,
    features: ENGINE_FEATURES,
    params: { ...DEFAULT_TRAIN_PARAMS, threads: 1, ...params },
    fitRows,
    asked
  }
}
