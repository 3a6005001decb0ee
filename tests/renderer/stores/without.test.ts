import { describe, expect, it } from 'vitest'
import { mapWithout, setWithout } from '../../../src/renderer/src/stores/without'

describe('mapWithout and setWithout', () => {
  it('give a new collection without the key and leave the one given as it was', () => {
    const map = new Map([
      [1, 'a'],
      [2, 'b']
    ])
    const set = new Set(['job-1', 'job-2'])
    const fewer = mapWithout(map, 1)
    const rest = setWithout(set, 'job-2')
    expect([...fewer]).toEqual([[2, 'b']])
    expect([...rest]).toEqual(['job-1'])
    expect(fewer).not.toBe(map)
    expect(rest).not.toBe(set)
    expect(map.size).toBe(2)
    expect(set.size).toBe(2)
  })

  it('copy the collection whole when the key is not in it', () => {
    const set = new Set([3])
    const same = setWithout(set, 4)
    expect([...same]).toEqual([3])
    expect(same).not.toBe(set)
    expect([...mapWithout(new Map([[5, 'x']]), 6)]).toEqual([[5, 'x']])
  })
})
