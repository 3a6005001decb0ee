/**
 * The three distribution functions the validation pack needs, from stdlib-js.
 *
 * Library choice (measured against scipy 1.10 on the cases in the tests): the @stdlib
 * packages (ports of Boost and Cephes, each with TypeScript types) agree with scipy to about
 * 1e-15. jstat 1.9.6, the other common choice, rounds its binomial CDF to 10 digits, returns
 * NaN for the binomial PMF beyond n ≈ 1,000 (n = 10,000, k = 700 gives NaN) and its beta
 * quantile is off in the 9th digit, so a grade of 10,000 loans could not be tested with it.
 */
import betaQuantileFn from '@stdlib/stats-base-dists-beta-quantile'
import binomialCdfFn from '@stdlib/stats-base-dists-binomial-cdf'
import binomialPmfFn from '@stdlib/stats-base-dists-binomial-pmf'
import chiSquareCdfFn from '@stdlib/stats-base-dists-chisquare-cdf'
import normalCdfFn from '@stdlib/stats-base-dists-normal-cdf'
import normalQuantileFn from '@stdlib/stats-base-dists-normal-quantile'

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  return binomialPmfFn(k, n, p)
}

/** P(X ≤ k) for X ~ Binomial(n, p); 0 below 0 and 1 from n on. */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0
  if (k >= n) return 1
  return binomialCdfFn(k, n, p)
}

/** P(X ≥ k) for X ~ Binomial(n, p), as the lower tail of n − X ~ Binomial(n, 1 − p) so a small tail keeps its digits. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1
  if (k > n) return 0
  return binomialCdf(n - k, n, 1 - p)
}

/** The q-quantile of Beta(a, b). */
export function betaQuantile(q: number, a: number, b: number): number {
  return betaQuantileFn(q, a, b)
}

/** P(X > x) for X ~ χ²(df). */
export function chiSquareUpperTail(x: number, df: number): number {
  return 1 - chiSquareCdfFn(x, df)
}

/** Φ(z), the standard normal CDF. */
export function normalCdf(z: number): number {
  return normalCdfFn(z, 0, 1)
}

/** Φ⁻¹(q), the standard normal quantile. */
export function normalQuantile(q: number): number {
  return normalQuantileFn(q, 0, 1)
}
