import { describe, expect, it } from 'vitest'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { useTempDir } from '../../../helpers/tempDir'

describe('Workbench.profileDataset', () => {
  const tmp = useTempDir()

  it('computes a profile once and serves the stored copy afterwards', async () => {
    const service = Workbench.open(tmp.path('w.db'))
    const dataset = await service.generateDataset({ rows: 500, seed: 3 })
    expect(service.cachedProfile(dataset.id)).toBeUndefined()
    const phases: string[] = []
    const first = await service.profileDataset(dataset.id, (phase) => phases.push(phase))
    expect(phases).toEqual(['loading rows', 'profiling'])
    expect(first.numRows).toBe(500)
    const again: string[] = []
    const second = await service.profileDataset(dataset.id, (phase) => again.push(phase))
    expect(again).toEqual([])
    expect(second).toEqual(JSON.parse(JSON.stringify(first)))
    service.close()
  })

  it('drops the stored profile with its dataset', async () => {
    const service = Workbench.open(tmp.path('w.db'))
    const dataset = await service.generateDataset({ rows: 300, seed: 4 })
    await service.profileDataset(dataset.id)
    service.deleteDataset(dataset.id)
    const left = service.db.prepare('SELECT COUNT(*) AS n FROM dataset_profiles').get() as { n: number }
    expect(left.n).toBe(0)
    service.close()
  })
})
