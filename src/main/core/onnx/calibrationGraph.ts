import type { CalibrationModel } from '../ml/calibration'
import { attr, GraphBuilder } from './GraphBuilder'
import { TensorType } from './onnxProto'
import { addTreeEnsemble, BRANCH_LT, emptySpec, type TreeEnsembleSpec } from './treeEnsemble'

/**
 * Adds the calibration map (calibration.ts's applyCalibration) from the raw score `raw`
 * (double [N, 1]) to the probability, clipped into [0, 1]; returns the probability's name.
 * The arithmetic is the product's, operation for operation, in doubles.
 */
export function addCalibration(g: GraphBuilder, raw: string, model: CalibrationModel): string {
  let p: string
  switch (model.kind) {
    case 'none':
      p = raw
      break
    case 'platt': {
      // P = 1 / (1 + e^f) with f = a·score + b: Sigmoid(−f).
      const f = g.node('Add', [g.node('Mul', [raw, g.scalar(model.a)]), g.scalar(model.b)])
      p = g.node('Sigmoid', [g.node('Neg', [f])], { hint: 'platt' })
      break
    }
    case 'isotonic':
      p = addIsotonic(g, raw, model.x, model.y)
      break
  }
  return g.node('Clip', [p, g.scalar(0), g.scalar(1)], { hint: 'calibrated' })
}

/**
 * Isotonic calibration: linear interpolation through the knots, constant beyond the ends.
 * The segment of a score, s = the number of knots <= score (0 … m), is found by a binary
 * search written as one tree (BRANCH_LT splits at the knots, leaf weight s), so each row
 * costs log2(m) double comparisons whatever the knot count. Per segment the tables hold
 * the knot it starts from, its width and its rise, so p = y0 + ((score − x0) / width) · rise
 * is the product's interpolation to the bit; the two outer segments have rise 0 and give
 * the end knots' values exactly.
 */
function addIsotonic(g: GraphBuilder, raw: string, xs: number[], ys: number[]): string {
  const m = xs.length
  if (m === 0 || ys.length !== m)
    throw new Error(`isotonic calibration with ${m} knots and ${ys.length} values`)
  const x0 = new Float64Array(m + 1)
  const y0 = new Float64Array(m + 1)
  const width = new Float64Array(m + 1).fill(1)
  const rise = new Float64Array(m + 1)
  x0[0] = xs[0]
  y0[0] = ys[0]
  for (let s = 1; s < m; s++) {
    x0[s] = xs[s - 1]
    y0[s] = ys[s - 1]
    width[s] = xs[s] - xs[s - 1]
    rise[s] = ys[s] - ys[s - 1]
  }
  x0[m] = xs[m - 1]
  y0[m] = ys[m - 1]
  const segmentValue = addTreeEnsemble(g, raw, knotSearchTree(xs), 'isotonic_segment')
  const segment = g.node('Cast', [segmentValue], {
    attributes: [attr.int('to', TensorType.INT64)],
    hint: 'segment'
  })
  const take = (hint: string, table: Float64Array): string =>
    g.node('Gather', [g.doubles(hint, table), segment], { hint })
  const t = g.node('Div', [g.node('Sub', [raw, take('knot_x', x0)]), take('segment_width', width)])
  return g.node('Add', [take('knot_y', y0), g.node('Mul', [t, take('segment_rise', rise)])], {
    hint: 'isotonic'
  })
}

/**
 * One balanced tree over segments 0 … m of the strictly increasing knots `xs`: the node
 * for segments [lo, hi] asks "score < xs[mid]" (true: segments lo … mid; false: mid+1 … hi),
 * and the leaf of segment s weighs s.
 */
export function knotSearchTree(xs: number[]): TreeEnsembleSpec {
  const m = xs.length
  const spec = emptySpec('sum', Math.max(1, m), m + 1)
  for (let s = 0; s <= m; s++) spec.leafWeights[s] = s
  const { nodes } = spec
  let next = 0
  // Returns the node id (or leaf id, with isLeaf) covering segments lo … hi.
  const build = (lo: number, hi: number): { id: number; isLeaf: boolean } => {
    if (lo === hi) return { id: lo, isLeaf: true }
    const at = next++
    const mid = (lo + hi) >> 1
    nodes.featureIds[at] = 0
    nodes.splits[at] = xs[mid]
    nodes.modes[at] = BRANCH_LT
    const left = build(lo, mid)
    const right = build(mid + 1, hi)
    nodes.trueIds[at] = left.id
    nodes.trueLeafs[at] = left.isLeaf ? 1 : 0
    nodes.falseIds[at] = right.id
    nodes.falseLeafs[at] = right.isLeaf ? 1 : 0
    return { id: at, isLeaf: false }
  }
  build(0, m)
  spec.treeRoots.push(0)
  return spec
}
