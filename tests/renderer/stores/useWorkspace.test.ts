import { describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'

// Plain reactive objects stand in for the three stores: the test reads what the workspace derives from them.
const { app, datasets, models } = vi.hoisted(() => ({
  app: { mode: 'analyst' as 'analyst' | 'officer' },
  datasets: { activeDataset: null as { id: number } | null },
  models: { activeModel: null as { id: number } | null }
}))
const state = { app: reactive(app), datasets: reactive(datasets), models: reactive(models) }
vi.mock('../../../src/renderer/src/stores/appStore', () => ({ useAppStore: () => state.app }))
vi.mock('../../../src/renderer/src/stores/datasetStore', () => ({ useDatasetStore: () => state.datasets }))
vi.mock('../../../src/renderer/src/stores/modelStore', () => ({ useModelStore: () => state.models }))

import { useWorkspace } from '../../../src/renderer/src/stores/useWorkspace'

describe('useWorkspace', () => {
  it('hands out the app, dataset and model stores themselves', () => {
    const w = useWorkspace()
    expect(w.app).toBe(state.app)
    expect(w.datasets).toBe(state.datasets)
    expect(w.models).toBe(state.models)
  })

  it('follows the mode, the active dataset and the active model as the stores change', () => {
    const w = useWorkspace()
    expect([w.officer.value, w.activeDataset.value, w.activeModel.value]).toEqual([false, null, null])
    state.app.mode = 'officer'
    state.datasets.activeDataset = { id: 4 }
    state.models.activeModel = { id: 9 }
    expect([w.officer.value, w.activeDataset.value, w.activeModel.value]).toEqual([
      true,
      { id: 4 },
      { id: 9 }
    ])
    state.app.mode = 'analyst'
    expect(w.officer.value).toBe(false)
  })
})
