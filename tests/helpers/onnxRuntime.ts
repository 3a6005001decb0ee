import * as ort from 'onnxruntime-node'
import type { InputField } from '../../src/main/core/model/ModelArtifact'
import type { RawInputs } from '../../src/main/core/ml/preprocess'
import { ML_DOMAIN } from '../../src/main/core/onnx/GraphBuilder'
import { encodeModel, type GraphProto } from '../../src/main/core/onnx/onnxProto'

/** A graph as a model at the export's operator sets, ready for ONNX Runtime. */
export function encodeTestModel(graph: GraphProto): Uint8Array {
  return encodeModel({
    ir_version: 10,
    opset_import: [
      { domain: '', version: 21 },
      { domain: ML_DOMAIN, version: 5 }
    ],
    producer_name: 'test',
    graph,
    metadata_props: []
  })
}

/** Runs a one-input, one-output double model ([n, width] in, [n, 1] out) over `rows`. */
export async function runDoubleModel(
  bytes: Uint8Array,
  rows: number[][],
  input = 'X',
  output = 'P'
): Promise<number[]> {
  const session = await ort.InferenceSession.create(bytes)
  try {
    const x = new ort.Tensor('float64', Float64Array.from(rows.flat()), [rows.length, rows[0].length])
    const out = await session.run({ [input]: x })
    return Array.from(out[output].data as Float64Array)
  } finally {
    await session.release()
  }
}

/** What ONNX Runtime gives for a batch scored by an exported model. */
export interface OnnxScores {
  probability: Float64Array
  prediction: number[]
  grade: string[]
}

/**
 * Scores raw inputs (the product's parsed form) with an exported model in ONNX Runtime:
 * numbers as float64 [n, 1] with NaN for missing, categories as string [n, 1] with "" for missing.
 */
export async function scoreWithOnnxRuntime(
  bytes: Uint8Array,
  inputs: InputField[],
  raw: RawInputs
): Promise<OnnxScores> {
  const session = await ort.InferenceSession.create(bytes)
  try {
    const n = raw.numRows
    const feeds: Record<string, ort.Tensor> = {}
    for (const field of inputs) {
      if (field.kind === 'numeric') {
        feeds[field.name] = new ort.Tensor('float64', Float64Array.from(raw.numeric.get(field.name)!), [n, 1])
      } else {
        const values = raw.categorical.get(field.name)!.map((v) => v ?? '')
        feeds[field.name] = new ort.Tensor('string', values, [n, 1])
      }
    }
    const out = await session.run(feeds)
    return {
      probability: Float64Array.from(out.Default_Probability.data as Float64Array),
      prediction: Array.from(out.Default_Prediction.data as BigInt64Array, Number),
      grade: Array.from(out.Risk_Grade.data as string[])
    }
  } finally {
    await session.release()
  }
}

/** How closely two probability columns agree: the largest difference and the share within `tolerance`. */
export function agreement(
  expected: ArrayLike<number>,
  actual: ArrayLike<number>,
  tolerance = 1e-5
): { maxAbsDiff: number; withinShare: number } {
  if (expected.length !== actual.length) throw new Error(`${expected.length} vs ${actual.length} rows`)
  let maxAbsDiff = 0
  let within = 0
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(expected[i] - actual[i])
    // NaN on either side is the worst disagreement, never a silent pass.
    const counted = Number.isNaN(diff) ? Infinity : diff
    if (counted > maxAbsDiff) maxAbsDiff = counted
    if (counted <= tolerance) within++
  }
  return { maxAbsDiff, withinShare: within / expected.length }
}
