import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { deriveSeed, Rng, shuffleHead } from '../../../../src/main/core/base/random'

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

// The oracle: tests/fixtures/oracle/rngOracle.py implements xoshiro128** and the polar method
// from their published descriptions; these are its streams.
const oracle = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/oracle/rng.json'), 'utf8')) as {
  uint32: Record<string, number[]>
  uniform7: number[]
  normal3: number[]
  int42of10: number[]
  fork11: number[]
  derive: Record<string, number[]>
}

describe('Rng against a reference implementation of xoshiro128**', () => {
  it.each(Object.keys(oracle.uint32))('gives the reference 32-bit stream for seed %s', (seed) => {
    const rng = new Rng(Number(seed))
    expect(oracle.uint32[seed].map(() => rng.nextUint32())).toEqual(oracle.uint32[seed])
  })

  it('divides by 2^32 for uniforms, floors for integers', () => {
    const rng = new Rng(7)
    expect(oracle.uniform7.map(() => rng.next())).toEqual(oracle.uniform7)
    const ints = new Rng(42)
    expect(oracle.int42of10.map(() => ints.int(10))).toEqual(oracle.int42of10)
  })

  it('draws normals by the polar method, using the spare deviate every second call', () => {
    const rng = new Rng(3)
    expect(oracle.normal3.map(() => rng.normal())).toEqual(oracle.normal3)
  })

  it('forks a generator seeded with the parent’s next output', () => {
    const child = new Rng(11).fork()
    expect(oracle.fork11.map(() => child.nextUint32())).toEqual(oracle.fork11)
  })

  it('derives sub-seeds as the reference does', () => {
    for (const base of Object.keys(oracle.derive))
      expect([0, 1, 2, 3].map((i) => deriveSeed(Number(base), i))).toEqual(oracle.derive[base])
  })
})

describe('shuffleHead', () => {
  it('swaps position i with i + rng.int(n - i), position by position, for the first k only', () => {
    const a = Int32Array.from([10, 11, 12, 13, 14])
    const twin = new Rng(7)
    // The same draws by hand: j = i + int(n - i), then swap a[i] and a[j].
    const expected = [10, 11, 12, 13, 14]
    for (let i = 0; i < 3; i++) {
      const j = i + twin.int(5 - i)
      ;[expected[i], expected[j]] = [expected[j], expected[i]]
    }
    shuffleHead(a, 3, new Rng(7))
    expect([...a]).toEqual(expected)
  })

  it('keeps every element once (a permutation), seeded', () => {
    const a = Int32Array.from({ length: 50 }, (_, i) => i)
    shuffleHead(a, 20, new Rng(3))
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i))
  })
})
