import { describe, expect, it } from 'vitest'
import { deriveSeed, Rng } from '../../../../src/main/core/base/random'

describe('Rng', () => {
  it('repeats the same stream for the same seed and differs for another seed', () => {
    const a = new Rng(42)
    const b = new Rng(42)
    const c = new Rng(43)
    const sa = Array.from({ length: 5 }, () => a.nextUint32())
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(sa)
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(sa)
  })

  it('draws uniform floats in [0,1) with the right mean and normals with unit variance', () => {
    const rng = new Rng(7)
    let sum = 0
    let sumSq = 0
    const n = 100_000
    for (let i = 0; i < n; i++) {
      const u = rng.next()
      expect(u >= 0 && u < 1).toBe(true)
      sum += u
      const z = rng.normal()
      sumSq += z * z
    }
    expect(sum / n).toBeCloseTo(0.5, 2)
    expect(sumSq / n).toBeCloseTo(1, 1)
  })

  it('derives distinct sub-seeds per index', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => deriveSeed(1, i)))
    expect(seeds.size).toBe(1000)
  })
})
