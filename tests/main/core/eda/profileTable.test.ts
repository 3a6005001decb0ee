import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../src/main/core/base/random'
import { quantileSorted } from '../../../../src/main/core/base/stats'
import { mergeSorted, pearsonMatrix, profileColumn } from '../../../../src/main/core/eda/profileTable'

const value = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, Infinity, -Infinity, 5e-324, Number.MAX_VALUE)
)

describe('profileTable', () => {
  it('merges two sorted columns into exactly what sorting their union gives (−0 before +0)', () => {
    fc.assert(
      fc.property(fc.array(value), fc.array(value), (a, b) => {
        const left = Float64Array.from(a).sort()
        const right = Float64Array.from(b).sort()
        const merged = mergeSorted(left, right)
        const sorted = Float64Array.from([...a, ...b]).sort()
        expect([...merged].map((x) => Object.is(x, -0))).toEqual([...sorted].map((x) => Object.is(x, -0)))
        expect([...merged]).toEqual([...sorted])
      }),
      { numRuns: 500, seed: 4 }
    )
  })

  it('gives a numeric column the quartiles and per-class boxes of its sorted values', () => {
    const rng = new Rng(3)
    const n = 5000
    const values = Float64Array.from({ length: n }, () =>
      rng.next() < 0.05 ? NaN : Math.round(rng.normal() * 100)
    )
    const target = Uint8Array.from({ length: n }, () => (rng.next() < 0.2 ? 1 : 0))
    const profile = profileColumn({ name: 'x', kind: 'numeric', values }, target)
    if (profile.kind !== 'numeric') throw new Error('expected a numeric profile')
    // The oracle: plain JavaScript sorts of each part.
    const present = [...values.keys()].filter((i) => !Number.isNaN(values[i]))
    const sortedOf = (rows: number[]): Float64Array => Float64Array.from(rows, (i) => values[i]).sort()
    const all = sortedOf(present)
    expect(profile.count).toBe(present.length)
    expect(profile.min).toBe(all[0])
    expect(profile.max).toBe(all[all.length - 1])
    expect(profile.q1).toBe(quantileSorted(all, 0.25))
    expect(profile.median).toBe(quantileSorted(all, 0.5))
    expect(profile.q3).toBe(quantileSorted(all, 0.75))
    expect(profile.distinct).toBe(new Set(all).size)
    for (const c of [0, 1]) {
      const part = sortedOf(present.filter((i) => target[i] === c))
      expect(profile.boxByClass[c]).toMatchObject({
        count: part.length,
        min: part[0],
        median: quantileSorted(part, 0.5),
        max: part[part.length - 1]
      })
    }
  })

  it('gives Pearson correlations over pairwise-complete rows, as the two-pass formula does', () => {
    const rng = new Rng(5)
    const n = 2000
    const a = Float64Array.from({ length: n }, () => rng.normal())
    const b = Float64Array.from(a, (x) => (rng.next() < 0.1 ? NaN : 0.6 * x + 0.8 * rng.normal()))
    const huge = Float64Array.from(a, (x) => x * 1e300)
    const matrix = pearsonMatrix([a, b, huge])
    const twoPass = (x: Float64Array, y: Float64Array): number => {
      const rows = [...x.keys()].filter((i) => !Number.isNaN(x[i]) && !Number.isNaN(y[i]))
      const mx = rows.reduce((s, i) => s + x[i], 0) / rows.length
      const my = rows.reduce((s, i) => s + y[i], 0) / rows.length
      let sxy = 0
      let sxx = 0
      let syy = 0
      for (const i of rows) {
        sxy += (x[i] - mx) * (y[i] - my)
        sxx += (x[i] - mx) ** 2
        syy += (y[i] - my) ** 2
      }
      return sxy / Math.sqrt(sxx * syy)
    }
    expect(matrix[0][1]).toBeCloseTo(twoPass(a, b), 12)
    expect(matrix[1][0]).toBe(matrix[0][1])
    // An extreme column is scaled first; its correlation with its own source is 1.
    expect(matrix[0][2]).toBeCloseTo(1, 12)
    expect(matrix[2][2]).toBe(1)
  })
})
