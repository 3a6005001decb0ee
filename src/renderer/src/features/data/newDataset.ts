import { t } from '../../i18n'
import { useAppStore } from '../../stores/appStore'
import { useDatasetStore } from '../../stores/datasetStore'
import { showInfo } from '../../ui/notify'

/**
 * A dataset just generated or imported: it becomes the active one only when no dataset is
 * active, so a new import never silently replaces the dataset someone is working with; else
 * the user is told, and "Use" on the list (or in the import report) switches. `say` false
 * leaves the telling to the import report.
 */
export function adoptNewDataset(id: number, say = true): void {
  const app = useAppStore()
  const datasets = useDatasetStore()
  const active = datasets.datasets.find((d) => d.id === app.activeDatasetId)
  if (!active) {
    app.setActiveDataset(id)
    return
  }
  const added = datasets.datasets.find((d) => d.id === id)
  if (say && added && added.id !== active.id)
    showInfo(t('data.list.keptActive', { name: added.name, active: active.name }))
}
