/**
 * SMOTE-NC (Chawla et al. 2002, as imbalanced-learn's SMOTENC): synthetic minority rows
 * for the training rows only, so that no test row ever leaks into training.
 *
 * Inputs are already imputed and standard-scaled numeric columns (no NaN) and integer
 * category codes. Neighbours are searched among minority rows only, with the distance
 *
 *   d(a, b)² = Σ_numeric (a_j − b_j)² + med² · #{categorical columns where a and b differ}
 *
 * where `med` is the median over numeric columns of their standard deviation within the
 * minority class (the paper's rule: each differing nominal feature adds `med` to the
 * Euclidean distance). imbalanced-learn ≥ 0.11 encodes categories one-hot with value
 * med/2, which adds med²/2 per differing column instead; we keep the paper's weight.
 *
 * A synthetic row is x + u·(neighbour − x) on the numeric columns, with one u ~ U(0, 1)
 * per row, and on each categorical column the most frequent code among the seed's k
 * nearest neighbours (ties → the smallest code), so codes are never interpolated.
 */
import type { Rng } from '../random'

export interface SmoteOptions {
  rng: Rng
  /** Neighbours per seed row; reduced to (minority count − 1) when the minority is that small. */
  k?: number
  /** Minority count after resampling = round(targetRatio × majority count); in (0, 1]. */
  targetRatio?: number
  /** The training rows (indices into the columns); all rows when omitted. No other row is read. */
  rows?: ArrayLike<number>
}

export interface SmoteResult {
  /** The synthetic rows only, one column per input numeric column. */
  numeric: Float64Array[]
  categorical: Int32Array[]
  count: number
  /** The label the caller gives every synthetic row. */
  minorityClass: 0 | 1
  /** The k actually used (see SmoteOptions.k). */
  k: number
}

/**
 * Generates synthetic minority rows by SMOTE-NC (plain SMOTE when there are no categorical
 * columns). Seed rows and neighbours are drawn with `options.rng`, as imbalanced-learn does.
 */
export function smoteNc(
  numeric: Float64Array[],
  categorical: Int32Array[],
  labels: Uint8Array,
  options: SmoteOptions
): SmoteResult {
  const kRequested = options.k ?? 5
  const targetRatio = options.targetRatio ?? 1
  if (!Number.isInteger(kRequested) || kRequested < 1) {
    throw new Error(`SMOTE: k must be a positive integer, got ${kRequested}.`)
  }
  if (!(targetRatio > 0 && targetRatio <= 1)) {
    throw new Error(
      `SMOTE: targetRatio must be in (0, 1] (minority count after = ratio × majority count), got ${targetRatio}.`
    )
  }
  const rows = options.rows ?? identityRows(labels.length)
  validateColumns(numeric, categorical, labels, rows)

  const { minorityClass, minorityRows, majorityCount } = splitClasses(labels, rows)
  const m = minorityRows.length
  if (m < 2) {
    throw new Error(
      `SMOTE needs at least 2 rows of the minority class (label ${minorityClass}) in the training rows, found ${m}; ` +
        'add more rows of that class or train without SMOTE.'
    )
  }
  const k = Math.min(kRequested, m - 1)
  const needed = Math.max(0, Math.round(targetRatio * majorityCount) - m)
  const empty = {
    numeric: numeric.map(() => new Float64Array(0)),
    categorical: categorical.map(() => new Int32Array(0)),
    count: 0,
    minorityClass,
    k
  }
  if (needed === 0) return empty

  const points = packMinority(numeric, categorical, minorityRows)
  requireFiniteNumeric(points, minorityRows)
  const categoryPenalty = categoryMismatchPenalty(points)

  // imbalanced-learn's draw: one integer in [0, m·k) names the seed row and which of its
  // neighbours to walk towards; then one step u per synthetic row.
  const seeds = new Int32Array(needed)
  const slots = new Int32Array(needed)
  for (let s = 0; s < needed; s++) {
    const draw = options.rng.int(m * k)
    seeds[s] = Math.floor(draw / k)
    slots[s] = draw % k
  }
  const steps = new Float64Array(needed)
  for (let s = 0; s < needed; s++) steps[s] = options.rng.next()

  // Neighbours (and the categorical modes they imply) only for rows drawn as seeds.
  const isSeed = new Uint8Array(m)
  for (let s = 0; s < needed; s++) isSeed[seeds[s]] = 1
  const neighbours = kNearestMinority(points, categoryPenalty, k, isSeed)
  const modes = neighbourModes(points, neighbours, k, isSeed)

  const d = points.numNumeric
  const c = points.numCategorical
  const outNumeric = numeric.map(() => new Float64Array(needed))
  const outCategorical = categorical.map(() => new Int32Array(needed))
  for (let s = 0; s < needed; s++) {
    const seed = seeds[s]
    const nb = neighbours[seed * k + slots[s]]
    const u = steps[s]
    for (let j = 0; j < d; j++) {
      const x = points.numeric[seed * d + j]
      outNumeric[j][s] = x + u * (points.numeric[nb * d + j] - x)
    }
    for (let j = 0; j < c; j++) outCategorical[j][s] = modes[seed * c + j]
  }
  return { numeric: outNumeric, categorical: outCategorical, count: needed, minorityClass, k }
}

