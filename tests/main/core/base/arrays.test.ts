import { describe, expect, it } from 'vitest'
import { countPositives, gather, gather8, scoresByClass } from '../../../../src/main/core/base/arrays'
import { clip } from '../../../../src/main/core/base/clipText'

describe('gather, gather8, countPositives', () => {
  it('takes the values at the rows, in the rows’ order, repeats included', () => {
    expect([...gather(Float64Array.of(10, 11, 12, 13), [3, 0, 3])]).toEqual([13, 10, 13])
    expect([...gather8(Uint8Array.of(0, 1, 1, 0), Int32Array.of(2, 3))]).toEqual([1, 0])
    expect(gather([1, 2], [])).toHaveLength(0)
  })

  it('counts the 1 labels of the rows given, or of every row', () => {
    const y = Uint8Array.of(1, 0, 1, 1, 0)
    expect(countPositives(y)).toBe(3)
    expect(countPositives(y, [1, 4])).toBe(0)
    expect(countPositives(y, [0, 2, 2])).toBe(3)
    expect(countPositives(y, [])).toBe(0)
  })
})

describe('clip', () => {
  it('leaves text up to the limit and cuts longer text with an ellipsis within it', () => {
    expect(clip('abcdef', 6)).toBe('abcdef')
    expect(clip('abcdefg', 6)).toBe('abcde…')
    expect(clip('abcdefg', 6)).toHaveLength(6)
    expect(clip('abc', 1)).toBe('…')
    expect(clip('abc', 0)).toBe('…')
  })
})

describe('scoresByClass', () => {
  it('splits the scores by label, each class sorted ascending', () => {
    const y = Uint8Array.from([1, 0, 0, 1, 0])
    const score = Float64Array.from([0.9, 0.4, 0.1, 0.3, 0.4])
    const { pos, neg } = scoresByClass(y, score)
    expect([...pos]).toEqual([0.3, 0.9])
    expect([...neg]).toEqual([0.1, 0.4, 0.4])
  })
})
