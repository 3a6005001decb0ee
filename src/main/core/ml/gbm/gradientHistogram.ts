/**
 * Gradient histograms of the boosting tree learner (LightGBM's FeatureHistogram): per
 * feature and bin, the sums of the gradients and hessians of a leaf's rows, [g, h]
 * interleaved, the missing bin last. A leaf's histograms for every feature sit in one
 * Float64Array, feature f at `layout.offset[f]`.
 *
 * Rows are given as positions of the partition: `gh[2i], gh[2i + 1]` are the gradient and
 * hessian of row `order[i]`, gathered once per leaf (gatherGradients) so that the loops
 * below read them sequentially, and the bins in nearly ascending row order.
 */
export class HistogramLayout {
  /** Start of feature f's [g, h] pairs in a leaf's buffer. */
  readonly offset: Int32Array
  /** Doubles of feature f: two per bin, missing bin included. */
  readonly width: Int32Array
  /** Doubles in one leaf's buffer. */
  readonly size: number

  constructor(numValueBins: Int32Array) {
    this.offset = new Int32Array(numValueBins.length)
    this.width = new Int32Array(numValueBins.length)
    let size = 0
    for (let f = 0; f < numValueBins.length; f++) {
      this.offset[f] = size
      this.width[f] = 2 * (numValueBins[f] + 1)
      size += this.width[f]
    }
    this.size = size
  }
}

/**
 * Buffers for the histograms of the leaves that may still split: a leaf keeps its
 * histograms until it is split, then they become its larger child's by subtraction.
 */
export class HistogramPool {
  private readonly buffers: Float64Array[] = []
  private readonly free: number[] = []

  constructor(private readonly layout: HistogramLayout) {}

  /** A buffer's index, reused when one was released; its contents are stale until built. */
  acquire(): number {
    const reused = this.free.pop()
    if (reused !== undefined) return reused
    this.buffers.push(new Float64Array(this.layout.size))
    return this.buffers.length - 1
  }

  release(index: number): void {
    this.free.push(index)
  }

  /** Marks every buffer free (between trees). */
  releaseAll(): void {
    this.free.length = 0
    for (let i = this.buffers.length - 1; i >= 0; i--) this.free.push(i)
  }

  buffer(index: number): Float64Array {
    return this.buffers[index]
  }
}

/** Copies the gradient and hessian of rows order[start, end) to positions start.. of `ordered`. */
export function gatherGradients(
  gh: Float64Array,
  order: Int32Array,
  start: number,
  end: number,
  ordered: Float64Array
): void {
  for (let i = start; i < end; i++) {
    const r = order[i] << 1
    ordered[2 * i] = gh[r]
    ordered[2 * i + 1] = gh[r + 1]
  }
}

/**
 * Builds the histograms of `features[0, count)` over rows [start, end) into `hist`, four
 * features per pass over the rows, then two, then one: reading a row's index, gradient and
 * hessian once for several features measured faster than a pass per feature (as in the
 * forest's class histograms). The widths are written out: one pass taking the lane count
 * and testing it per row measured 12-30 % slower, one four-lane kernel with idle lanes 6 %
 * slower, and single passes for the last one to three features 2.6 % slower. `ordered`
 * holds the rows' gradients by position (see above).
 */
export function buildGradientHistograms(
  hist: Float64Array,
  layout: HistogramLayout,
  bins: Uint8Array[],
  features: Int32Array,
  count: number,
  order: Int32Array,
  ordered: Float64Array,
  start: number,
  end: number
): void {
  const offset = layout.offset
  for (let k = 0; k < count; k++) {
    const f = features[k]
    const o = offset[f]
    hist.fill(0, o, o + layout.width[f])
  }
  let k = 0
  while (count - k >= 4) {
    const f0 = features[k]
    const f1 = features[k + 1]
    const f2 = features[k + 2]
    const f3 = features[k + 3]
    build4(
      hist,
      offset[f0],
      offset[f1],
      offset[f2],
      offset[f3],
      bins[f0],
      bins[f1],
      bins[f2],
      bins[f3],
      order,
      ordered,
      start,
      end
    )
    k += 4
  }
  if (count - k >= 2) {
    const f0 = features[k]
    const f1 = features[k + 1]
    build2(hist, offset[f0], offset[f1], bins[f0], bins[f1], order, ordered, start, end)
    k += 2
  }
  if (count - k === 1) build1(hist, offset[features[k]], bins[features[k]], order, ordered, start, end)
}

function build4(
  hist: Float64Array,
  o0: number,
  o1: number,
  o2: number,
  o3: number,
  b0: Uint8Array,
  b1: Uint8Array,
  b2: Uint8Array,
  b3: Uint8Array,
  order: Int32Array,
  ordered: Float64Array,
  start: number,
  end: number
): void {
  for (let i = start; i < end; i++) {
    const r = order[i]
    const g = ordered[2 * i]
    const h = ordered[2 * i + 1]
    const x0 = o0 + 2 * b0[r]
    const x1 = o1 + 2 * b1[r]
    const x2 = o2 + 2 * b2[r]
    const x3 = o3 + 2 * b3[r]
    hist[x0] += g
    hist[x0 + 1] += h
    hist[x1] += g
    hist[x1 + 1] += h
    hist[x2] += g
    hist[x2 + 1] += h
    hist[x3] += g
    hist[x3 + 1] += h
  }
}

function build2(
  hist: Float64Array,
  o0: number,
  o1: number,
  b0: Uint8Array,
  b1: Uint8Array,
  order: Int32Array,
  ordered: Float64Array,
  start: number,
  end: number
): void {
  for (let i = start; i < end; i++) {
    const r = order[i]
    const g = ordered[2 * i]
    const h = ordered[2 * i + 1]
    const x0 = o0 + 2 * b0[r]
    const x1 = o1 + 2 * b1[r]
    hist[x0] += g
    hist[x0 + 1] += h
    hist[x1] += g
    hist[x1 + 1] += h
  }
}

function build1(
  hist: Float64Array,
  o0: number,
  b0: Uint8Array,
  order: Int32Array,
  ordered: Float64Array,
  start: number,
  end: number
): void {
  for (let i = start; i < end; i++) {
    const x0 = o0 + 2 * b0[order[i]]
    hist[x0] += ordered[2 * i]
    hist[x0 + 1] += ordered[2 * i + 1]
  }
}

/** `into -= minus` over the histograms of `features[0, count)`: a parent's become its larger child's. */
export function subtractHistograms(
  into: Float64Array,
  minus: Float64Array,
  layout: HistogramLayout,
  features: Int32Array,
  count: number
): void {
  for (let k = 0; k < count; k++) {
    const f = features[k]
    const o = layout.offset[f]
    const end = o + layout.width[f]
    for (let i = o; i < end; i++) into[i] -= minus[i]
  }
}
