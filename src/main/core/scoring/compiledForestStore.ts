import { crc32 } from 'node:zlib'
import type { EnsembleCombine } from '../model/TreeEnsemble'
import { CompiledForest, planLayout } from './CompiledForest'
import { FOREST_WALK_WASM } from './forestWalkWasm'

/**
 * A compiled forest as a model stores it (ModelRepo, table model_compiled): restored
 * instead of compiled again when a batch starts. A cache of the forest, never the only
 * copy of a model.
 */
export interface StoredCompiledForest {
  /** The layout and kernel it was compiled for (COMPILED_LAYOUT). */
  layout: string
  numNodes: number
  numTrees: number
  numCuts: number
  numFeatures: number
  combine: EnsembleCombine
  expectedMargin: number
  /** CRC-32 of `bytes`, checked before they are used. */
  crc32: number
  /** The kernel's memory from 0 up to the first scratch area: the trees and the cuts. */
  bytes: Uint8Array
}

/**
 * The version of the compiled layout and kernel: a layout number and the kernel's CRC-32,
 * so that a rebuilt kernel (npm run build:wasm) or a changed layout never reads trees
 * compiled for another one.
 */
const COMPILED_LAYOUT = `1:${crc32(Buffer.from(FOREST_WALK_WASM, 'base64')).toString(16)}`

/** The compiled trees of `compiled` as a model stores them: its memory up to the first scratch area. */
export function storedForm(compiled: CompiledForest): StoredCompiledForest {
  const { memory, layout, numTrees, numFeatures, combine, expectedMargin } = compiled.handle()
  const bytes = new Uint8Array(memory.buffer, 0, layout.scratch[0].columns).slice()
  return {
    layout: COMPILED_LAYOUT,
    numNodes: layout.numNodes,
    numTrees,
    numCuts: layout.numCuts,
    numFeatures,
    combine,
    expectedMargin,
    crc32: crc32(bytes),
    bytes
  }
}

/**
 * The compiled forest of a stored form, with `slots` scratch areas; null when it was made
 * for another layout or kernel, its header is malformed, or its bytes are not the ones
 * stored (their length or CRC-32 differ): the caller compiles the forest again.
 */
export function restoreCompiled(stored: StoredCompiledForest, slots = 1): CompiledForest | null {
  if (stored.layout !== COMPILED_LAYOUT || !isCombine(stored.combine)) return null
  if (!Number.isFinite(stored.expectedMargin)) return null
  const { numNodes, numTrees, numCuts, numFeatures, combine, expectedMargin } = stored
  if (![numNodes, numTrees, numCuts].every((n) => Number.isInteger(n) && n >= 0)) return null
  if (!Number.isInteger(numFeatures) || numFeatures < 1 || numFeatures > 0xffff) return null
  if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`CompiledForest: ${slots} slots`)
  const layout = planLayout(numNodes, numTrees, numCuts, numFeatures, slots)
  if (stored.bytes.length !== layout.scratch[0].columns || crc32(stored.bytes) !== stored.crc32) return null
  const pages = Math.ceil(layout.bytes / 65536)
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true })
  new Uint8Array(memory.buffer).set(stored.bytes)
  return CompiledForest.attach({ memory, layout, numTrees, numFeatures, combine, expectedMargin }, 0)
}

/** True for a well-formed EnsembleCombine (a stored header is checked before it is used). */
function isCombine(c: EnsembleCombine | undefined): boolean {
  return (
    c !== undefined &&
    (c.aggregate === 'mean' || c.aggregate === 'sum') &&
    (c.link === 'identity' || c.link === 'logistic') &&
    Number.isFinite(c.bias)
  )
}
