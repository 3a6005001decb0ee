import { corruptModel } from '../base/errors'
import type { FlatTree } from './FlatTree'
import { FOREST_COMBINE, isForestCombine, type EnsembleCombine, type TreeEnsemble } from './TreeEnsemble'

/**
 * The stored form of a tree ensemble (a SQLite BLOB or a file).
 *
 * Layout (little-endian): 'PTMF', u32 version, u32 numFeatures, u32 numTrees; version 2
 * then has u32 aggregate (0 mean, 1 sum), u32 link (0 identity, 1 logistic), f64 bias;
 * then f64 featureImportance[numFeatures], then per tree: u32 nodeCount, i32 feature[n],
 * i32 left[n], i32 right[n], u8 missingLeft[n], f64 threshold[n], f64 value[n], f64 cover[n].
 *
 * A forest (mean, no bias, identity) is written as version 1, the layout forests were
 * always stored in, so a forest trained with the same seed has the same bytes as before
 * ensembles other than forests existed.
 */

const MAGIC = 'PTMF'
const FOREST_VERSION = 1
const ENSEMBLE_VERSION = 2
const HEADER_BYTES = 16
const COMBINE_BYTES = 16
const BYTES_PER_NODE = 4 + 4 + 4 + 1 + 8 + 8 + 8
const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** Compact binary form of an ensemble (see the layout above). */
export function serializeEnsemble(ensemble: TreeEnsemble): Buffer {
  requireLittleEndianHost()
  const forest = isForestCombine(ensemble.combine)
  const start = HEADER_BYTES + (forest ? 0 : COMBINE_BYTES)
  let size = start + 8 * ensemble.numFeatures
  for (const tree of ensemble.trees) size += 4 + BYTES_PER_NODE * tree.feature.length
  // Unzeroed: the layout below writes every byte.
  const buf = Buffer.allocUnsafe(size)
  buf.write(MAGIC, 0, 'latin1')
  buf.writeUInt32LE(forest ? FOREST_VERSION : ENSEMBLE_VERSION, 4)
  buf.writeUInt32LE(ensemble.numFeatures, 8)
  buf.writeUInt32LE(ensemble.trees.length, 12)
  if (!forest) {
    const { aggregate, link, bias } = ensemble.combine
    buf.writeUInt32LE(aggregate === 'mean' ? 0 : 1, 16)
    buf.writeUInt32LE(link === 'identity' ? 0 : 1, 20)
    buf.writeDoubleLE(bias, 24)
  }
  let offset = start
  offset = putArray(buf, offset, ensemble.featureImportance)
  for (const tree of ensemble.trees) {
    buf.writeUInt32LE(tree.feature.length, offset)
    offset += 4
    for (const array of storedArrays(tree)) offset = putArray(buf, offset, array)
  }
  return buf
}

/** Reads a serialised ensemble, checking it whole; throws on any inconsistency. */
export function deserializeEnsemble(buf: Buffer): TreeEnsemble {
  const { numFeatures, featureImportance, combine } = readEnsembleHeader(buf)
  return { numFeatures, trees: [...serializedTrees(buf)], featureImportance, combine }
}

/** What a stored ensemble's header says (checked): sizes, importance and how its trees combine. */
export interface EnsembleHeader {
  numFeatures: number
  numTrees: number
  featureImportance: Float64Array
  combine: EnsembleCombine
  /** Byte offset of the first tree. */
  treesAt: number
}

