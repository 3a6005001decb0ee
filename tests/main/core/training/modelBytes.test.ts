import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { serializeEnsemble } from '../../../../src/main/core/model/ensembleFormat'
import { Workbench } from '../../../../src/main/core/service/Workbench'

const sha = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16)

// Pins the bytes a seed gives, recorded before the engine seam and the layer moves: a
// restructuring must not change a trained model. A change meant to change models (a new
// default, a fix in the learner) updates these deliberately, in its own commit.
describe('the same seed gives the same model bytes', () => {
  it('for our forest on one and two threads, and for the reference engine', async () => {
    const service = Workbench.open(':memory:')
    const dataset = await service.generateDataset({ rows: 1500, seed: 11, defaultRate: 0.1 })
    const bytes = async (engine: 'forest' | 'ml-random-forest', threads: number): Promise<string[]> => {
      const trees = engine === 'forest' ? 30 : 3
      const { model } = await service.trainModel(dataset.id, { trees, maxDepth: 8, threads, seed: 5, engine })
      const loaded = service.models.load(model.id)
      return [
        sha(serializeEnsemble(loaded.ensemble)),
        sha(JSON.stringify({ ...loaded.artifact, trainedAt: '' }))
      ]
    }
    expect(await bytes('forest', 1)).toEqual(['2d659aee419bdb5d', '7f87d88eabda62b5'])
    expect(await bytes('forest', 2)).toEqual(['2d659aee419bdb5d', '9d7230bf62cfc600'])
    expect(await bytes('ml-random-forest', 1)).toEqual(['107135a5c3249820', 'ecbe19ed7313a37e'])
    service.close()
  })
})
