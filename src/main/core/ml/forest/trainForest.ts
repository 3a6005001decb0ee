import type { Worker } from 'node:worker_threads'
import { deriveSeed, Rng } from '../../base/random'
import { spawnWorker } from '../../base/spawnWorker'
import { binColumns, fitBins } from '../binning'
import type { FlatTree } from '../../model/FlatTree'
import { FOREST_COMBINE, type TreeEnsemble } from '../../model/TreeEnsemble'
import { binTrainingData, type BinnedData } from '../trees/BinnedData'
import { createTreeLearner, type GrownTree, type TreeParams } from './treeLearner'

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

export interface TrainedForest {
  forest: TreeEnsemble
  /** Per training row, P(y=1) from the trees where the row was out of bag; NaN if never. */
  oobProbability: Float64Array
}

export interface ForestHooks {
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
  hooks: ForestHooks = {}
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
    const learn = createTreeLearner(binTrainingData(columns, y), params)
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
    return {
      forest: {
        numFeatures: this.numFeatures,
        trees: this.trees,
        featureImportance,
        combine: FOREST_COMBINE
      },
      oobProbability
    }
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
