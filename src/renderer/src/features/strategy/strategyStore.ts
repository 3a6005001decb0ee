import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import type { CallInput, PickedFile } from '../../../../shared/api'
import type { ThresholdChange } from '../../../../shared/dto'
import type { StrategyReport, SwapSetView } from '../../../../shared/validation'
import { call } from '../../api/client'
import { t } from '../../i18n'
import { useModelStore } from '../../stores/modelStore'
import { settleCommitteeModel } from './committeeModel'
import { useAction } from '../../ui/composables/useAction'
import { nearestIndex, startingIndex, strategyTarget, type TargetForm } from './strategyModel'

/** Applicants listed per side of the swap set (main's limit). */
export const SWAP_LIMIT = 500
/** Main is asked for the swap set once the cut-off has rested this long (a drag sends many positions). */
const SWAP_DELAY_MS = 200

/**
 * The Strategy screen's state, kept across screens: the model and loans it runs on, the ₹
 * assumptions and target, main's strategy curve, the chosen cut-off (an index into the curve,
 * so every figure shown is one main computed), the swap set against the model's threshold,
 * and the threshold history.
 */
export const useStrategyStore = defineStore('strategy', () => {
  const models = useModelStore()
  const modelId = ref<number | null>(null)
  const file = ref<PickedFile | null>(null)
  /** Shares as the form shows them, in percent; `ead` '' is the model's loan amount. */
  const settings = reactive({ lgdPercent: 45, ead: '', marginPercent: 3 })
  const target = reactive<TargetForm>({
    kind: 'max-profit',
    badRatePercent: 5,
    basis: 'expected',
    approvalPercent: 70
  })
  const columns = ref<string[]>([])
  const report = shallowRef<StrategyReport | null>(null)
  const index = ref(0)
  const swap = shallowRef<SwapSetView | null>(null)
  const history = ref<ThresholdChange[]>([])

  const population = computed(() => ({
    modelId: modelId.value ?? undefined,
    handle: file.value?.handle
  }))
  const request = computed<CallInput<'committee/strategy'>>(() => ({
    ...population.value,
    lgd: settings.lgdPercent / 100,
    ead: settings.ead || undefined,
    margin: settings.marginPercent / 100,
    target: strategyTarget(target)
  }))

  const curve = computed(() => report.value?.result.curve ?? [])
  const point = computed(() => curve.value[index.value] ?? null)
  const cutoff = computed(() => point.value?.cutoff ?? null)

  const loader = useAction((input: CallInput<'committee/strategy'>) => call('committee/strategy', input), {
    failure: () => t('strategy.loadFailed'),
    report: 'inline',
    latestOnly: true
  })
  const columnLoader = useAction(
    (input: CallInput<'committee/columns'>) => call('committee/columns', input),
    { failure: () => t('strategy.columnsFailed'), latestOnly: true }
  )
  const swapLoader = useAction((input: CallInput<'committee/swapSet'>) => call('committee/swapSet', input), {
    failure: () => t('strategy.swap.failed'),
    report: 'inline',
    latestOnly: true
  })
  const historyLoader = useAction((id: number) => call('committee/thresholdHistory', { modelId: id }), {
    failure: () => t('strategy.history.failed'),
    report: 'inline',
    latestOnly: true
  })
  const loading = computed(() => loader.busy)
  const error = computed(() => loader.error)
  const swapBusy = computed(() => swapLoader.busy)
  const swapError = computed(() => swapLoader.error)
  const historyError = computed(() => historyLoader.error)

  /** Asks main for the strategy; `keep` keeps the chosen cut-off (an assumption changed, not the rows). */
  async function load(keep: boolean): Promise<void> {
    const previous = keep ? cutoff.value : null
    const loaded = await loader.run(request.value)
    if (!loaded) {
      // Figures of other settings must not stay on screen beside the error about these.
      if (loader.error) {
        report.value = null
        swap.value = null
      }
      return
    }
    report.value = loaded
    index.value = startingIndex(loaded, previous)
    void loadHistory()
  }

  async function loadColumns(): Promise<void> {
    const listed = await columnLoader.run(population.value)
    if (listed) columns.value = listed
    if (settings.ead && !columns.value.includes(settings.ead)) settings.ead = ''
  }

  async function loadHistory(): Promise<void> {
    const id = report.value?.model.id
    if (id === undefined) return
    const listed = await historyLoader.run(id)
    if (listed) history.value = listed
  }

  /** Opens the screen: the active model by default, then the curve and the columns. */
  async function open(): Promise<void> {
    // A model newly set is loaded by the watcher on the population below.
    if ((await settleCommitteeModel(models, modelId)) && !report.value)
      await Promise.all([load(false), loadColumns()])
  }

  /** Moves the cut-off to the curve point nearest `value` (a share). */
  function moveTo(value: number): void {
    const i = nearestIndex(curve.value, value)
    if (i >= 0) index.value = i
  }

  /** Makes the chosen cut-off the model's decision threshold, with the reason; then reloads what depends on it. */
  async function apply(reason: string): Promise<ThresholdChange> {
    const id = report.value?.model.id
    const value = cutoff.value
    if (id === undefined || value === null) throw new Error('No strategy is shown')
    const change = await call('committee/applyThreshold', { modelId: id, threshold: value, reason })
    await Promise.all([models.refresh(), load(true)])
    return change
  }

  let swapTimer: ReturnType<typeof setTimeout> | undefined
  function scheduleSwap(): void {
    clearTimeout(swapTimer)
    swapTimer = setTimeout(() => void loadSwap(), SWAP_DELAY_MS)
  }
  async function loadSwap(): Promise<void> {
    const shown = report.value
    const to = cutoff.value
    if (!shown || to === null) return
    const loaded = await swapLoader.run({
      ...request.value,
      target: undefined,
      from: shown.result.modelThreshold,
      to,
      limit: SWAP_LIMIT
    })
    if (loaded) swap.value = loaded
  }

  // New rows (another model or file): the columns and a fresh curve; new assumptions: the
  // same cut-off on a new curve; a new target: its recommended cut-off.
  watch(population, () => {
    if (modelId.value === null) return
    report.value = null
    swap.value = null
    void Promise.all([load(false), loadColumns()])
  })
  watch(
    () => [settings.lgdPercent, settings.ead, settings.marginPercent],
    () => void load(true)
  )
  watch(
    () => JSON.stringify(strategyTarget(target)),
    () => void load(false)
  )
  watch([cutoff, report], scheduleSwap)

  return {
    modelId,
    file,
    settings,
    target,
    columns,
    report,
    index,
    curve,
    point,
    cutoff,
    swap,
    history,
    loading,
    error,
    swapBusy,
    swapError,
    historyError,
    open,
    load,
    moveTo,
    apply
  }
})
