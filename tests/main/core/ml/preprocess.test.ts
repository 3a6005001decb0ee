import { describe, expect, it } from 'vitest'
import { buildFeatureMatrix } from '../../../../src/main/core/ml/preprocess'
import type { FeatureSpec } from '../../../../src/main/core/model/ModelArtifact'

const features: FeatureSpec[] = [
  { name: 'Score', kind: 'numeric', source: 'input', median: 650, mean: 600, std: 100 },
  { name: 'Job', kind: 'categorical', source: 'input', levels: ['Business', 'Salaried'], fill: 1 }
]
const raw = {
  numRows: 4,
  numeric: new Map([['Score', Float64Array.of(700, NaN, 500, NaN)]]),
  categorical: new Map<string, (string | null)[]>([['Job', ['Business', null, 'Astronaut', 'Salaried']]])
}

describe('buildFeatureMatrix', () => {
  it('imputes missing values with the training median and most frequent level by default', () => {
    const m = buildFeatureMatrix(features, raw)
    // (x − 600) / 100, a missing score taking the median 650.
    expect(Array.from(m.columns[0])).toEqual([1, 0.5, -1, 0.5])
    expect(Array.from(m.columns[1])).toEqual([0, 1, 1, 1])
    expect(m.imputed).toEqual([2, 1])
    expect(m.unseen).toEqual([0, 1])
  })

  it('leaves missing values NaN for an engine that keeps them, and still maps unseen categories to the most frequent', () => {
    const m = buildFeatureMatrix(features, raw, true)
    expect(Array.from(m.columns[0])).toEqual([1, NaN, -1, NaN])
    expect(Array.from(m.columns[1])).toEqual([0, NaN, 1, 1])
    expect(m.imputed).toEqual([2, 1])
    expect(m.unseen).toEqual([0, 1])
  })
})
