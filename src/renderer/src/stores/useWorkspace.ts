import { computed } from 'vue'
import { useAppStore } from './appStore'
import { useDatasetStore } from './datasetStore'
import { useModelStore } from './modelStore'

/**
 * What the shell and the screens work with: the app (its mode and info), the datasets and
 * the models, with the active dataset, the active model and whether a branch officer uses
 * the window, each read one way here.
 */
export function useWorkspace() {
  const app = useAppStore()
  const datasets = useDatasetStore()
  const models = useModelStore()
  return {
    app,
    datasets,
    models,
    officer: computed(() => app.mode === 'officer'),
    activeDataset: computed(() => datasets.activeDataset),
    activeModel: computed(() => models.activeModel)
  }
}
