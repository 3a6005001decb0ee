import type { DiscriminationResult, Interval } from '../../../shared/validation'
import { quantileSorted } from '../base/stats'
import { Rng } from '../base/random'
import { checkRows } from './checks'
import { normalCdf, normalQuantile } from './distributions'

/**
 * Ranking power with its uncertainty: AUC, Gini and KS (as ml/metrics and scikit-learn define
 * them) with confidence intervals from a stratified bootstrap: each replicate redraws the
 * defaulters and the repayers separately, with replacement, so every replicate keeps the
 * observed default rate.
 *
 * AUC (a U-statistic, unbiased) gets the plain percentile interval. KS is a maximum over
 * thresholds, so resampling inflates it: on a few hundred rows most replicates exceed the
 * sample's KS and the percentile interval can lie wholly above the estimate. KS therefore
 * gets Efron's bias-corrected (BC) percentile interval. Measured on 200 simulated binormal
 * portfolios of 60 defaulters and 240 repayers (200 replicates), nominal 95 %: the KS's BC
 * interval covers the true KS in 83 %, its percentile interval in 76 %; for AUC percentile
 * and BC cover alike (90 % and 91 %). With 100 defaulters and 400 replicates both reach 94 %.
 * (BCa's acceleration needs a jackknife, one pass per row: too slow for 10⁵ rows.)
 *
 * A replicate is not scored by metrics.rocCurve, which sorts the rows again each time: the
 * rows are sorted once, each replicate only counts how often it drew each distinct score,
 * and one O(distinct scores) pass gives its AUC and KS. The cost is then one uniform draw per
 * row and replicate: 1,000 replicates of 200,000 rows took 11 s on the 2-core build machine
 * (1,000,000 rows: 110 s), so very large files want fewer replicates. (Drawing each class as
 * multinomial counts per distinct score, one binomial per score, was tried with stdlib's
 * binomial sampler and measured 3× slower on PDs rounded to 0.001.)
 */

export interface BootstrapOptions {
  /** Bootstrap replicates; 1,000 by default. */
  replicates?: number
  /** 0.95 by default. */
  confidence?: number
  /** Seed of the resampling; the same seed gives the same intervals. */
  seed?: number
}

export const DEFAULT_BOOTSTRAP = { replicates: 1000, confidence: 0.95, seed: 20240615 }

/** AUC, Gini and KS with stratified bootstrap confidence intervals (seeded, so repeatable). */
export function discrimination(
  outcome: Uint8Array,
  pd: Float64Array,
  options: BootstrapOptions = {}
): DiscriminationResult {
  checkRows('discrimination', pd, outcome)
  const replicates = options.replicates ?? DEFAULT_BOOTSTRAP.replicates
  const confidence = options.confidence ?? DEFAULT_BOOTSTRAP.confidence
  const seed = options.seed ?? DEFAULT_BOOTSTRAP.seed
  if (!Number.isInteger(replicates) || replicates < 1) {
    throw new Error(`discrimination: ${replicates} bootstrap replicates; ask for a positive whole number.`)
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new Error(`discrimination: confidence ${confidence} is not between 0 and 1.`)
  }
  const groups = scoreGroups(outcome, pd)
  const numPositive = groups.positiveGroup.length
  const numNegative = groups.negativeGroup.length
  if (numPositive === 0 || numNegative === 0) {
    throw new Error(
      `discrimination needs both classes, but the rows hold ${numPositive} defaults and ${numNegative} repayments; validate on rows with both outcomes.`
    )
  }
  // The point estimates come from the same pass as the replicates (unit weights), so that a
  // replicate equal to the sample gives the very same floating-point figures.
  const point = aucAndKs(...unitWeights(groups), numPositive, numNegative)
  const auc = point.auc
  const ks = point.ks
  const aucs = new Float64Array(replicates)
  const kss = new Float64Array(replicates)
  const rng = new Rng(seed)
  const wPos = new Float64Array(groups.count)
  const wNeg = new Float64Array(groups.count)
  for (let r = 0; r < replicates; r++) {
    wPos.fill(0)
    wNeg.fill(0)
    const pos = groups.positiveGroup
    const neg = groups.negativeGroup
    for (let i = 0; i < pos.length; i++) wPos[pos[rng.int(pos.length)]]++
    for (let i = 0; i < neg.length; i++) wNeg[neg[rng.int(neg.length)]]++
    const stats = aucAndKs(wPos, wNeg, numPositive, numNegative)
    aucs[r] = stats.auc
    kss[r] = stats.ks
  }
  const aucCi = bootstrapInterval(aucs, auc, confidence, false)
  return {
    rows: pd.length,
    defaults: groups.positiveGroup.length,
    auc,
    aucCi,
    gini: 2 * auc - 1,
    // Gini is a monotone map of AUC, so its percentile interval is the mapped AUC interval.
    giniCi: { lower: 2 * aucCi.lower - 1, upper: 2 * aucCi.upper - 1 },
    ks,
    ksCi: bootstrapInterval(kss, ks, confidence, true),
    confidence,
    replicates,
    seed
  }
}

