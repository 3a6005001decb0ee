import type { ModelSummary } from '../../../../shared/dto'
import { useModelStore } from '../../stores/modelStore'
import { useAction } from '../../ui/composables/useAction'
import { modelLabel } from './modelText'

/** Making a model the one that scores applicants; busy per model (`busyFor(model.id)`). */
export function useActivateModel() {
  const models = useModelStore()
  return useAction((model: ModelSummary) => models.activate(model.id), {
    failure: 'Could not make the model active',
    success: (_done, model) => `${modelLabel(model)} now scores applicants.`,
    key: (model) => model.id
  })
}
