import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { FileCheck, PickedFile, ScoringForm } from '../../../../shared/api'
import type { BatchSummary, OverrideInfo, ScoreResult } from '../../../../shared/dto'
import { lang, t } from '../../i18n'
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
  /** The model's fields, dictionary and policy: what the form asks and checks. */
  const form = ref<ScoringForm | null>(null)
  const fields = computed(() => form.value?.fields ?? [])
  const fieldsError = ref<string | null>(null)
  const values = ref<Record<string, string>>({})
  /** Who the application is for (name, customer id, application number). */
  const reference = ref({ name: '', customerId: '', applicationNo: '' })
  const result = ref<ScoreResult | null>(null)
  /** The form as it was when `result` was scored: any edit since makes the result out of date. */
  const scoredAs = ref<string | null>(null)
  /** Officers' decisions recorded on the shown result, the latest first. */
  const overrides = ref<OverrideInfo[]>([])

  const snapshot = (): string =>
    JSON.stringify({ model: fieldsModelId.value, values: values.value, reference: reference.value })
  /** True when the form changed after the shown result was scored: the result is not this applicant's. */
  const stale = computed(() => result.value !== null && scoredAs.value !== snapshot())

  /** The form of a model's inputs; what was typed is kept for fields the model shares. */
  async function loadFields(modelId: number): Promise<void> {
    if (fieldsModelId.value === modelId && form.value) return
    try {
      const loaded = await call('scoring/fields', { modelId })
      const kept: Record<string, string> = {}
      for (const f of loaded.fields) kept[f.name] = values.value[f.name] ?? ''
      form.value = loaded
      values.value = kept
      fieldsModelId.value = loaded.modelId
      fieldsError.value = null
      if (result.value && result.value.Model_Version !== loaded.modelId) result.value = null
    } catch (e) {
      fieldsError.value = errorMessage(e)
    }
  }

  async function scoreOne(): Promise<ScoreResult> {
    if (fieldsModelId.value === null || !form.value) throw new Error('The form is not loaded')
    const asked = snapshot()
    const scored = await call('scoring/scoreOne', {
      input: applicantInput(form.value, values.value),
      modelId: fieldsModelId.value,
      reference: reference.value,
      lang: lang.value
    })
    result.value = scored
    scoredAs.value = asked
    overrides.value = []
    return scored
  }

  /** Empties the form and the reference, and forgets the result. */
  function clear(): void {
    values.value = Object.fromEntries(fields.value.map((f) => [f.name, '']))
    reference.value = { name: '', customerId: '', applicationNo: '' }
    result.value = null
    scoredAs.value = null
    overrides.value = []
  }

  // Batch.
  const file = ref<PickedFile | null>(null)
  const check = ref<FileCheck | null>(null)
  const checker = useAction(
    (picked: PickedFile, modelId: number) => call('scoring/checkFile', { handle: picked.handle, modelId }),
    { failure: () => t('score.batch.checkFailed'), report: 'inline', latestOnly: true }
  )
  const checking = computed(() => checker.busy)
  const checkError = computed(() => checker.error)
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
        batchError.value = t('score.batch.summaryFailed', { error: errorMessage(e) })
      }
    } else if (done.status === 'failed') {
      batchError.value = done.error?.message ?? t('score.batch.failed')
    } else if (done.status === 'cancelled') {
      batchError.value = t('score.batch.cancelled')
    }
  }

  return {
    tab,
    fieldsModelId,
    form,
    fields,
    fieldsError,
    values,
    reference,
    result,
    stale,
    overrides,
    loadFields,
    scoreOne,
    clear,
    file,
    check,
    checking,
    checkError,
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
