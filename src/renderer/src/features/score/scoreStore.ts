import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { FileCheck, PickedFile } from '../../../../shared/api'
import type { BatchSummary, InputFieldInfo, ScoreResult } from '../../../../shared/dto'
import { resultOf, type JobInfo } from '../../../../shared/jobs'
import { call, errorMessage, registerDroppedFile } from '../../api/client'
import { useJobStore } from '../../stores/jobStore'
import { useAction } from '../../ui/composables/useAction'
import { applicantInput } from './applicantForm'

/**
 * The Score screen's state: the applicant form of the active model with its last result,
 * and the batch flow (file → column check → scoring job → summary). Kept here so both
 * survive leaving the screen.
 */
export const useScoreStore = defineStore('score', () => {
  const jobs = useJobStore()
  const tab = ref<'one' | 'batch'>('one')

  // One applicant.
  const fieldsModelId = ref<number | null>(null)
  const fields = ref<InputFieldInfo[]>([])
  const fieldsError = ref<string | null>(null)
  const values = ref<Record<string, string>>({})
  const result = ref<ScoreResult | null>(null)

  /** The form of a model's inputs; what was typed is kept for fields the model shares. */
  async function loadFields(modelId: number): Promise<void> {
    if (fieldsModelId.value === modelId && fields.value.length) return
    try {
      const loaded = await call('scoring/fields', { modelId })
      const kept: Record<string, string> = {}
      for (const f of loaded.fields) kept[f.name] = values.value[f.name] ?? ''
      fields.value = loaded.fields
      values.value = kept
      fieldsModelId.value = loaded.modelId
      fieldsError.value = null
      if (result.value && result.value.Model_Version !== loaded.modelId) result.value = null
    } catch (e) {
      fieldsError.value = errorMessage(e)
    }
  }

  async function scoreOne(): Promise<ScoreResult> {
    if (fieldsModelId.value === null) throw new Error('The form is not loaded')
    result.value = await call('scoring/scoreOne', {
      input: applicantInput(fields.value, values.value),
      modelId: fieldsModelId.value
    })
    return result.value
  }

  // Batch.
  const file = ref<PickedFile | null>(null)
  const check = ref<FileCheck | null>(null)
  const checker = useAction(
    (picked: PickedFile, modelId: number) => call('scoring/checkFile', { handle: picked.handle, modelId }),
    { failure: (picked) => `Could not check ${picked.fileName}`, report: 'inline', latestOnly: true }
  )
  const batchJobId = ref<string | null>(null)
  const batch = ref<BatchSummary | null>(null)
  const batchError = ref<string | null>(null)
  const batchJob = computed(() => (batchJobId.value ? (jobs.jobs[batchJobId.value] ?? null) : null))
  const batchRunning = computed(() => batchJob.value?.info.status === 'running')

  /** Shows main's open dialog; nothing changes when the user cancels it. */
  async function pickFile(modelId: number): Promise<void> {
    const picked = await call('files/pickCsv', {})
    if (picked) await checkFile(picked, modelId)
  }

  async function dropFile(dropped: File, modelId: number): Promise<void> {
    await checkFile(await registerDroppedFile(dropped), modelId)
  }

  /** Checks a file's columns against a model before anything is scored. */
  async function checkFile(picked: PickedFile, modelId: number): Promise<void> {
    file.value = picked
    check.value = null
    batch.value = null
    batchError.value = null
    const checked = await checker.run(picked, modelId)
    if (checked) check.value = checked
  }

  /**
   * The model that scores now: its form is loaded, and a file checked against another model
   * is checked again (unless it is being scored).
   */
  function followModel(modelId: number): void {
    void loadFields(modelId)
    if (file.value && check.value && check.value.modelId !== modelId && !batchRunning.value)
      void checkFile(file.value, modelId)
  }

  /**
   * Asks main for the output file (its save dialog) and starts scoring; false when the
   * user cancelled the dialog.
   */
  async function startBatch(): Promise<boolean> {
    if (!file.value || !check.value) throw new Error('No file checked')
    batch.value = null
    batchError.value = null
    const started = await call('scoring/scoreFile', {
      handle: file.value.handle,
      modelId: check.value.modelId
    })
    if (!started) return false
    batchJobId.value = jobs.follow(started, finishBatch).id
    return true
  }

  async function finishBatch(done: JobInfo): Promise<void> {
    if (done.id !== batchJobId.value) return
    const batchId = resultOf(done, 'score')?.batchId
    if (batchId !== undefined) {
      try {
        batch.value = await call('scoring/batch', { id: batchId })
      } catch (e) {
        batchError.value = `The file was scored, but its summary could not be loaded: ${errorMessage(e)}`
      }
    } else if (done.status === 'failed') {
      batchError.value = done.error?.message ?? 'Scoring failed.'
    } else if (done.status === 'cancelled') {
      batchError.value = 'Scoring was cancelled: no output file was kept.'
    }
  }

  return {
    tab,
    fieldsModelId,
    fields,
    fieldsError,
    values,
    result,
    loadFields,
    scoreOne,
    file,
    check,
    checking: computed(() => checker.busy),
    checkError: computed(() => checker.error),
    batchJobId,
    batchJob,
    batchRunning,
    batch,
    batchError,
    pickFile,
    dropFile,
    checkFile,
    startBatch,
    followModel
  }
})
