import { describe, expect, it } from 'vitest'
import { ENGINES, DEFAULT_TRAIN_PARAMS } from '../../../../src/shared/params/trainParams'
import { engineFor } from '../../../../src/main/core/ml/engines'
import { explainerFor } from '../../../../src/main/core/ml/engines/explainers'
import { fitScorecard } from '../../../../src/main/core/ml/scorecard/fitScorecard'
import { scorecardOptions } from '../../../../src/main/core/ml/engines/scorecardEngine'
import type { ModelArtifact } from '../../../../src/main/core/model/ModelArtifact'
import { scorecardData } from './scorecard/scorecardData'

describe('the engine registry and the explainers scoring loads', () => {
  const data = scorecardData(1500, 4)
  const { table } = fitScorecard(data.columns, data.y, data.features, scorecardOptions(DEFAULT_TRAIN_PARAMS))

  it('agree: scoring explains with an engine’s own explainer exactly when the engine has one', () => {
    const x = Float64Array.from(data.columns, (c) => c[0])
    for (const id of ENGINES) {
      const artifact = {
        params: { ...DEFAULT_TRAIN_PARAMS, engine: id },
        features: data.features,
        scorecard: table
      } as unknown as ModelArtifact
      const viaScoring = explainerFor(artifact)
      const own = engineFor(id).explainer?.(artifact) ?? null
      expect(viaScoring === null, id).toBe(own === null)
      if (viaScoring && own) {
        const a = new Float64Array(x.length)
        const b = new Float64Array(x.length)
        expect(viaScoring(x, a)).toBe(own(x, b))
        expect(a).toEqual(b)
      }
    }
    expect(
      explainerFor({
        params: { ...DEFAULT_TRAIN_PARAMS, engine: 'scorecard' },
        features: data.features,
        scorecard: table
      } as unknown as ModelArtifact)
    ).not.toBeNull()
  })

  it('marks which engines read missing values and which refuse SMOTE', () => {
    expect(ENGINES.filter((id) => engineFor(id).keepsMissing)).toEqual(['scorecard', 'gbm', 'blend'])
    expect(ENGINES.filter((id) => engineFor(id).acceptsSmote === false)).toEqual(['scorecard', 'blend'])
  })
})
