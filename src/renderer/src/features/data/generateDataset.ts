import type { CallInput } from '../../../../shared/api'
import { generateParamShape } from '../../../../shared/params/generateParams'
import { numberBounds } from '../../../../shared/params/paramMeta'
import { type NumberLimits, SEED_LIMITS } from '../../ui/limits'

/** The Data screen's "Generate synthetic data" form, as the user edits it (the rate in percent). */
export interface GenerateForm {
  rows: number
  seed: number
  defaultRatePercent: number
  name: string
}

/** The bounds of each number of the form: what main's datasets/generate accepts (the shared generate schema). */
export const GENERATE_LIMITS = {
  rows: { ...bounds('rows'), step: 1000 },
  seed: SEED_LIMITS,
  // The schema takes any rate strictly between 0 and 1; the form offers 0.5 % to 90 %.
  defaultRatePercent: { min: 0.5, max: 90, step: 0.5, precision: 1 }
} satisfies Record<string, NumberLimits>

function bounds(key: keyof typeof generateParamShape): { min: number; max: number } {
  const { min, max } = numberBounds(generateParamShape[key])
  return { min, max }
}

/** The form as it first opens. */
export function defaultGenerateForm(): GenerateForm {
  return { rows: 20_000, seed: 42, defaultRatePercent: 10, name: '' }
}

/** The datasets/generate input for the form; an empty name is left to main's default. */
export function generateInput(form: GenerateForm): CallInput<'datasets/generate'> {
  const name = form.name.trim()
  return {
    rows: form.rows,
    seed: form.seed,
    defaultRate: form.defaultRatePercent / 100,
    ...(name ? { name } : {})
  }
}
