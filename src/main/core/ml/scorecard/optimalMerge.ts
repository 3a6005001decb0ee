import type { ClassCounts } from './woe'

/**
 * The shape a characteristic's default rate may take across its bins, left to right:
 * rising, falling, rising then falling (peak) or falling then rising (valley). Rates are
 * compared as they are (equal neighbours are allowed; merging them always scores better).
 */
export type Trend = 'ascending' | 'descending' | 'peak' | 'valley'

export interface MergeOptions {
  /** Fewest rows a bin may hold. */
  minCount: number
  /** Fewest repayers and fewest defaulters a bin may hold. */
  minClass: number
  /** Most bins. */
  maxBins: number
  trend: Trend
}

/** Bins made of consecutive pre-bins: bin k is pre-bins starts[k] … starts[k + 1] − 1. */
export interface Merge {
  starts: number[]
  /** Σ over bins of the binomial log-likelihood of its rows at its own default rate. */
  logLikelihood: number
}

/**
 * The best grouping of ordered pre-bins into consecutive bins: the one whose bins' default
 * rates fit the rows best (binomial log-likelihood), among those where every bin meets the
 * size limits and the rates follow the trend; of equally good ones, the fewest bins. Null
 * when no grouping meets the limits (not even one bin for all).
 *
 * This is the problem OptBinning hands a CP/MIP solver (it maximises the IV; the likelihood
 * is the same kind of divergence, and the one the regression then reads), with the same
 * constraints: the size limits, the trend and the most bins keep the bins stable. With at
 * most 20 pre-bins it is solved exactly by dynamic programming over (bins so far, last bin,
 * phase of the trend) in O(maxBins · n³). A per-bin penalty in the objective (AIC, BIC)
 * measured worse on three real credit files (held-out AUC −0.004 to −0.020).
 */
export function optimalMerge(prebins: ClassCounts[], o: MergeOptions): Merge | null {
  const n = prebins.length
  if (n === 0) return null
  const goodSum = new Float64Array(n + 1)
  const badSum = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) {
    goodSum[i + 1] = goodSum[i] + prebins[i].good
    badSum[i + 1] = badSum[i] + prebins[i].bad
  }
  const good = (i: number, j: number): number => goodSum[j + 1] - goodSum[i]
  const bad = (i: number, j: number): number => badSum[j + 1] - badSum[i]
  // Per candidate bin [i, j]: its log-likelihood, or NaN when it breaks a limit.
  const score = new Float64Array(n * n).fill(NaN)
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const g = good(i, j)
      const b = bad(i, j)
      if (g + b < o.minCount || g < o.minClass || b < o.minClass) continue
      score[i * n + j] = logLikelihood(g, b)
    }
  }
  // rateOrder(a, b) compares the default rates of bins a and b: −1, 0 or 1 (exactly, by cross products).
  const rateOrder = (ai: number, aj: number, bi: number, bj: number): number => {
    const lhs = bad(ai, aj) * (good(bi, bj) + bad(bi, bj))
    const rhs = bad(bi, bj) * (good(ai, aj) + bad(ai, aj))
    return lhs < rhs ? -1 : lhs > rhs ? 1 : 0
  }
  const maxBins = Math.max(1, Math.min(o.maxBins, n))
  // best[((k * n + i) * n + j) * 2 + phase]: k + 1 bins cover pre-bins 0..j, the last is [i, j].
  const size = maxBins * n * n * 2
  const best = new Float64Array(size).fill(-Infinity)
  const from = new Int32Array(size).fill(-1)
  const at = (k: number, i: number, j: number, phase: number): number => ((k * n + i) * n + j) * 2 + phase
  for (let j = 0; j < n; j++) {
    const s = score[j]
    if (s === s) best[at(0, 0, j, 0)] = s
  }
  for (let k = 1; k < maxBins; k++) {
    for (let i = 1; i < n; i++) {
      for (let j = i; j < n; j++) {
        const s = score[i * n + j]
        if (s !== s) continue
        for (let h = 0; h < i; h++) {
          for (let phase = 0; phase < 2; phase++) {
            const prev = best[at(k - 1, h, i - 1, phase)]
            if (prev === -Infinity) continue
            const next = nextPhase(o.trend, phase, rateOrder(h, i - 1, i, j))
            if (next < 0) continue
            const slot = at(k, i, j, next)
            if (prev + s > best[slot]) {
              best[slot] = prev + s
              from[slot] = at(k - 1, h, i - 1, phase)
            }
          }
        }
      }
    }
  }
  // Fewer bins win ties: k rises and only a better end replaces the best. Bins of equal
  // rates fit exactly as well as their merge, but their log-likelihoods, summed apart,
  // differ in the last bits: a gain within rounding is no gain.
  let end = -1
  for (let k = 0; k < maxBins; k++) {
    for (let i = 0; i < n; i++) {
      for (let phase = 0; phase < 2; phase++) {
        const slot = at(k, i, n - 1, phase)
        if (best[slot] === -Infinity) continue
        if (end < 0 || best[slot] > best[end] + 1e-9 * Math.max(1, Math.abs(best[end]))) end = slot
      }
    }
  }
  if (end < 0) return null
  const starts: number[] = []
  for (let slot = end; slot >= 0; slot = from[slot]) starts.push(Math.floor(slot / 2 / n) % n)
  return { starts: starts.reverse(), logLikelihood: best[end] }
}

/**
 * The trend's phase after a bin whose rate compares to the previous bin's as `order`
 * (−1: previous lower), or −1 when the trend forbids it. Phase 0 is before the turn of a
 * peak or valley, 1 after it; monotone trends stay in phase 0.
 */
function nextPhase(trend: Trend, phase: number, order: number): number {
  switch (trend) {
    case 'ascending':
      return order <= 0 ? 0 : -1
    case 'descending':
      return order >= 0 ? 0 : -1
    case 'peak':
      if (phase === 0) return order <= 0 ? 0 : 1
      return order >= 0 ? 1 : -1
    case 'valley':
      if (phase === 0) return order >= 0 ? 0 : 1
      return order <= 0 ? 1 : -1
  }
}

/** Binomial log-likelihood of g repayers and b defaulters at their own rate (0 · ln 0 = 0). */
export function logLikelihood(g: number, b: number): number {
  const n = g + b
  return (g > 0 ? g * Math.log(g / n) : 0) + (b > 0 ? b * Math.log(b / n) : 0)
}
