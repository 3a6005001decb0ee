import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { PickedFile } from '../../../../shared/api'
import type { CsvPreview, DatasetDetail } from '../../../../shared/dto'
import { resultOf, type JobInfo } from '../../../../shared/jobs'
import { call, registerDroppedFile } from '../../api/client'
import { useAppStore, useDatasetStore, useJobStore } from '../../stores'
import { useAction } from '../../ui/composables/useAction'
import { showError } from '../../ui/notify'
import type { FeatureKind } from './importChoices'

/** What the user chose in the import dialog. */
export interface ImportChoices {
  name?: string
  target: string
  positive?: string
  kinds?: Record<string, FeatureKind>
}

/**
 * The CSV import flow, shared by the Import button and a file dropped on the window:
 * pick (main's dialog) → preview → choices → import job → report.
 */
export const useImportStore = defineStore('import', () => {
  const app = useAppStore()
  const datasets = useDatasetStore()
  const jobs = useJobStore()
  const file = ref<PickedFile | null>(null)
  const preview = ref<CsvPreview | null>(null)
  const previewer = useAction((picked: PickedFile) => call('datasets/preview', { handle: picked.handle }), {
    failure: (picked) => `Could not open ${picked.fileName}`
  })
  const dialogOpen = ref(false)
  /** Why the last preview or import failed, shown in the dialog. */
  const error = ref<string | null>(null)
  const lastChoices = ref<ImportChoices | null>(null)
  const report = ref<DatasetDetail | null>(null)
  const reportOpen = ref(false)

  /** Shows main's open dialog; does nothing when the user cancels it. */
  async function pick(): Promise<void> {
    const picked = await call('files/pickCsv', {})
    if (picked) await open(picked)
  }

  /** Starts the flow for a file dropped on the window. */
  async function fromDrop(dropped: File): Promise<void> {
    await open(await registerDroppedFile(dropped))
  }

  async function open(picked: PickedFile): Promise<void> {
    dialogOpen.value = false
    file.value = picked
    preview.value = null
    error.value = null
    lastChoices.value = null
    const previewed = await previewer.run(picked)
    if (!previewed) return
    preview.value = previewed
    dialogOpen.value = true
  }

  /**
   * Starts the import job and closes the dialog; when the job ends, shows the report, or
   * reopens the dialog with the reason it failed so the user can change a choice.
   */
  async function start(choices: ImportChoices): Promise<JobInfo> {
    if (!file.value) throw new Error('No file chosen')
    error.value = null
    lastChoices.value = choices
    const job = jobs.follow(await call('datasets/import', { handle: file.value.handle, ...choices }), finish)
    dialogOpen.value = false
    return job
  }

  async function finish(job: JobInfo): Promise<void> {
    try {
      const imported = resultOf(job, 'import')
      if (imported) {
        await datasets.refresh()
        app.setActiveDataset(imported.datasetId)
        await showReport(imported.datasetId)
      } else if (job.status === 'failed') {
        error.value = job.error?.message ?? 'The import failed; nothing was saved.'
        dialogOpen.value = true
      }
    } catch (e) {
      showError(e, 'The import finished but its report could not be shown')
    }
  }

  /** Opens the import report of a dataset (rows imported, rejected lines and why). */
  async function showReport(id: number): Promise<void> {
    report.value = await call('datasets/get', { id })
    reportOpen.value = true
  }

  function closeDialog(): void {
    dialogOpen.value = false
  }

  return {
    file,
    preview,
    previewing: computed(() => previewer.busy),
    dialogOpen,
    error,
    lastChoices,
    report,
    reportOpen,
    pick,
    fromDrop,
    start,
    showReport,
    closeDialog
  }
})
