import { describe, expect, it } from 'vitest'
import { TrainInput } from '../../../../src/shared/api'
import { trainInput, type TrainForm } from '../../../../src/renderer/src/features/train/trainForm'
import { defaultTrainForm, TRAIN_LIMITS } from '../../../../src/renderer/src/features/train/trainParameters'

/** The form with one number set, as main would receive it. */
function inputWith(field: keyof typeof TRAIN_LIMITS, value: number) {
  const form: TrainForm = { ...defaultTrainForm(), [field]: value }
  return trainInput(form, 1)
}

describe('TRAIN_LIMITS', () => {
  it('lets the form reach every bound main accepts, and no further', () => {
    // highRiskCut is any finite number for main: the form only keeps it to a sensible range.
    const bounded = (Object.keys(TRAIN_LIMITS) as (keyof typeof TRAIN_LIMITS)[]).filter(
      (f) => f !== 'highRiskCut'
    )
    for (const field of bounded) {
      const { min, max } = TRAIN_LIMITS[field]
      expect(TrainInput.safeParse(inputWith(field, min)).success, `${field} = ${min}`).toBe(true)
      expect(TrainInput.safeParse(inputWith(field, max)).success, `${field} = ${max}`).toBe(true)
      expect(TrainInput.safeParse(inputWith(field, max + 1)).success, `${field} = ${max + 1}`).toBe(false)
      if (min > 0)
        expect(TrainInput.safeParse(inputWith(field, min - 1)).success, `${field} = ${min - 1}`).toBe(false)
    }
  })

  it('opens the form on defaults that lie within the bounds', () => {
    const form = defaultTrainForm()
    for (const [field, { min, max }] of Object.entries(TRAIN_LIMITS)) {
      const value = form[field as keyof typeof TRAIN_LIMITS]
      expect(value).toBeGreaterThanOrEqual(min)
      expect(value).toBeLessThanOrEqual(max)
    }
  })
})
