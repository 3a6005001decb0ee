import type { Ref } from 'vue'
import type { useModelStore } from '../../stores/modelStore'

/**
 * Waits for the model list, then keeps `modelId` on a listed model (the active one by default,
 * else the newest); true when it already was one, so the caller loads what the watcher on the
 * model would not.
 */
export async function settleCommitteeModel(
  models: ReturnType<typeof useModelStore>,
  modelId: Ref<number | null>
): Promise<boolean> {
  await models.init()
  // init() returns at once when another screen started it: wait for the list itself.
  if (!models.loaded) await models.refresh()
  const before = modelId.value
  if (modelId.value === null || !models.models.some((m) => m.id === modelId.value))
    modelId.value = models.activeModel?.id ?? models.models[models.models.length - 1]?.id ?? null
  return modelId.value !== null && modelId.value === before
}
