import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../src/main/core/base/random'
import { applyCalibration, type CalibrationModel } from '../../../../src/main/core/ml/calibration'
import { addCalibration, knotSearchTree } from '../../../../src/main/core/onnx/calibrationGraph'
import { batchValue, GraphBuilder } from '../../../../src/main/core/onnx/GraphBuilder'
import { TensorType } from '../../../../src/main/core/onnx/onnxProto'
import { encodeTestModel, runDoubleModel } from '../../../helpers/onnxRuntime'

/** The calibrated probability of each score, as ONNX Runtime computes it from the exported map. */
async function calibrate(model: CalibrationModel, scores: number[]): Promise<number[]> {
  const g = new GraphBuilder(['S', 'P'])
  g.node('Identity', [addCalibration(g, 'S', model)], { output: 'P' })
  const bytes = encodeTestModel(
    g.build('c', [batchValue('S', TensorType.DOUBLE, 1)], [batchValue('P', TensorType.DOUBLE, 1)])
  )
  return runDoubleModel(
    bytes,
    scores.map((s) => [s]),
    'S'
  )
}

describe('addCalibration', () => {
  it('isotonic: interpolates between knots and is constant beyond the first and last (hand-computed)', async () => {
    const model: CalibrationModel = { kind: 'isotonic', x: [0.1, 0.3, 0.6], y: [0.02, 0.1, 0.5] }
    const p = await calibrate(model, [0, 0.1, 0.2, 0.3, 0.45, 0.6, 0.9, 1])
    // 0.2 is halfway from 0.1 to 0.3: 0.02 + 0.5 · 0.08; 0.45 is halfway from 0.3 to 0.6: 0.1 + 0.5 · 0.4.
    const expected = [0.02, 0.02, 0.06, 0.1, 0.3, 0.5, 0.5, 0.5]
    p.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15))
  })

  it('isotonic with one knot gives its value everywhere', async () => {
    expect(await calibrate({ kind: 'isotonic', x: [0.4], y: [0.2] }, [0, 0.4, 0.9])).toEqual([0.2, 0.2, 0.2])
  })

  it('isotonic with 2,000 knots (flat steps included) equals the product map bit for bit at knots, between and beyond them', async () => {
    const rng = new Rng(7)
    const x: number[] = []
    const y: number[] = []
    let xv = 0.001
    let yv = 0
    for (let k = 0; k < 2000; k++) {
      xv += 1e-6 + rng.next() * 4e-4
      // Every third step is flat, as pool-adjacent-violators leaves them.
      if (k % 3 !== 0) yv += rng.next() * 4e-4
      x.push(xv)
      y.push(yv)
    }
    const scores = [
      0,
      ...x,
      ...x.slice(1).map((v, k) => (v + x[k]) / 2),
      ...Array.from({ length: 500 }, () => rng.next())
    ]
    const model: CalibrationModel = { kind: 'isotonic', x, y }
    const p = await calibrate(model, scores)
    const mismatches = scores.filter((s, i) => p[i] !== applyCalibration(model, s))
    expect(mismatches).toEqual([])
  })

  it('the knot search tree is a balanced binary search over the segments', () => {
    const spec = knotSearchTree([1, 2, 3, 4, 5, 6, 7])
    // 7 knots, 8 segments: 7 interior nodes, 8 leaves weighing 0…7, depth 3.
    expect(spec.nodes.splits.length).toBe(7)
    expect(Array.from(spec.leafWeights)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(spec.nodes.splits[0]).toBe(4)
  })

  it('Platt: 1 / (1 + e^(a·s + b)) (hand-computed)', async () => {
    const p = await calibrate({ kind: 'platt', a: -4, b: 2 }, [0.5, 0, 1, 300])
    // s = 0.5: e^0 = 1, so 1/2; s = 0: 1/(1 + e^2); s = 1: 1/(1 + e^-2); s = 300: e^-1198 underflows to 1.
    const expected = [0.5, 1 / (1 + Math.exp(2)), 1 / (1 + Math.exp(-2)), 1]
    p.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15))
  })

  it('none: the score clipped into [0, 1]', async () => {
    expect(await calibrate({ kind: 'none' }, [-0.5, 0, 0.3, 1, 1.7])).toEqual([0, 0, 0.3, 1, 1])
  })
})