// ---------------------------------------------------------------------------------------
// Internals

/** Minority rows packed row-major so that one distance reads contiguous memory. */
interface MinorityPoints {
  count: number
  numNumeric: number
  numCategorical: number
  numeric: Float64Array
  categorical: Int32Array
}

function identityRows(n: number): Int32Array {
  const rows = new Int32Array(n)
  for (let i = 0; i < n; i++) rows[i] = i
  return rows
}

function validateColumns(
  numeric: Float64Array[],
  categorical: Int32Array[],
  labels: Uint8Array,
  rows: ArrayLike<number>
): void {
  const n = labels.length
  numeric.forEach((col, j) => {
    if (col.length !== n) throw new Error(`SMOTE: numeric column ${j} has ${col.length} rows, labels have ${n}.`)
  })
  categorical.forEach((col, j) => {
    if (col.length !== n) throw new Error(`SMOTE: categorical column ${j} has ${col.length} rows, labels have ${n}.`)
  })
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]
    if (!Number.isInteger(r) || r < 0 || r >= n) {
      throw new Error(`SMOTE: rows[${i}] = ${r} is not a row index in [0, ${n}).`)
    }
    if (labels[r] > 1) throw new Error(`SMOTE: label ${labels[r]} at row ${r}; labels must be 0 or 1.`)
  }
}

function splitClasses(
  labels: Uint8Array,
  rows: ArrayLike<number>
): { minorityClass: 0 | 1; minorityRows: Int32Array; majorityCount: number } {
  let positives = 0
  for (let i = 0; i < rows.length; i++) positives += labels[rows[i]]
  const negatives = rows.length - positives
  // On a tie nothing needs generating; label 1 (default) is then reported as the minority.
  const minorityClass: 0 | 1 = positives <= negatives ? 1 : 0
  const minorityRows = new Int32Array(minorityClass === 1 ? positives : negatives)
  let m = 0
  for (let i = 0; i < rows.length; i++) {
    if (labels[rows[i]] === minorityClass) minorityRows[m++] = rows[i]
  }
  return { minorityClass, minorityRows, majorityCount: Math.max(positives, negatives) }
}

function packMinority(numeric: Float64Array[], categorical: Int32Array[], minorityRows: Int32Array): MinorityPoints {
  const m = minorityRows.length
  const d = numeric.length
  const c = categorical.length
  const packedNumeric = new Float64Array(m * d)
  const packedCategorical = new Int32Array(m * c)
  for (let i = 0; i < m; i++) {
    const r = minorityRows[i]
    for (let j = 0; j < d; j++) packedNumeric[i * d + j] = numeric[j][r]
    for (let j = 0; j < c; j++) packedCategorical[i * c + j] = categorical[j][r]
  }
  return { count: m, numNumeric: d, numCategorical: c, numeric: packedNumeric, categorical: packedCategorical }
}

