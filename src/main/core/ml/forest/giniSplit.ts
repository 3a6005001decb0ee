import type { ClassHistograms } from './classHistogram'

/**
 * Split search of the forest's tree learner: scikit-learn's rules on a node's class-count
 * histograms. Split quality is the Gini impurity of bootstrap-weighted class counts; both
 * children must hold at least `minSamplesLeaf` weighted samples. NaN goes to whichever side
 * gives the lower impurity; when the node had no NaN for the feature it goes to the heavier
 * side. Of equal candidates the first offered wins.
 *
 * One instance per learner, reused node after node: the node's weights and the best
 * candidate so far live in fields so that the scan allocates nothing.
 * `bestMissingLeft === -1` means the node had no NaN for the feature and NaN will follow
 * the heavier child.
 */
export class GiniSplitSearch {
  private nodeW = 0
  private nodeP = 0
  bestScore = Infinity
  bestFeature = -1
  bestBin = -1
  bestMissingLeft = -1
  bestLeftW = 0
  bestLeftP = 0

  constructor(private readonly minSamplesLeaf: number) {}

  /** Starts the search of a node holding weight `w`, of which `p` positive. */
  begin(w: number, p: number): void {
    this.nodeW = w
    this.nodeP = p
    this.bestScore = Infinity
  }

  /** True once some candidate was accepted. */
  get found(): boolean {
    return this.bestScore !== Infinity
  }

  /** Whether NaN goes left at the best split (resolving "heavier side" when the node had no NaN). */
  bestMissingGoesLeft(): number {
    return this.bestMissingLeft === -1
      ? this.bestLeftW >= this.nodeW - this.bestLeftW
        ? 1
        : 0
      : this.bestMissingLeft
  }

  /**
   * Offers every split point of feature f's histogram (in `slot`, with `numBins` value bins)
   * to `consider`. Returns false when the feature is constant in the node (a single
   * non-empty bin), which scikit-learn does not count towards maxFeatures.
   *
   * Two copies of the same walk: dense visits every bin; sparse visits only the bins set in
   * the slot's `touched` bitmap, in ascending order (lowest set bit via count-leading-zeros),
   * which is what keeps the thousands of tiny deep nodes cheap.
   */
  scan(h: ClassHistograms, f: number, slot: number, numBins: number, sparse: boolean): boolean {
    const hist = h.hist
    const touched = h.touched
    const base = slot * h.stride
    const t = slot * 8
    const numWords = (numBins >>> 5) + 1
    const missingAt = base + 2 * numBins
    const p = this.nodeP
    const missP = hist[missingAt + 1]
    const missW = hist[missingAt] + missP
    const valueW = this.nodeW - missW
    let leftW = 0
    let leftP = 0
    let splittable = false
    if (valueW > 0) {
      if (sparse) {
        scan: for (let k = 0; k < numWords; k++) {
          let word = touched[t + k]
          while (word !== 0) {
            const low = word & -word
            word ^= low
            const b = (k << 5) + 31 - Math.clz32(low)
            if (b === numBins) break scan
            const binP = hist[base + 2 * b + 1]
            leftP += binP
            leftW += hist[base + 2 * b] + binP
            if (leftW >= valueW) break scan
            splittable = true
            this.considerValueSplit(f, b, leftW, leftP, missW, missP)
          }
        }
      } else {
        for (let b = 0; b < numBins; b++) {
          const binP = hist[base + 2 * b + 1]
          const binW = hist[base + 2 * b] + binP
          if (binW === 0) continue
          leftP += binP
          leftW += binW
          if (leftW >= valueW) break
          splittable = true
          this.considerValueSplit(f, b, leftW, leftP, missW, missP)
        }
      }
      if (missW > 0) {
        // Values on one side, NaN on the other: stored as threshold +Infinity (the last edge).
        splittable = true
        this.consider(f, numBins - 1, valueW, p - missP, 0)
      }
    }
    return splittable
  }

  /** Offers "bins <= b go left" with NaN on either side (or, without NaN, on the heavier side). */
  private considerValueSplit(
    f: number,
    b: number,
    leftW: number,
    leftP: number,
    missW: number,
    missP: number
  ): void {
    if (missW === 0) {
      this.consider(f, b, leftW, leftP, -1)
    } else {
      this.consider(f, b, leftW, leftP, 0)
      this.consider(f, b, leftW + missW, leftP + missP, 1)
    }
  }

  /**
   * Scores a candidate whose left child holds weight `leftW` (of which `leftP` positive).
   * Score = sum over children of weight * Gini / 2 = pl*nl/wl + pr*nr/wr; lower is better,
   * and the first of equal candidates wins.
   */
  private consider(f: number, b: number, leftW: number, leftP: number, missingLeft: number): void {
    const rightW = this.nodeW - leftW
    if (leftW < this.minSamplesLeaf || rightW < this.minSamplesLeaf) return
    const rightP = this.nodeP - leftP
    const score = (leftP * (leftW - leftP)) / leftW + (rightP * (rightW - rightP)) / rightW
    if (score < this.bestScore) {
      this.bestScore = score
      this.bestFeature = f
      this.bestBin = b
      this.bestMissingLeft = missingLeft
      this.bestLeftW = leftW
      this.bestLeftP = leftP
    }
  }
}
