import type { Worker } from 'node:worker_threads'
import { corruptModel } from '../base/errors'
import { deriveSeed, Rng } from '../base/random'
import { spawnWorker } from '../base/spawnWorker'
import { binColumns, fitBins } from './binning'
import type { FlatTree } from './FlatTree'
import { createTreeLearner, type BinnedData, type GrownTree, type TreeParams } from './treeLearner'

/**
 * Random forest for binary classification: Breiman's algorithm as scikit-learn implements
 * it (bootstrap per tree, fresh feature subset per split, Gini, probability = mean of the
 * leaves' class frequencies), trained on binned features (see treeLearner.ts).
 *
 * Tree i draws everything from `new Rng(deriveSeed(seed, i))` and trees are collected in
 * index order, so the forest is bit-identical whatever the number of threads.
 */

export interface ForestOptions {
  trees: number
  maxDepth: number
  minSamplesLeaf: number
  /** Features examined per split: a count, a fraction in (0, 1), or a rule of numFeatures. */
  maxFeatures: number | 'sqrt' | 'log2' | 'all'
  seed: number
  /** 1 trains in the calling thread; more starts that many worker threads. */
  threads: number
}

export interface Forest {
  numFeatures: number
  trees: FlatTree[]
  /** Mean decrease in impurity per feature, summing to 1 (all zero if no tree ever split). */
  featureImportance: Float64Array
}

export interface TrainedForest {
  forest: Forest
  /** Per training row, P(y=1) from the trees where the row was out of bag; NaN if never. */
  oobProbability: Float64Array
}

export interface TrainHooks {
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

/** Defaults of the product (scikit-learn's, with the depth the product trains at). */
export const DEFAULT_FOREST_OPTIONS: ForestOptions = {
  trees: 200,
  maxDepth: 15,
  minSamplesLeaf: 1,
  maxFeatures: 'sqrt',
  seed: 42,
  threads: 1
}

/**
 * Main → worker, once: what to train on (bins and labels in SharedArrayBuffers) and a shared
 * counter from which every worker claims the next tree index with Atomics.add. Claiming
 * from shared memory rather than waiting for the main thread to hand out each tree keeps
 * the workers busy when the main thread is slow to be scheduled on a loaded machine.
 */
export interface ForestWorkerInit {
  data: BinnedData
  params: TreeParams
  seed: number
  numTrees: number
  /** Int32Array(1) on a SharedArrayBuffer: the next unclaimed tree index. */
  nextTree: Int32Array
}

/** Worker → main. */
export type ForestWorkerReply =
  { type: 'tree'; index: number; result: TreeResult } | { type: 'error'; message: string }

/** One tree as the forest collects it. */
export interface TreeResult {
  tree: FlatTree
  impurityDecrease: Float64Array
  /** Leaf of each out-of-bag row, -1 for in-bag rows. */
  oobLeaf: Int32Array
}

/** Grows tree `index` of the forest; the same call in the calling thread and in workers. */
export function growForestTree(learn: (rng: Rng) => GrownTree, seed: number, index: number): TreeResult {
  const { tree, impurityDecrease, oobLeaf } = learn(new Rng(deriveSeed(seed, index)))
  return { tree, impurityDecrease, oobLeaf }
}

/** Buffers of a tree result, to transfer rather than copy across threads. */
export function treeResultBuffers(result: TreeResult): ArrayBuffer[] {
  const t = result.tree
  return [
    t.feature,
    t.threshold,
    t.missingLeft,
    t.left,
    t.right,
    t.value,
    t.cover,
    result.impurityDecrease,
    result.oobLeaf
  ].map((a) => a.buffer as ArrayBuffer)
}

/** Trains a forest on column-major features (NaN = missing) and 0/1 labels. */
export async function trainForest(
  columns: Float64Array[],
  y: Uint8Array,
  options: ForestOptions,
  hooks: TrainHooks = {}
): Promise<TrainedForest> {
  const numRows = validateTrainingInput(columns, y)
  const numFeatures = columns.length
  validateOptions(options)
  const params: TreeParams = {
    maxDepth: options.maxDepth,
    minSamplesLeaf: options.minSamplesLeaf,
    maxFeatures: resolveMaxFeatures(options.maxFeatures, numFeatures),
    bootstrap: true
  }
  const { signal, onProgress } = hooks
  if (signal?.aborted) throw abortError()

  const threads = Math.min(options.threads, options.trees)
  const collector = new ForestCollector(numFeatures, numRows, options.trees)
  let done = 0
  const onTree = (index: number, result: TreeResult): void => {
    collector.add(index, result)
    done++
    onProgress?.(done, options.trees)
  }
  if (threads > 1) {
    // Binned while the workers start up; they read one shared copy of the bins and labels.
    const prepare = (): ForestWorkerInit => {
      const mapper = fitBins(columns)
      const data = { numRows, bins: toShared(binColumns(mapper, columns)), y: toShared([y])[0], mapper }
      const nextTree = new Int32Array(new SharedArrayBuffer(4))
      return { data, params, seed: options.seed, numTrees: options.trees, nextTree }
    }
    await growInWorkers(threads, prepare, options.trees, onTree, signal)
  } else {
    const mapper = fitBins(columns)
    const data: BinnedData = { numRows, bins: binColumns(mapper, columns), y, mapper }
    const learn = createTreeLearner(data, params)
    for (let i = 0; i < options.trees; i++) {
      // Yield between trees so that progress reaches the UI and an abort can arrive.
      await new Promise<void>((resolve) => setImmediate(resolve))
      if (signal?.aborted) throw abortError()
      onTree(i, growForestTree(learn, options.seed, i))
    }
  }
  return collector.finish()
}

/**
 * Gathers tree results arriving in any order and folds them in tree-index order, so that
 * sums of floating-point values (OOB, importance) do not depend on thread timing either.
 */
class ForestCollector {
  private readonly trees: FlatTree[] = []
  private readonly pending = new Map<number, TreeResult>()
  private next = 0
  private readonly importanceSum: Float64Array
  private readonly oobSum: Float64Array
  private readonly oobCount: Int32Array