function requireFiniteNumeric(points: MinorityPoints, minorityRows: Int32Array): void {
  const d = points.numNumeric
  for (let i = 0; i < points.numeric.length; i++) {
    if (!Number.isFinite(points.numeric[i])) {
      throw new Error(
        `SMOTE: numeric column ${i % d} is ${points.numeric[i]} at row ${minorityRows[Math.floor(i / d)]}; impute and scale before SMOTE.`
      )
    }
  }
}

/**
 * med² from the module comment: population standard deviation of each numeric column over
 * the minority rows, median across columns (mean of the middle two for an even count, as
 * numpy). Without numeric columns, or when they are all constant, any positive penalty
 * ranks neighbours identically (by the number of differing categories), so 1 is used.
 */
function categoryMismatchPenalty(points: MinorityPoints): number {
  const { count: m, numNumeric: d } = points
  if (d === 0) return 1
  const stds: number[] = []
  for (let j = 0; j < d; j++) {
    let mean = 0
    for (let i = 0; i < m; i++) mean += points.numeric[i * d + j]
    mean /= m
    let ss = 0
    for (let i = 0; i < m; i++) {
      const t = points.numeric[i * d + j] - mean
      ss += t * t
    }
    stds.push(Math.sqrt(ss / m))
  }
  stds.sort((a, b) => a - b)
  const mid = stds.length >> 1
  const median = stds.length % 2 === 1 ? stds[mid] : (stds[mid - 1] + stds[mid]) / 2
  return median > 0 ? median * median : 1
}

/**
 * Exact k nearest minority neighbours (excluding the row itself) of every row flagged in
 * `isSeed`. Row `i`'s neighbours are `result[i·k .. i·k + k)`, nearest first; rows that
 * are not seeds are left as zeros. Neighbours are ordered by (distance, minority index),
 * a total order, so the answer is that of a brute-force scan whatever the visiting order.
 *
 * A k-d tree over the numeric coordinates prunes the scan: the squared distance from the
 * query to a cell (Arya & Mount's incremental bound) never exceeds the numeric part of
 * the distance to any row in it, and the categorical penalty only adds, so a cell whose
 * bound is above the current k-th best cannot hold a neighbour. Measured with 15 numeric
 * and 3 categorical columns: the whole of smoteNc takes about 0.5 s for 6,400 minority
 * rows (80,000 training rows at 8 %), where an O(m²) scan took about 1 s.
 */
function kNearestMinority(points: MinorityPoints, categoryPenalty: number, k: number, isSeed: Uint8Array): Int32Array {
  const tree = buildKdTree(points)
  const m = points.count
  const d = points.numNumeric
  const c = points.numCategorical
  // Rows copied into tree order, so that a leaf is one contiguous block of memory.
  const numeric = new Float64Array(m * d)
  const categorical = new Int32Array(m * c)
  for (let i = 0; i < m; i++) {
    const r = tree.order[i]
    numeric.set(points.numeric.subarray(r * d, r * d + d), i * d)
    categorical.set(points.categorical.subarray(r * c, r * c + c), i * c)
  }
  const search: KnnSearch = {
    tree,
    numeric,
    categorical,
    numNumeric: d,
    numCategorical: c,
    categoryPenalty,
    k,
    query: 0,
    filled: 0,
    bestDist: new Float64Array(k),
    bestIdx: new Int32Array(k),
    offsets: new Float64Array(d)
  }
  const result = new Int32Array(m * k)
  // Queries in tree order: consecutive queries are close, so their search paths share cache.
  for (let i = 0; i < m; i++) {
    const q = tree.order[i]
    if (isSeed[q] === 0) continue
    search.query = i
    search.filled = 0
    search.offsets.fill(0)
    searchNode(search, 0, 0)
    result.set(search.bestIdx, q * k)
  }
  return result
}

