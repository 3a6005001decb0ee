/**
 * Histograms of bootstrap-weighted class counts for the forest's tree learner: per bin of
 * a feature, [negative weight, positive weight], the missing bin last. Each feature drawn
 * at a node gets a slot; slots are all zero between nodes (the split search reads a slot,
 * then {@link clearSlot} zeroes it).
 *
 * Nodes with fewer rows than the widest feature has bins ("sparse" nodes) also mark the
 * bins they touch in a bitmap, so that scanning and clearing visit only those: deep nodes
 * hold a handful of rows, and walking 255 mostly empty bins for each would cost more than
 * building them.
 */
export class ClassHistograms {
  /** `stride` ints per slot: [negative, positive] weight per bin, missing bin last. */
  readonly hist: Int32Array
  readonly stride: number
  /** Per slot, bins touched by a sparse node (bit b of word b >> 5 of the slot's 8 words). */
  readonly touched: Int32Array

  constructor(slots: number, maxValueBins: number) {
    this.stride = 2 * (maxValueBins + 1)
    this.hist = new Int32Array(slots * this.stride)
    this.touched = new Int32Array(slots * 8)
  }
}

/**
 * Histograms features perm[first .. first+count) over rows [start, end) of `order` into
 * slots 0..count-1, four features per pass over the rows, then two, then one. One pass
 * serves several features because reading the row index, weight and label once and issuing
 * independent histogram updates measured ~1.5-3x faster than a pass per feature. The
 * loops are written out per width (rather than looping over an array of columns) because
 * the inner array-of-columns lookup cost as much as the pass itself, and one pass taking
 * the lane count and testing it per row measured 12-30 % slower (V8 keeps the tests in the
 * loop). One four-lane kernel whose idle lanes add to spare slots measured 4 % slower as
 * `ptm train` (100k rows, six pairs). `orderWy[i]` is `weight << 1 | label` of row `order[i]`.
 */
export function buildClassHistograms(
  h: ClassHistograms,
  bins: Uint8Array[],
  perm: Int32Array,
  first: number,
  count: number,
  order: Int32Array,
  orderWy: Int32Array,
  start: number,
  end: number,
  sparse: boolean
): void {
  let k = 0
  while (count - k >= 4) {
    build4(h, bins, perm, first + k, k, order, orderWy, start, end, sparse)
    k += 4
  }
  if (count - k >= 2) {
    build2(h, bins, perm, first + k, k, order, orderWy, start, end, sparse)
    k += 2
  }
  if (count - k === 1) build1(h, bins[perm[first + k]], k, order, orderWy, start, end, sparse)
}

function build4(
  h: ClassHistograms,
  bins: Uint8Array[],
  perm: Int32Array,
  p: number,
  slot: number,
  order: Int32Array,
  orderWy: Int32Array,
  start: number,
  end: number,
  sparse: boolean
): void {
  const { hist, touched, stride } = h
  const b0 = bins[perm[p]]
  const b1 = bins[perm[p + 1]]
  const b2 = bins[perm[p + 2]]
  const b3 = bins[perm[p + 3]]
  const h0 = slot * stride
  const h1 = h0 + stride
  const h2 = h1 + stride
  const h3 = h2 + stride
  const t0 = slot * 8
  for (let i = start; i < end; i++) {
    const r = order[i]
    const wy = orderWy[i]
    const c = wy & 1
    const w = wy >>> 1
    const x0 = b0[r]
    const x1 = b1[r]
    const x2 = b2[r]
    const x3 = b3[r]
    hist[h0 + ((x0 << 1) | c)] += w
    hist[h1 + ((x1 << 1) | c)] += w
    hist[h2 + ((x2 << 1) | c)] += w
    hist[h3 + ((x3 << 1) | c)] += w
    if (sparse) {
      touched[t0 + (x0 >>> 5)] |= 1 << (x0 & 31)
      touched[t0 + 8 + (x1 >>> 5)] |= 1 << (x1 & 31)
      touched[t0 + 16 + (x2 >>> 5)] |= 1 << (x2 & 31)
      touched[t0 + 24 + (x3 >>> 5)] |= 1 << (x3 & 31)
    }
  }
}

function build2(
  h: ClassHistograms,
  bins: Uint8Array[],
  perm: Int32Array,
  p: number,
  slot: number,
  order: Int32Array,
  orderWy: Int32Array,
  start: number,
  end: number,
  sparse: boolean
): void {
  const { hist, touched, stride } = h
  const b0 = bins[perm[p]]
  const b1 = bins[perm[p + 1]]
  const h0 = slot * stride
  const h1 = h0 + stride
  const t0 = slot * 8
  for (let i = start; i < end; i++) {
    const r = order[i]
    const wy = orderWy[i]
    const c = wy & 1
    const w = wy >>> 1
    const x0 = b0[r]
    const x1 = b1[r]
    hist[h0 + ((x0 << 1) | c)] += w
    hist[h1 + ((x1 << 1) | c)] += w
    if (sparse) {
      touched[t0 + (x0 >>> 5)] |= 1 << (x0 & 31)
      touched[t0 + 8 + (x1 >>> 5)] |= 1 << (x1 & 31)
    }
  }
}

function build1(
  h: ClassHistograms,
  b0: Uint8Array,
  slot: number,
  order: Int32Array,
  orderWy: Int32Array,
  start: number,
  end: number,
  sparse: boolean
): void {
  const { hist, touched } = h
  const h0 = slot * h.stride
  const t0 = slot * 8
  for (let i = start; i < end; i++) {
    const wy = orderWy[i]
    const x0 = b0[order[i]]
    hist[h0 + ((x0 << 1) | (wy & 1))] += wy >>> 1
    if (sparse) touched[t0 + (x0 >>> 5)] |= 1 << (x0 & 31)
  }
}

/** Zeroes `slot` of a feature with `numBins` value bins: the touched bins only when sparse. */
export function clearSlot(h: ClassHistograms, slot: number, numBins: number, sparse: boolean): void {
  const { hist, touched } = h
  const base = slot * h.stride
  if (!sparse) {
    hist.fill(0, base, base + 2 * numBins + 2)
    return
  }
  const t = slot * 8
  const numWords = (numBins >>> 5) + 1
  for (let k = 0; k < numWords; k++) {
    let word = touched[t + k]
    while (word !== 0) {
      const low = word & -word
      word ^= low
      const b = (k << 5) + 31 - Math.clz32(low)
      hist[base + 2 * b] = 0
      hist[base + 2 * b + 1] = 0
    }
    touched[t + k] = 0
  }
}
