import type { EnsembleCombine } from '../model/TreeEnsemble'

/** What every shared forest's handle holds, whatever its layout. */
export interface SharedForestHandle {
  memory: WebAssembly.Memory
  numFeatures: number
  combine: EnsembleCombine
}

/**
 * A forest laid out in one shared WebAssembly memory: its handle is all another thread needs
 * to attach (structured-cloneable, the trees shared, not copied), and each thread works in a
 * scratch slot of its own, so a pool of N threads holds one copy of the model, not N.
 */
export abstract class SharedForest<H extends SharedForestHandle> {
  /** Throws a RangeError naming `kind` when `slot` is not one of the layout's `slots` scratch slots. */
  protected constructor(
    protected readonly shared: H,
    slot: number,
    slots: number,
    kind: string
  ) {
    if (!Number.isInteger(slot) || slot < 0 || slot >= slots) {
      throw new RangeError(`${kind}: slot ${slot} does not exist (${slots} slots)`)
    }
  }

  /** What another thread needs to attach: the shared memory and the layout, no copy of the trees. */
  handle(): H {
    return this.shared
  }

  /** How many features a row has (the forest's training columns). */
  get numFeatures(): number {
    return this.shared.numFeatures
  }

  /** How the trees combine (the link turns the margins into scores). */
  get combine(): EnsembleCombine {
    return this.shared.combine
  }
}
