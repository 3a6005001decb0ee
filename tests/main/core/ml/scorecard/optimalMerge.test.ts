import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  logLikelihood,
  optimalMerge,
  type Trend
} from '../../../../../src/main/core/ml/scorecard/optimalMerge'
import type { ClassCounts } from '../../../../../src/main/core/ml/scorecard/woe'

const TRENDS: Trend[] = ['ascending', 'descending', 'peak', 'valley']

/** Every grouping of the pre-bins into consecutive bins (2^(n−1) of them), as start indices. */
function groupings(n: number): number[][] {
  const out: number[][] = []
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    const starts = [0]
    for (let i = 1; i < n; i++) if (mask & (1 << (i - 1))) starts.push(i)
    out.push(starts)
  }
  return out
}

/** The oracle: exhaustive search for the likeliest grouping that meets the limits and follows the trend. */
function bruteForce(
  prebins: ClassCounts[],
  o: { minCount: number; minClass: number; maxBins: number; trend: Trend }
): number | null {
  let best: number | null = null
  for (const starts of groupings(prebins.length)) {
    if (starts.length > o.maxBins) continue
    const bins = starts.map((s, k) => {
      const end = starts[k + 1] ?? prebins.length
      const c = { good: 0, bad: 0 }
      for (let p = s; p < end; p++) {
        c.good += prebins[p].good
        c.bad += prebins[p].bad
      }
      return c
    })
    if (bins.some((b) => b.good + b.bad < o.minCount || b.good < o.minClass || b.bad < o.minClass)) continue
    const rates = bins.map((b) => b.bad / (b.good + b.bad))
    if (!followsTrend(rates, o.trend)) continue
    const ll = bins.reduce((s, b) => s + logLikelihood(b.good, b.bad), 0)
    if (best === null || ll > best) best = ll
  }
  return best
}

function followsTrend(rates: number[], trend: Trend): boolean {
  const up = (a: number, b: number): boolean => a <= b + 1e-15
  const down = (a: number, b: number): boolean => a + 1e-15 >= b
  const mono = (xs: number[], ok: (a: number, b: number) => boolean): boolean =>
    xs.every((x, i) => i === 0 || ok(xs[i - 1], x))
  if (trend === 'ascending') return mono(rates, up)
  if (trend === 'descending') return mono(rates, down)
  // A peak (valley) rises (falls) to some bin, then falls (rises).
  for (let t = 0; t < rates.length; t++) {
    const first = rates.slice(0, t + 1)
    const second = rates.slice(t)
    if (trend === 'peak' && mono(first, up) && mono(second, down)) return true
    if (trend === 'valley' && mono(first, down) && mono(second, up)) return true
  }
  return false
}

const prebinsArb = fc.array(
  fc.record({ good: fc.integer({ min: 0, max: 40 }), bad: fc.integer({ min: 0, max: 15 }) }),
  { minLength: 1, maxLength: 9 }
)

describe('optimalMerge', () => {
  it('finds the likeliest grouping that exhaustive search finds, for every trend and limit', () => {
    fc.assert(
      fc.property(
        prebinsArb,
        fc.constantFrom(...TRENDS),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 9 }),
        (prebins, trend, minCount, minClass, maxBins) => {
          const o = { minCount, minClass, maxBins, trend }
          const merge = optimalMerge(prebins, o)
          const oracle = bruteForce(prebins, o)
          if (oracle === null) return merge === null
          return merge !== null && Math.abs(merge.logLikelihood - oracle) < 1e-9
        }
      ),
      { seed: 7, numRuns: 400 }
    )
  })

  it('returns bins that themselves meet the limits and follow the trend', () => {
    fc.assert(
      fc.property(prebinsArb, fc.constantFrom(...TRENDS), (prebins, trend) => {
        const o = { minCount: 20, minClass: 2, maxBins: 5, trend }
        const merge = optimalMerge(prebins, o)
        if (!merge) return true
        const bins = merge.starts.map((s, k) =>
          prebins
            .slice(s, merge.starts[k + 1] ?? prebins.length)
            .reduce((c, p) => ({ good: c.good + p.good, bad: c.bad + p.bad }), { good: 0, bad: 0 })
        )
        return (
          merge.starts[0] === 0 &&
          bins.length <= 5 &&
          bins.every((b) => b.good + b.bad >= 20 && b.good >= 2 && b.bad >= 2) &&
          followsTrend(
            bins.map((b) => b.bad / (b.good + b.bad)),
            trend
          )
        )
      }),
      { seed: 11, numRuns: 300 }
    )
  })

  it('merges neighbours that break the trend and keeps the ones that follow it', () => {
    // Default rates 10 %, 40 %, 20 % on 100 rows each.
    const prebins = [
      { good: 90, bad: 10 },
      { good: 60, bad: 40 },
      { good: 80, bad: 20 }
    ]
    const o = { minCount: 0, minClass: 0, maxBins: 10 }
    // Rising: 40 % and 20 % must merge (30 %); falling: 10 % and 40 % must (25 %), then 20 %.
    expect(optimalMerge(prebins, { ...o, trend: 'ascending' })?.starts).toEqual([0, 1])
    expect(optimalMerge(prebins, { ...o, trend: 'descending' })?.starts).toEqual([0, 2])
    // A peak rises to 40 % and falls to 20 %: all three bins stay; a valley cannot hold that.
    expect(optimalMerge(prebins, { ...o, trend: 'peak' })?.starts).toEqual([0, 1, 2])
    expect(optimalMerge(prebins, { ...o, trend: 'valley' })?.starts.length).toBe(2)
    // At most two bins: the peak's best two are the rising pair.
    expect(optimalMerge(prebins, { ...o, maxBins: 2, trend: 'peak' })?.starts.length).toBe(2)
  })

  it('prefers fewer bins when more bins fit no better', () => {
    const same = [
      { good: 45, bad: 5 },
      { good: 90, bad: 10 },
      { good: 9, bad: 1 }
    ]
    expect(optimalMerge(same, { minCount: 0, minClass: 0, maxBins: 3, trend: 'ascending' })?.starts).toEqual([
      0
    ])
  })

  it('returns null when no grouping meets the limits', () => {
    expect(
      optimalMerge([{ good: 3, bad: 1 }], { minCount: 10, minClass: 0, maxBins: 4, trend: 'ascending' })
    ).toBe(null)
  })
})