  constructor(
    private readonly numFeatures: number,
    private readonly numRows: number,
    private readonly numTrees: number
  ) {
    this.importanceSum = new Float64Array(numFeatures)
    this.oobSum = new Float64Array(numRows)
    this.oobCount = new Int32Array(numRows)
  }

  add(index: number, result: TreeResult): void {
    this.pending.set(index, result)
    for (let ready = this.pending.get(this.next); ready !== undefined; ready = this.pending.get(this.next)) {
      this.pending.delete(this.next)
      this.fold(ready)
      this.next++
    }
  }

  private fold(result: TreeResult): void {
    const { tree, impurityDecrease, oobLeaf } = result
    this.trees.push(tree)
    // scikit-learn: each tree's importances sum to 1 and single-node trees are left out of
    // the mean; the mean's divisor cancels in the final normalisation, so only sums are kept.
    let total = 0
    for (let f = 0; f < this.numFeatures; f++) total += impurityDecrease[f]
    if (tree.feature.length > 1 && total > 0) {
      for (let f = 0; f < this.numFeatures; f++) this.importanceSum[f] += impurityDecrease[f] / total
    }
    const value = tree.value
    for (let r = 0; r < this.numRows; r++) {
      const leaf = oobLeaf[r]
      if (leaf >= 0) {
        this.oobSum[r] += value[leaf]
        this.oobCount[r]++
      }
    }
  }

  finish(): TrainedForest {
    if (this.trees.length !== this.numTrees) {
      throw new Error(`forest training ended with ${this.trees.length} of ${this.numTrees} trees`)
    }
    const featureImportance = new Float64Array(this.numFeatures)
    let total = 0
    for (let f = 0; f < this.numFeatures; f++) total += this.importanceSum[f]
    if (total > 0)
      for (let f = 0; f < this.numFeatures; f++) featureImportance[f] = this.importanceSum[f] / total
    const oobProbability = new Float64Array(this.numRows)
    for (let r = 0; r < this.numRows; r++) {
      oobProbability[r] = this.oobCount[r] > 0 ? this.oobSum[r] / this.oobCount[r] : NaN
    }
    return { forest: { numFeatures: this.numFeatures, trees: this.trees, featureImportance }, oobProbability }
  }
}

/**
 * Runs trees on a pool of workers, which claim tree indices themselves. `prepare` (the binning)
 * runs after the workers were spawned, so that their start-up overlaps it; it runs in the
 * same synchronous stretch as the spawning, so no worker event can arrive unobserved.
 * Settles only after every worker has terminated, so a rejected (e.g. aborted) run leaves
 * no thread behind.
 */
function growInWorkers(
  threads: number,
  prepare: () => ForestWorkerInit,
  numTrees: number,
  onTree: (index: number, result: TreeResult) => void,
  signal: AbortSignal | undefined
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = []
    let done = 0
    let exited = 0
    let settled = false
    const settle = (error: Error | null): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      const stopped = Promise.allSettled(workers.map((w) => w.terminate()))
      void stopped.then(() => (error === null ? resolve() : reject(error)))
    }
    const onAbort = (): void => settle(abortError())
    signal?.addEventListener('abort', onAbort, { once: true })

