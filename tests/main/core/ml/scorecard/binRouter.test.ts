import { describe, expect, it } from 'vitest'
import type { FeatureSpec } from '../../../../../src/main/core/model/ModelArtifact'
import { binRouter } from '../../../../../src/main/core/ml/scorecard/binRouter'

const amount: FeatureSpec = { name: 'Amount', kind: 'numeric', source: 'input', median: 15, mean: 15, std: 5 }
const region: FeatureSpec = {
  name: 'Region',
  kind: 'categorical',
  source: 'input',
  levels: ['a', 'b', 'c'],
  fill: 0
}

describe('binRouter', () => {
  it('sends a number to the first bin whose split it does not exceed, and NaN to the last (missing) bin', () => {
    const route = binRouter(
      { kind: 'numeric', splits: [10, 20], bins: [{}, {}, {}, { missing: true }] },
      amount
    )
    expect([5, 10, 10.5, 20, 21, -Infinity, Infinity, NaN].map(route)).toEqual([0, 0, 1, 1, 2, 0, 2, 3])
    // No splits: one bin for every number.
    expect([-1, 1e9].map(binRouter({ kind: 'numeric', bins: [{}, { missing: true }] }, amount))).toEqual([
      0, 0
    ])
  })

  it('sends a category code to the bin listing its level, NaN to the missing bin', () => {
    const route = binRouter(
      {
        kind: 'categorical',
        bins: [{ categories: ['b'] }, { categories: ['a', 'c', 'unknown'] }, { missing: true }]
      },
      region
    )
    expect([0, 1, 2, NaN].map(route)).toEqual([1, 0, 1, 2])
  })

  it('refuses a categorical characteristic on a numeric feature, and a level in no bin, naming them', () => {
    expect(() => binRouter({ kind: 'categorical', bins: [{ categories: ['a'] }] }, amount)).toThrow(
      'characteristic of Amount is categorical, its feature is not'
    )
    expect(() =>
      binRouter({ kind: 'categorical', bins: [{ categories: ['a', 'b'] }, { missing: true }] }, region)
    ).toThrow('level "c" of Region is in no bin')
  })
})