/** The header of a serialised ensemble (checked). */
export function readEnsembleHeader(buf: Buffer): EnsembleHeader {
  requireLittleEndianHost()
  if (buf.length < HEADER_BYTES) throw malformed(`only ${buf.length} bytes, shorter than the header`)
  if (buf.toString('latin1', 0, 4) !== MAGIC) throw malformed('it does not start with PTMF')
  const version = buf.readUInt32LE(4)
  if (version !== FOREST_VERSION && version !== ENSEMBLE_VERSION) {
    throw corruptModel(
      `format version ${version}; this build reads versions ${FOREST_VERSION} and ${ENSEMBLE_VERSION}`
    )
  }
  const numFeatures = buf.readUInt32LE(8)
  const numTrees = buf.readUInt32LE(12)
  if (numFeatures < 1) throw malformed('it has no features')
  if (numTrees < 1) throw malformed('it has no trees')
  let combine = FOREST_COMBINE
  let at = HEADER_BYTES
  if (version === ENSEMBLE_VERSION) {
    if (buf.length < HEADER_BYTES + COMBINE_BYTES) throw malformed('truncated in the header')
    const aggregate = buf.readUInt32LE(16)
    const link = buf.readUInt32LE(20)
    const bias = buf.readDoubleLE(24)
    if (aggregate > 1 || link > 1 || !Number.isFinite(bias)) throw malformed('its combination is unknown')
    combine = {
      aggregate: aggregate === 0 ? 'mean' : 'sum',
      link: link === 0 ? 'identity' : 'logistic',
      bias
    }
    at += COMBINE_BYTES
  }
  if (at + 8 * numFeatures > buf.length) throw malformed('truncated in the feature importance')
  const featureImportance = new Float64Array(numFeatures)
  takeArray(buf, at, featureImportance)
  for (let f = 0; f < numFeatures; f++) {
    if (!(featureImportance[f] >= 0 && featureImportance[f] <= 1)) {
      throw malformed(`importance of feature ${f}`)
    }
  }
  return { numFeatures, numTrees, featureImportance, combine, treesAt: at + 8 * numFeatures }
}

/**
 * The trees of a serialised forest, one at a time and each checked, so that a caller can
 * turn them into another form without holding every FlatTree at once (batch scoring
 * compiles them straight from the stored bytes). Checks the whole buffer is used.
 */
export function* serializedTrees(buf: Buffer): Generator<FlatTree> {
  const { numFeatures, numTrees, combine, treesAt } = readEnsembleHeader(buf)
  // A forest's values are class frequencies; boosted margins and points may be any finite number.
  const probabilities = combine.aggregate === 'mean' && combine.link === 'identity'
  let offset = treesAt
  const need = (bytes: number, what: string): void => {
    if (offset + bytes > buf.length) throw malformed(`truncated in ${what}`)
  }
  for (let t = 0; t < numTrees; t++) {
    need(4, `tree ${t}`)
    const n = buf.readUInt32LE(offset)
    offset += 4
    if (n < 1) throw malformed(`tree ${t} has no nodes`)
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
    for (const array of storedArrays(tree)) offset = takeArray(buf, offset, array)
    const problem = checkTree(tree, numFeatures, probabilities)
    if (problem !== null) throw malformed(`tree ${t}: ${problem}`)
    yield tree
  }
  if (offset !== buf.length) throw malformed(`${buf.length - offset} unexpected bytes after the last tree`)
}

function malformed(what: string): Error {
  return corruptModel(what)
}

/**
 * Structural check of a tree: children lie after their parent (so every descent ends),
 * features are in range, leaves have no children, numbers are finite where they must be.
 */
function checkTree(tree: FlatTree, numFeatures: number, probabilities: boolean): string | null {
  const { feature, threshold, missingLeft, left, right, value, cover } = tree
  const n = feature.length
  for (let node = 0; node < n; node++) {
    const f = feature[node]
    const v = value[node]
    if (probabilities ? !(v >= 0 && v <= 1) : !Number.isFinite(v)) return `node ${node} has value ${v}`
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

/** A tree's arrays in the order the layout stores them. */
function storedArrays(tree: FlatTree): (Int32Array | Uint8Array | Float64Array)[] {
  return [tree.feature, tree.left, tree.right, tree.missingLeft, tree.threshold, tree.value, tree.cover]
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