/** The distinct scores in ascending order, and for each defaulter and each repayer the index of its score. */
interface ScoreGroups {
  count: number
  positiveGroup: Int32Array
  negativeGroup: Int32Array
}

function scoreGroups(outcome: Uint8Array, pd: Float64Array): ScoreGroups {
  const sorted = Float64Array.from(pd).sort()
  const distinct: number[] = []
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i])
  let numPositive = 0
  for (let i = 0; i < outcome.length; i++) numPositive += outcome[i]
  const positiveGroup = new Int32Array(numPositive)
  const negativeGroup = new Int32Array(outcome.length - numPositive)
  let a = 0
  let b = 0
  for (let i = 0; i < pd.length; i++) {
    let lo = 0
    let hi = distinct.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (distinct[mid] < pd[i]) lo = mid + 1
      else hi = mid
    }
    if (outcome[i] === 1) positiveGroup[a++] = lo
    else negativeGroup[b++] = lo
  }
  return { count: distinct.length, positiveGroup, negativeGroup }
}

function unitWeights(groups: ScoreGroups): [Float64Array, Float64Array] {
  const wPos = new Float64Array(groups.count)
  const wNeg = new Float64Array(groups.count)
  for (const g of groups.positiveGroup) wPos[g]++
  for (const g of groups.negativeGroup) wNeg[g]++
  return [wPos, wNeg]
}

/**
 * AUC (Mann–Whitney with ties counted half) and KS (max |TPR − FPR| over thresholds) of
 * weighted rows, from counts per distinct score, walked from the highest score down.
 */
function aucAndKs(
  wPos: Float64Array,
  wNeg: Float64Array,
  numPositive: number,
  numNegative: number
): { auc: number; ks: number } {
  let positivesAbove = 0
  let negativesAbove = 0
  let area = 0
  let ks = 0
  for (let g = wPos.length - 1; g >= 0; g--) {
    area += wNeg[g] * (positivesAbove + wPos[g] / 2)
    positivesAbove += wPos[g]
    negativesAbove += wNeg[g]
    const gap = Math.abs(positivesAbove / numPositive - negativesAbove / numNegative)
    if (gap > ks) ks = gap
  }
  return { auc: area / (numPositive * numNegative), ks }
}

/** Replicates this close to the estimate count as equal to it (half below, half above). */
const TIE = 1e-12

/**
 * The percentile interval of bootstrap replicates (linear interpolation, as numpy), or with
 * `biasCorrected` Efron's BC interval: with z₀ = Φ⁻¹(share of replicates below the estimate,
 * ties counted half), the bounds are the replicates' Φ(2z₀ ± z_{1−α/2}) quantiles.
 */
export function bootstrapInterval(
  replicates: Float64Array,
  estimate: number,
  confidence: number,
  biasCorrected: boolean
): Interval {
  const sorted = Float64Array.from(replicates).sort()
  const tail = (1 - confidence) / 2
  if (!biasCorrected) return { lower: quantileSorted(sorted, tail), upper: quantileSorted(sorted, 1 - tail) }
  const b = sorted.length
  let below = 0
  for (const v of sorted) {
    if (v < estimate - TIE) below++
    else if (v <= estimate + TIE) below += 0.5
  }
  // Kept off 0 and 1 so that z₀ stays finite when every replicate lies on one side.
  const share = Math.min(1 - 0.5 / b, Math.max(0.5 / b, below / b))
  const z0 = normalQuantile(share)
  const z = normalQuantile(1 - tail)
  return {
    lower: quantileSorted(sorted, normalCdf(2 * z0 - z)),
    upper: quantileSorted(sorted, normalCdf(2 * z0 + z))
  }
}
