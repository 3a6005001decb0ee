import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { CallInput, PickedFile } from '../../../../shared/api'
import type { ValidationPack } from '../../../../shared/validation'
import { call } from '../../api/client'
import { t } from '../../i18n'
import { useModelStore } from '../../stores/modelStore'
import { settleCommitteeModel } from '../strategy/committeeModel'
import { useAction } from '../../ui/composables/useAction'

type ValidateInput = CallInput<'committee/validate'>

/**
 * The Validation screen's state, kept across screens: the model, the loans (held-out rows or
 * a newer file), the segment columns, and the last pack with the settings it was run with
 * (the PDF is written from the same settings, and the screen says when they changed since).
 */
export const useValidationStore = defineStore('validation', () => {
  const models = useModelStore()
  const modelId = ref<number | null>(null)
  const file = ref<PickedFile | null>(null)
  const segments = ref<string[]>([])
  const columns = ref<string[]>([])
  const pack = shallowRef<ValidationPack | null>(null)
  const ranWith = shallowRef<ValidateInput | null>(null)

  const population = computed(() => ({ modelId: modelId.value ?? undefined, handle: file.value?.handle }))
  const request = computed<ValidateInput>(() => ({
    ...population.value,
    segments: segments.value.length ? [...segments.value] : undefined
  }))
  const stale = computed(
    () => pack.value !== null && JSON.stringify(ranWith.value) !== JSON.stringify(request.value)
  )

  const runner = useAction((input: ValidateInput) => call('committee/validate', input), {
    failure: () => t('validation.runFailed'),
    report: 'inline'
  })
  const columnLoader = useAction(
    (input: CallInput<'committee/columns'>) => call('committee/columns', input),
    { failure: () => t('validation.columnsFailed'), latestOnly: true }
  )
  const saver = useAction((input: ValidateInput) => call('committee/validationReport', input), {
    failure: () => t('validation.reportFailed'),
    success: (saved) => t('validation.reportSaved', { path: saved.path }),
    declined: () => t('validation.reportDeclined')
  })
  const running = computed(() => runner.busy)
  const error = computed(() => runner.error)
  const saving = computed(() => saver.busy)

  async function run(): Promise<void> {
    const input = request.value
    const computed = await runner.run(input)
    if (!computed) return
    pack.value = computed
    ranWith.value = input
  }

  /** Writes the shown pack as a PDF (main asks where), from the settings it was computed with. */
  async function save(): Promise<void> {
    if (ranWith.value) await saver.run(ranWith.value)
  }

  async function loadColumns(): Promise<void> {
    const listed = await columnLoader.run(population.value)
    if (!listed) return
    columns.value = listed
    segments.value = segments.value.filter((s) => listed.includes(s))
  }

  /** Opens the screen: the active model by default, and the columns to segment on. */
  async function open(): Promise<void> {
    // A model newly set has its columns loaded by the watcher on the population below.
    if ((await settleCommitteeModel(models, modelId)) && columns.value.length === 0) await loadColumns()
  }

  watch(population, () => {
    if (modelId.value !== null) void loadColumns()
  })

  return {
    modelId,
    file,
    segments,
    columns,
    pack,
    stale,
    running,
    error,
    saving,
    run,
    save,
    open
  }
})