/** Largest cell holding rows directly; small enough that the bound still prunes, large enough to amortise recursion. */
const KD_LEAF_SIZE = 32

/**
 * Nodes as parallel arrays (the FlatTree layout): node n covers `order[start[n] .. end[n])`;
 * an internal node has rows with coordinate `splitDim` ≤ `splitValue` on the left and ≥ on
 * the right; a leaf has `left[n] === -1`.
 */
interface KdTree {
  order: Int32Array
  start: Int32Array
  end: Int32Array
  splitDim: Int32Array
  splitValue: Float64Array
  left: Int32Array
  right: Int32Array
}

/** State of one query; `numeric` and `categorical` hold the rows in tree order, `query` is a position in it. */
interface KnnSearch {
  tree: KdTree
  numeric: Float64Array
  categorical: Int32Array
  numNumeric: number
  numCategorical: number
  categoryPenalty: number
  k: number
  query: number
  filled: number
  /** The best `filled` candidates, sorted by (distance, minority index). */
  bestDist: Float64Array
  bestIdx: Int32Array
  /** Per dimension, the query's offset from the cell currently searched (0 inside its extent). */
  offsets: Float64Array
}

function buildKdTree(points: MinorityPoints): KdTree {
  const { count: m, numNumeric: d, numeric } = points
  // A binary tree has fewer than 2 nodes per leaf, and every leaf holds at least one row.
  const maxNodes = 2 * m + 1
  const tree: KdTree = {
    order: identityRows(m),
    start: new Int32Array(maxNodes),
    end: new Int32Array(maxNodes),
    splitDim: new Int32Array(maxNodes),
    splitValue: new Float64Array(maxNodes),
    left: new Int32Array(maxNodes).fill(-1),
    right: new Int32Array(maxNodes).fill(-1)
  }
  let numNodes = 0
  const build = (from: number, to: number): number => {
    const node = numNodes++
    tree.start[node] = from
    tree.end[node] = to
    if (to - from <= KD_LEAF_SIZE || d === 0) return node
    // Split the dimension of widest spread at its median.
    let dim = 0
    let widest = -1
    for (let j = 0; j < d; j++) {
      let lo = Infinity
      let hi = -Infinity
      for (let i = from; i < to; i++) {
        const v = numeric[tree.order[i] * d + j]
        if (v < lo) lo = v
        if (v > hi) hi = v
      }
      if (hi - lo > widest) {
        widest = hi - lo
        dim = j
      }
    }
    if (widest <= 0) return node // all rows coincide numerically: keep them in one leaf
    const mid = (from + to) >>> 1
    selectNth(tree.order, numeric, d, dim, from, to, mid)
    tree.splitDim[node] = dim
    tree.splitValue[node] = numeric[tree.order[mid] * d + dim]
    tree.left[node] = build(from, mid)
    tree.right[node] = build(mid, to)
    return node
  }
  build(0, m)
  return tree
}

/**
 * Hoare quickselect on `order[from..to)` by coordinate `dim`: afterwards the row at `nth`
 * has its sorted place, rows before it are ≤ and rows after it are ≥. Middle-element
 * pivots keep it linear on the already sorted columns that real data often has.
 */
function selectNth(order: Int32Array, numeric: Float64Array, d: number, dim: number, from: number, to: number, nth: number): void {
  let lo = from
  let hi = to - 1
  while (lo < hi) {
    const pivot = numeric[order[(lo + hi) >>> 1] * d + dim]
    let i = lo
    let j = hi
    while (i <= j) {
      while (numeric[order[i] * d + dim] < pivot) i++
      while (numeric[order[j] * d + dim] > pivot) j--
      if (i <= j) {
        const t = order[i]
        order[i] = order[j]
        order[j] = t
        i++
        j--
      }
    }
    if (nth <= j) hi = j
    else if (nth >= i) lo = i
    else return
  }
}