    for (let k = 0; k < threads && !settled; k++) {
      let worker: Worker
      try {
        worker = spawnWorker({ name: 'forestWorker', dir: __dirname }, null)
      } catch (e) {
        settle(toError(e))
        return
      }
      workers.push(worker)
      worker.on('message', (reply: ForestWorkerReply) => {
        if (settled) return
        if (reply.type === 'error') {
          settle(new Error(`forest worker failed: ${reply.message}`))
          return
        }
        try {
          onTree(reply.index, reply.result)
        } catch (e) {
          settle(toError(e))
          return
        }
        done++
        if (done === numTrees) settle(null)
      })
      worker.on('error', (e: Error) => settle(e))
      worker.on('exit', (code) => {
        if (settled) return
        // A worker that found no tree left ends by itself (code 0); its messages were all
        // delivered before 'exit'. Any other end, or all ending with trees missing, is a failure.
        if (code !== 0) settle(new Error(`forest worker exited unexpectedly with code ${code}`))
        else if (++exited === workers.length && done < numTrees) {
          settle(new Error(`forest workers stopped after ${done} of ${numTrees} trees`))
        }
      })
    }
    if (settled) return
    let init: ForestWorkerInit
    try {
      init = prepare()
    } catch (e) {
      settle(toError(e))
      return
    }
    for (const worker of workers) worker.postMessage(init)
  })
}

/** P(y=1) for each of `numRows` rows of column-major raw features (NaN = missing). */
export function predictForest(forest: Forest, columns: ArrayLike<number>[], numRows: number): Float64Array {
  if (columns.length < forest.numFeatures) {
    throw new Error(`the forest needs ${forest.numFeatures} feature columns, got ${columns.length}`)
  }
  for (let f = 0; f < forest.numFeatures; f++) {
    if (columns[f].length < numRows)
      throw new Error(`column ${f} has ${columns[f].length} rows, expected ${numRows}`)
  }
  const out = new Float64Array(numRows)
  // Tree by tree (the tree's arrays stay in cache), with FlatTree.leafIndex inlined: a
  // call per row and tree costs more than the descent itself on shallow trees.
  for (const tree of forest.trees) {
    const { feature, threshold, missingLeft, left, right, value } = tree
    for (let r = 0; r < numRows; r++) {
      let node = 0
      while (feature[node] >= 0) {
        const x = columns[feature[node]][r]
        const goLeft = x !== x ? missingLeft[node] === 1 : x <= threshold[node]
        node = goLeft ? left[node] : right[node]
      }
      out[r] += value[node]
    }
  }
  const numTrees = forest.trees.length
  for (let r = 0; r < numRows; r++) out[r] /= numTrees
  return out
}

/** P(y=1) for one feature vector; the same sum, in the same order, as predictForest. */
export function predictForestVector(forest: Forest, x: ArrayLike<number>): number {
  if (x.length < forest.numFeatures) {
    throw new Error(`the forest needs ${forest.numFeatures} features, got ${x.length}`)
  }
  let sum = 0
  for (const tree of forest.trees) {
    const { feature, threshold, missingLeft, left, right, value } = tree
    let node = 0
    while (feature[node] >= 0) {
      const v = x[feature[node]]
      const goLeft = v !== v ? missingLeft[node] === 1 : v <= threshold[node]
      node = goLeft ? left[node] : right[node]
    }
    sum += value[node]
  }
  return sum / forest.trees.length
}

// ---- Serialisation ------------------------------------------------------------------------
//
// Layout (little-endian): 'PTMF', u32 version, u32 numFeatures, u32 numTrees,
// f64 featureImportance[numFeatures], then per tree: u32 nodeCount, i32 feature[n],
// i32 left[n], i32 right[n], u8 missingLeft[n], f64 threshold[n], f64 value[n], f64 cover[n].

