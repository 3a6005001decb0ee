import { describe, expect, it } from 'vitest'
import { WorkbenchError, corruptModel } from '../../../../src/main/core/base/errors'
import { serializeEnsemble } from '../../../../src/main/core/model/ensembleFormat'
import type { LoadedModel } from '../../../../src/main/core/scoring/loadModel'
import { corruptForest, parseModel } from '../../../../src/main/core/scoring/loadModel'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'

/** The error `run` throws. */
function thrown(run: () => unknown): WorkbenchError {
  try {
    run()
  } catch (error) {
    if (error instanceof WorkbenchError) return error
    throw error
  }
  throw new Error('nothing was thrown')
}

describe('parseModel (a stored model read back)', () => {
  const template = useTrainedTemplate({ rows: 2000, seed: 5 })
  let model: LoadedModel | undefined
  const stored = (): { json: string; forest: Buffer; model: LoadedModel } => {
    if (!model) {
      const service = Workbench.open(template.template())
      model = service.models.load(template.ids().modelId)
      service.close()
    }
    return { json: JSON.stringify(model.artifact), forest: serializeEnsemble(model.ensemble), model }
  }

  it('reads a stored artifact and forest back, prepared for exact reasons', () => {
    const { json, forest, model } = stored()
    const loaded = parseModel(7, 'seven', json, forest)
    expect([loaded.id, loaded.name]).toEqual([7, 'seven'])
    expect(loaded.artifact).toEqual(model.artifact)
    expect(loaded.ensemble.numFeatures).toBe(model.artifact.features.length)
    expect(loaded.shap).toBeDefined()
  })

  it('refuses an artifact that is not JSON, naming the model', () => {
    const error = thrown(() => parseModel(7, 'x', '{"format": "ptm-model", "vers', stored().forest))
    expect([error.code, error.message]).toEqual([
      'MODEL_CORRUPT',
      'Model 7: its artifact is not valid JSON (corrupt). Retrain the model.'
    ])
  })

  it('refuses an artifact the schema rejects, naming the first bad path, or "artifact" for the whole', () => {
    const artifact = JSON.parse(stored().json) as { threshold: number }
    const error = thrown(() =>
      parseModel(7, 'x', JSON.stringify({ ...artifact, threshold: 2 }), stored().forest)
    )
    expect(error.code).toBe('MODEL_CORRUPT')
    expect(error.message).toMatch(
      /^Model 7: its artifact is corrupt or from an unknown version \(threshold: .+\)\. Retrain the model\.$/
    )
    const whole = thrown(() => parseModel(8, 'x', '42', stored().forest))
    expect(whole.message).toMatch(
      /^Model 8: its artifact is corrupt or from an unknown version \(artifact: .+\)\./
    )
  })

  it('refuses a forest that cannot be read, or one with another feature count, naming the model', () => {
    const { json, forest, model } = stored()
    const garbage = thrown(() => parseModel(7, 'x', json, Buffer.from('not a forest')))
    expect(garbage.code).toBe('MODEL_CORRUPT')
    expect(garbage.message).toMatch(/^Model 7: its forest is corrupt \(.+\)\. Retrain the model/)
    const fewer = { ...model.artifact, features: model.artifact.features.slice(1) }
    const n = model.artifact.features.length
    expect(thrown(() => parseModel(7, 'x', JSON.stringify(fewer), forest)).message).toBe(
      `Model 7: its forest is corrupt (its forest expects ${n} features but its artifact lists ${n - 1}). Retrain the model or restore the database from a backup.`
    )
  })
})

describe('corruptForest', () => {
  it('keeps the problem of a corrupt-forest error, the message of another error, and the text of anything else', () => {
    expect(corruptForest(3, corruptModel('tree 4 is cut short')).message).toBe(
      'Model 3: its forest is corrupt (tree 4 is cut short). Retrain the model or restore the database from a backup.'
    )
    expect(corruptForest(3, new WorkbenchError('INPUT_ERROR', 'bad bytes')).details?.problem).toBe(
      'bad bytes'
    )
    expect(corruptForest(3, new RangeError('offset out of range')).details?.problem).toBe(
      'offset out of range'
    )
    expect(corruptForest(3, 'plain text').details?.problem).toBe('plain text')
    expect(corruptForest(3, corruptModel('x')).details?.modelId).toBe(3)
  })
})
