import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../src/main/core/base/random'
import {
  foldRows,
  shuffleInPlace,
  stratifiedFolds,
  stratifiedSplit
} from '../../../../src/main/core/ml/split'

/** A generator whose int(n) always answers `pick(n)`: shuffles that can be followed by hand. */
function fixedRng(pick: (n: number) => number): Rng {
  return { int: pick } as unknown as Rng
}

describe('shuffleInPlace (Fisher–Yates from the last position down)', () => {
  it('swaps position i with the drawn j, i = n − 1 … 1', () => {
    // j = 0 every time: [a b c d] → [d b c a] → [c b d a] → [b c d a].
    const values = ['a', 'b', 'c', 'd']
    const asked: number[] = []
    shuffleInPlace(
      values,
      fixedRng((n) => (asked.push(n), 0))
    )
    expect(values).toEqual(['b', 'c', 'd', 'a'])
    expect(asked).toEqual([4, 3, 2])
  })

  it('leaves the order when every draw is the position itself', () => {
    const values = [1, 2, 3, 4, 5]
    shuffleInPlace(
      values,
      fixedRng((n) => n - 1)
    )
    expect(values).toEqual([1, 2, 3, 4, 5])
  })

  it('is a permutation, repeatable by seed', () => {
    const a = Array.from({ length: 50 }, (_, i) => i)
    const b = [...a]
    shuffleInPlace(a, new Rng(5))
    shuffleInPlace(b, new Rng(5))
    expect(a).toEqual(b)
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i))
  })
})

describe('stratifiedSplit', () => {
  // 12 repaid (rows 0–11) and 8 defaulted (rows 12–19).
  const y = Uint8Array.from({ length: 20 }, (_, i) => (i >= 12 ? 1 : 0))

  it('puts round(n × testSize) of each class in the test rows, sorted, and the rest in training', () => {
    const { train, test } = stratifiedSplit(y, 0.25, new Rng(1))
    expect([...test].filter((r) => y[r] === 0)).toHaveLength(3)
    expect([...test].filter((r) => y[r] === 1)).toHaveLength(2)
    expect(train).toHaveLength(15)
    expect([...test]).toEqual([...test].sort((a, b) => a - b))
    expect([...train]).toEqual([...train].sort((a, b) => a - b))
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i))
  })

  it('takes the first shuffled rows of each class as test rows', () => {
    // No swaps: each class keeps its order, so its first round(n × 0.25) rows are the test rows.
    const { train, test } = stratifiedSplit(
      y,
      0.25,
      fixedRng((n) => n - 1)
    )
    expect([...test]).toEqual([0, 1, 2, 12, 13])
    expect([...train]).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19])
  })

  it('keeps everything for training at testSize 0 and repeats by seed', () => {
    expect(stratifiedSplit(y, 0, new Rng(1)).test).toHaveLength(0)
    expect(stratifiedSplit(y, 0.3, new Rng(9))).toEqual(stratifiedSplit(y, 0.3, new Rng(9)))
    expect(stratifiedSplit(y, 0.3, new Rng(9)).test).not.toEqual(stratifiedSplit(y, 0.3, new Rng(10)).test)
  })

  it.each([-0.1, 1, 1.5, NaN])('refuses a test size of %s', (size) => {
    expect(() => stratifiedSplit(y, size, new Rng(1))).toThrow(`testSize must be in [0, 1), got ${size}`)
  })
})

describe('stratifiedFolds and foldRows', () => {
  it('deals each class round-robin into the folds, the second class continuing where the first stopped', () => {
    // No swaps: repaid rows 0, 2, 3, 5 → folds 0, 1, 2, 0; defaulted rows 1, 4, 6 → folds 1, 2, 0.
    const y = Uint8Array.from([0, 1, 0, 0, 1, 0, 1])
    expect([
      ...stratifiedFolds(
        y,
        3,
        fixedRng((n) => n - 1)
      )
    ]).toEqual([0, 1, 1, 2, 2, 0, 0])
  })

  it('keeps fold sizes within one and the default rate per fold within one row', () => {
    const y = Uint8Array.from({ length: 103 }, (_, i) => (i % 10 === 0 ? 1 : 0))
    const fold = stratifiedFolds(y, 5, new Rng(3))
    const sizes = [0, 1, 2, 3, 4].map((f) => [...fold].filter((x) => x === f).length)
    const defaults = [0, 1, 2, 3, 4].map((f) => [...fold].filter((x, r) => x === f && y[r] === 1).length)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    expect(Math.max(...defaults) - Math.min(...defaults)).toBeLessThanOrEqual(1)
    expect(sizes.reduce((a, b) => a + b)).toBe(103)
  })

  it.each([1, 0, 2.5])('refuses %s folds', (k) => {
    expect(() => stratifiedFolds(Uint8Array.of(0, 1), k, new Rng(1))).toThrow(
      `folds must be a whole number >= 2, got ${k}`
    )
  })

  it('lists each fold’s rows and the rows of all the others', () => {
    const { inFold, outOfFold } = foldRows(Int32Array.from([0, 1, 1, 2, 2, 0, 0]), 3)
    expect(inFold.map((a) => [...a])).toEqual([
      [0, 5, 6],
      [1, 2],
      [3, 4]
    ])
    expect(outOfFold.map((a) => [...a])).toEqual([
      [1, 2, 3, 4],
      [0, 3, 4, 5, 6],
      [0, 1, 2, 5, 6]
    ])
  })
})