const MAGIC = 'PTMF'
const FORMAT_VERSION = 1
const HEADER_BYTES = 16
const BYTES_PER_NODE = 4 + 4 + 4 + 1 + 8 + 8 + 8
const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** Compact binary form of a forest (see the layout above), for a SQLite BLOB or a file. */
export function serializeForest(forest: Forest): Buffer {
  requireLittleEndianHost()
  let size = HEADER_BYTES + 8 * forest.numFeatures
  for (const tree of forest.trees) size += 4 + BYTES_PER_NODE * tree.feature.length
  // Unzeroed: the layout below writes every byte.
  const buf = Buffer.allocUnsafe(size)
  buf.write(MAGIC, 0, 'latin1')
  buf.writeUInt32LE(FORMAT_VERSION, 4)
  buf.writeUInt32LE(forest.numFeatures, 8)
  buf.writeUInt32LE(forest.trees.length, 12)
  let offset = HEADER_BYTES
  offset = putArray(buf, offset, forest.featureImportance)
  for (const tree of forest.trees) {
    buf.writeUInt32LE(tree.feature.length, offset)
    offset += 4
    for (const array of [
      tree.feature,
      tree.left,
      tree.right,
      tree.missingLeft,
      tree.threshold,
      tree.value,
      tree.cover
    ]) {
      offset = putArray(buf, offset, array)
    }
  }
  return buf
}

/** Reads a serialised forest, checking it whole; throws on any inconsistency. */
export function deserializeForest(buf: Buffer): Forest {
  const { numFeatures, featureImportance } = readForestHeader(buf)
  return { numFeatures, trees: [...serializedTrees(buf)], featureImportance }
}

/** The header of a serialised forest: its feature count, tree count and feature importance (checked). */
export function readForestHeader(buf: Buffer): {
  numFeatures: number
  numTrees: number
  featureImportance: Float64Array
} {
  requireLittleEndianHost()
  if (buf.length < HEADER_BYTES) throw corruptForest(`only ${buf.length} bytes, shorter than the header`)
  if (buf.toString('latin1', 0, 4) !== MAGIC) throw corruptForest('it does not start with PTMF')
  const version = buf.readUInt32LE(4)
  if (version !== FORMAT_VERSION) {
    throw corruptModel(`format version ${version}; this build reads version ${FORMAT_VERSION}`)
  }
  const numFeatures = buf.readUInt32LE(8)
  const numTrees = buf.readUInt32LE(12)
  if (numFeatures < 1) throw corruptForest('it has no features')
  if (numTrees < 1) throw corruptForest('it has no trees')
  if (HEADER_BYTES + 8 * numFeatures > buf.length) throw corruptForest('truncated in the feature importance')
  const featureImportance = new Float64Array(numFeatures)
  takeArray(buf, HEADER_BYTES, featureImportance)
  for (let f = 0; f < numFeatures; f++) {
    if (!(featureImportance[f] >= 0 && featureImportance[f] <= 1)) {
      throw corruptForest(`importance of feature ${f}`)
    }
  }
  return { numFeatures, numTrees, featureImportance }
}

/**
 * The trees of a serialised forest, one at a time and each checked, so that a caller can
 * turn them into another form without holding every FlatTree at once (batch scoring
 * compiles them straight from the stored bytes). Checks the whole buffer is used.
 */
export function* serializedTrees(buf: Buffer): Generator<FlatTree> {
  const { numFeatures, numTrees } = readForestHeader(buf)
  let offset = HEADER_BYTES + 8 * numFeatures
  const need = (bytes: number, what: string): void => {
    if (offset + bytes > buf.length) throw corruptForest(`truncated in ${what}`)
  }
  for (let t = 0; t < numTrees; t++) {
    need(4, `tree ${t}`)
    const n = buf.readUInt32LE(offset)
    offset += 4
    if (n < 1) throw corruptForest(`tree ${t} has no nodes`)
    need(BYTES_PER_NODE * n, `tree ${t}`)
    const tree: FlatTree = {
      feature: new Int32Array(n),
      threshold: new Float64Array(n),
      missingLeft: new Uint8Array(n),
      left: new Int32Array(n),
      right: new Int32Array(n),
      value: new Float64Array(n),
      cover: new Float64Array(n)
    }
    for (const array of [
      tree.feature,
      tree.left,
      tree.right,
      tree.missingLeft,
      tree.threshold,
      tree.value,
      tree.cover
    ]) {
      offset = takeArray(buf, offset, array)
    }
    const problem = checkTree(tree, numFeatures)
    if (problem !== null) throw corruptForest(`tree ${t}: ${problem}`)
    yield tree
  }
  if (offset !== buf.length)
    throw corruptForest(`${buf.length - offset} unexpected bytes after the last tree`)
}

function corruptForest(what: string): Error {
  return corruptModel(what)
}

