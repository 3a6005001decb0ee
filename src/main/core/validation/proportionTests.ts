import type { Interval } from '../../../shared/validation'
import { betaQuantile, binomialCdf, binomialPmf, binomialUpperTail } from './distributions'

/** Relative tolerance for "as likely as the observed count", as scipy's binomtest (1 + 1e-7). */
const TIE_TOLERANCE = 1 + 1e-7

/**
 * Exact two-sided binomial test of k successes in n trials against probability p: the
 * total probability of every count no more likely than k (scipy.stats.binomtest's
 * definition, capped at 1).
 */
export function binomialTestTwoSided(k: number, n: number, p: number): number {
  requireCounts(k, n, 'binomialTestTwoSided')
  if (!(p >= 0 && p <= 1)) throw new Error(`binomialTestTwoSided: probability ${p} is not in [0, 1].`)
  const mean = n * p
  if (k === mean) return 1
  const d = binomialPmf(k, n, p) * TIE_TOLERANCE
  // The PMF rises up to the mode and falls after it, and the mode lies in [floor(np), ceil(np)],
  // so the counts on the other side of the mean that are no more likely than k form one tail,
  // found by bisection.
  if (k < mean) {
    // Smallest j in [ceil(np), n] with pmf(j) ≤ d; n + 1 when there is none.
    let lo = Math.ceil(mean)
    let hi = n + 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (binomialPmf(mid, n, p) <= d) hi = mid
      else lo = mid + 1
    }
    return Math.min(1, binomialCdf(k, n, p) + binomialUpperTail(lo, n, p))
  }
  // Largest j in [0, floor(np)] with pmf(j) ≤ d; −1 when there is none.
  let lo = -1
  let hi = Math.floor(mean)
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (binomialPmf(mid, n, p) <= d) lo = mid
    else hi = mid - 1
  }
  return Math.min(1, binomialCdf(lo, n, p) + binomialUpperTail(k, n, p))
}

/**
 * Jeffreys interval for a proportion k / n: the equal-tailed interval of the
 * Beta(k + ½, n − k + ½) posterior, with the lower end 0 when k = 0 and the upper end 1 when
 * k = n (Brown, Cai & DasGupta 2001), which keeps its coverage close to nominal even for
 * the few defaults of a good grade.
 */
export function jeffreysInterval(k: number, n: number, confidence = 0.95): Interval {
  requireCounts(k, n, 'jeffreysInterval')
  if (n === 0) throw new Error('jeffreysInterval: no trials; an empty group has no default rate.')
  if (!(confidence > 0 && confidence < 1)) {
    throw new Error(`jeffreysInterval: confidence ${confidence} is not between 0 and 1.`)
  }
  const alpha = 1 - confidence
  const a = k + 0.5
  const b = n - k + 0.5
  return {
    lower: k === 0 ? 0 : betaQuantile(alpha / 2, a, b),
    upper: k === n ? 1 : betaQuantile(1 - alpha / 2, a, b)
  }
}

function requireCounts(k: number, n: number, where: string): void {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(k) || k < 0 || k > n) {
    throw new Error(`${where}: ${k} successes in ${n} trials are not counts with 0 ≤ k ≤ n.`)
  }
}
