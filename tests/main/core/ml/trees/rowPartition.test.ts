import { describe, expect, it } from 'vitest'
import { binTrainingData } from '../../../../../src/main/core/ml/trees/BinnedData'
import {
  partitionRows,
  partitionWithPayload,
  setThresholdSides
} from '../../../../../src/main/core/ml/trees/rowPartition'

describe('setThresholdSides', () => {
  it('sends bins 0..b left, the other value bins right, and the missing bin as told', () => {
    const sides = new Uint8Array(8).fill(7)
    setThresholdSides(sides, 2, 5, true)
    // Bins 0–2 left, 3–4 right, missing bin 5 left; bins past it are untouched.
    expect(Array.from(sides)).toEqual([1, 1, 1, 0, 0, 1, 7, 7])
    setThresholdSides(sides, 0, 5, false)
    expect(Array.from(sides)).toEqual([1, 0, 0, 0, 0, 0, 7, 7])
  })
})

describe('the stable partitions', () => {
  // Rows 0..7, bins of one feature; bins 0 and 2 go left.
  const bins = Uint8Array.of(2, 1, 0, 1, 2, 0, 1, 0)
  const goesLeft = Uint8Array.of(1, 0, 1)

  it('partitionRows puts the left rows first, then the right, each in their previous order, inside [start, end) only', () => {
    // Rows 0..6 at positions 1..7; the 9s mark positions outside the range.
    const order = Int32Array.of(9, 0, 1, 2, 3, 4, 5, 6, 9)
    const mid = partitionRows(order, new Int32Array(9), bins, goesLeft, 1, 8)
    // Left: rows 0, 2, 4, 5 (bins 2, 0, 2, 0); right: rows 1, 3, 6 (bin 1).
    expect(mid).toBe(5)
    expect(Array.from(order)).toEqual([9, 0, 2, 4, 5, 1, 3, 6, 9])
  })

  it('partitionWithPayload moves each row’s payload with it', () => {
    const order = Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7)
    const payload = Int32Array.from(order, (r) => 100 + r)
    const mid = partitionWithPayload(
      order,
      payload,
      new Int32Array(8),
      new Int32Array(8),
      bins,
      goesLeft,
      0,
      8
    )
    expect(mid).toBe(5)
    expect(Array.from(order)).toEqual([0, 2, 4, 5, 7, 1, 3, 6])
    expect(Array.from(payload)).toEqual([100, 102, 104, 105, 107, 101, 103, 106])
  })

  it('keeps an all-left or all-right range as it was', () => {
    const order = Int32Array.of(1, 3, 6)
    expect(partitionRows(order, new Int32Array(3), bins, goesLeft, 0, 3)).toBe(0)
    expect(Array.from(order)).toEqual([1, 3, 6])
    const left = Int32Array.of(0, 2)
    const payload = Int32Array.of(5, 6)
    expect(
      partitionWithPayload(left, payload, new Int32Array(2), new Int32Array(2), bins, goesLeft, 0, 2)
    ).toBe(2)
    expect(Array.from(payload)).toEqual([5, 6])
  })
})

describe('binTrainingData', () => {
  it('bins every column with edges fitted on its rows and keeps the labels', () => {
    const columns = [Float64Array.of(3, 1, 2, NaN), Float64Array.of(5, 5, 5, 5)]
    const y = Uint8Array.of(1, 0, 0, 1)
    const data = binTrainingData(columns, y)
    expect(data.numRows).toBe(4)
    expect(data.y).toBe(y)
    expect(data.bins).toHaveLength(2)
    // 1 < 2 < 3 take ascending bins; NaN takes the missing bin.
    const [b] = data.bins
    expect(b[1]).toBeLessThan(b[2])
    expect(b[2]).toBeLessThan(b[0])
    expect(b[3]).toBe(data.mapper.missingBin[0])
  })
})