/**
 * Structural check of a tree: children lie after their parent (so every descent ends),
 * features are in range, leaves have no children, numbers are finite where they must be.
 */
function checkTree(tree: FlatTree, numFeatures: number): string | null {
  const { feature, threshold, missingLeft, left, right, value, cover } = tree
  const n = feature.length
  for (let node = 0; node < n; node++) {
    const f = feature[node]
    if (!(value[node] >= 0 && value[node] <= 1)) return `node ${node} has value ${value[node]}`
    if (!(cover[node] >= 0 && cover[node] < Infinity)) return `node ${node} has cover ${cover[node]}`
    if (missingLeft[node] > 1) return `node ${node} has missing-left flag ${missingLeft[node]}`
    if (f === -1) {
      if (left[node] !== -1 || right[node] !== -1) return `leaf ${node} has children`
      continue
    }
    if (f < 0 || f >= numFeatures) return `node ${node} splits on feature ${f} of ${numFeatures}`
    if (Number.isNaN(threshold[node])) return `node ${node} has threshold NaN`
    if (!(left[node] > node && left[node] < n)) return `node ${node} has left child ${left[node]} of ${n}`
    if (!(right[node] > node && right[node] < n)) return `node ${node} has right child ${right[node]} of ${n}`
  }
  return null
}

function putArray(buf: Buffer, offset: number, array: Int32Array | Uint8Array | Float64Array): number {
  buf.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset)
  return offset + array.byteLength
}

function takeArray(buf: Buffer, offset: number, array: Int32Array | Uint8Array | Float64Array): number {
  // Copied into the array's own (aligned) buffer: a Buffer's offset need not be 8-aligned.
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(
    buf.subarray(offset, offset + array.byteLength)
  )
  return offset + array.byteLength
}

function requireLittleEndianHost(): void {
  // Arrays are copied byte for byte; every platform the app ships for is little-endian.
  if (!HOST_IS_LITTLE_ENDIAN) throw new Error('Forest serialisation needs a little-endian machine.')
}

// ---- Validation and helpers ---------------------------------------------------------------

function validateTrainingInput(columns: Float64Array[], y: Uint8Array): number {
  if (columns.length === 0) throw new Error('cannot train a forest without feature columns')
  const numRows = y.length
  if (numRows === 0) throw new Error('cannot train a forest on zero rows')
  for (let f = 0; f < columns.length; f++) {
    if (columns[f].length !== numRows) {
      throw new Error(`feature column ${f} has ${columns[f].length} rows but there are ${numRows} labels`)
    }
  }
  for (let r = 0; r < numRows; r++) {
    if (y[r] > 1) throw new Error(`label of row ${r} is ${y[r]}; labels must be 0 or 1`)
  }
  return numRows
}

function validateOptions(options: ForestOptions): void {
  const positiveInteger = (name: keyof ForestOptions, value: number): void => {
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${name} must be a whole number >= 1, got ${value}`)
  }
  positiveInteger('trees', options.trees)
  positiveInteger('maxDepth', options.maxDepth)
  positiveInteger('minSamplesLeaf', options.minSamplesLeaf)
  positiveInteger('threads', options.threads)
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be a whole number, got ${options.seed}`)
}

/** Features per split, as scikit-learn reads max_features (an integer count or a fraction). */
export function resolveMaxFeatures(maxFeatures: ForestOptions['maxFeatures'], numFeatures: number): number {
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(numFeatures)))
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(numFeatures)))
  if (maxFeatures === 'all') return numFeatures
  if (Number.isInteger(maxFeatures) && maxFeatures >= 1) return Math.min(maxFeatures, numFeatures)
  if (maxFeatures > 0 && maxFeatures < 1) return Math.max(1, Math.floor(maxFeatures * numFeatures))
  throw new Error(
    `maxFeatures must be 'sqrt', 'log2', 'all', a count >= 1 or a fraction in (0, 1), got ${maxFeatures}`
  )
}

function toShared(arrays: Uint8Array[]): Uint8Array[] {
  let total = 0
  for (const a of arrays) total += a.length
  const shared = new SharedArrayBuffer(total)
  const out: Uint8Array[] = []
  let offset = 0
  for (const a of arrays) {
    const view = new Uint8Array(shared, offset, a.length)
    view.set(a)
    out.push(view)
    offset += a.length
  }
  return out
}

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e))
}

function abortError(): Error {
  const error = new Error('Forest training was cancelled.')
  error.name = 'AbortError'
  return error
}