/** Visits `node` when its lower bound `cellDist` can still beat the k-th best; nearer child first. */
function searchNode(s: KnnSearch, node: number, cellDist: number): void {
  const tree = s.tree
  if (tree.left[node] === -1) {
    scanLeaf(s, tree.start[node], tree.end[node])
    return
  }
  const dim = tree.splitDim[node]
  const diff = s.numeric[s.query * s.numNumeric + dim] - tree.splitValue[node]
  const near = diff <= 0 ? tree.left[node] : tree.right[node]
  const far = diff <= 0 ? tree.right[node] : tree.left[node]
  searchNode(s, near, cellDist)
  const old = s.offsets[dim]
  const farDist = cellDist - old * old + diff * diff
  // The bound is loosened by a relative 1e-9 so that rounding in it never prunes a tie.
  if (s.filled < s.k || farDist <= s.bestDist[s.k - 1] * (1 + 1e-9)) {
    s.offsets[dim] = diff
    searchNode(s, far, farDist)
    s.offsets[dim] = old
  }
}

function scanLeaf(s: KnnSearch, from: number, to: number): void {
  const { numNumeric: d, numCategorical: c, numeric, categorical, k, query: q, bestDist, bestIdx, categoryPenalty } = s
  const order = s.tree.order
  const qn = q * d
  const qc = q * c
  for (let i = from; i < to; i++) {
    if (i === q) continue
    const r = order[i] // the minority index, which breaks distance ties
    const full = s.filled === k
    const worst = full ? bestDist[k - 1] : Infinity
    // Same summation order as a plain scan (numeric columns in order, then categories),
    // so distances are bit-identical to brute force; abandon once clearly worse.
    let dist = 0
    const rn = i * d
    let j = 0
    // Checking the bound every 4 columns rather than every column measured ~25 % faster.
    while (j < d && dist <= worst) {
      const stop = Math.min(d, j + 4)
      for (; j < stop; j++) {
        const t = numeric[qn + j] - numeric[rn + j]
        dist += t * t
      }
    }
    if (dist > worst) continue
    const rc = i * c
    for (let h = 0; h < c; h++) {
      if (categorical[qc + h] !== categorical[rc + h]) dist += categoryPenalty
    }
    if (full && (dist > worst || (dist === worst && r > bestIdx[k - 1]))) continue
    // Insertion into the list sorted by (distance, index).
    let pos = full ? k - 1 : s.filled
    while (pos > 0 && (bestDist[pos - 1] > dist || (bestDist[pos - 1] === dist && bestIdx[pos - 1] > r))) {
      bestDist[pos] = bestDist[pos - 1]
      bestIdx[pos] = bestIdx[pos - 1]
      pos--
    }
    bestDist[pos] = dist
    bestIdx[pos] = r
    if (!full) s.filled++
  }
}

/** Most frequent code among each seed's k neighbours, per categorical column; ties → the smallest code. */
function neighbourModes(points: MinorityPoints, neighbours: Int32Array, k: number, isSeed: Uint8Array): Int32Array {
  const { count: m, numCategorical: c, categorical } = points
  const modes = new Int32Array(m * c)
  const codes = new Int32Array(k)
  for (let q = 0; q < m; q++) {
    if (isSeed[q] === 0) continue
    for (let h = 0; h < c; h++) {
      for (let t = 0; t < k; t++) codes[t] = categorical[neighbours[q * k + t] * c + h]
      // Sorted codes make equal codes adjacent and visit them smallest first, so a strict '>' keeps the smallest on ties.
      codes.sort()
      let best = codes[0]
      let bestRun = 0
      let run = 0
      for (let t = 0; t < k; t++) {
        run = t > 0 && codes[t] === codes[t - 1] ? run + 1 : 1
        if (run > bestRun) {
          bestRun = run
          best = codes[t]
        }
      }
      modes[q * c + h] = best
    }
  }
  return modes
}
