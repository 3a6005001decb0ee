import { describe, expect, it } from 'vitest'
import { TrainInput } from '../../../../src/shared/api'
import { DEFAULT_TRAIN_PARAMS } from '../../../../src/shared/params/trainParams'
import {
  estimateLevel,
  estimateText,
  numericColumns,
  trainInput,
  trainPhaseText
} from '../../../../src/renderer/src/features/train/trainForm'
import { defaultTrainForm } from '../../../../src/renderer/src/features/train/trainParameters'

describe('trainInput', () => {
  it('sends the defaults as main’s TrainInput schema accepts them', () => {
    const input = trainInput(defaultTrainForm(), 3)
    expect(TrainInput.parse(input)).toEqual({ ...DEFAULT_TRAIN_PARAMS, ...input })
    expect(input).toMatchObject({
      datasetId: 3,
      trees: 200,
      maxFeatures: 'sqrt',
      testSize: 0.2,
      smote: false
    })
    // Automatic mapping, no name and no activation are left to main's defaults.
    expect(input).not.toHaveProperty('map')
    expect(input).not.toHaveProperty('name')
    expect(input).not.toHaveProperty('activate')
  })

  it('sends a number of features per split, the chosen columns, the name and the activation', () => {
    const form = defaultTrainForm()
    form.featuresPerSplit = 'number'
    form.featuresNumber = 6
    form.testSharePercent = 12.5
    form.map.Credit_Score = 'CIBIL'
    form.name = '  March model  '
    form.activate = true
    const input = trainInput(form, 1)
    expect(TrainInput.parse(input)).toEqual({ ...DEFAULT_TRAIN_PARAMS, ...input })
    expect(input).toMatchObject({
      maxFeatures: 6,
      testSize: 0.125,
      map: { Credit_Score: 'CIBIL' },
      name: 'March model',
      activate: true
    })
  })
})

describe('training words', () => {
  it('keeps only numeric columns for the engineered-feature roles', () => {
    expect(
      numericColumns([
        { name: 'Age', kind: 'numeric' },
        { name: 'Region', kind: 'categorical' },
        { name: 'Customer_ID', kind: 'identifier' },
        { name: 'Default', kind: 'target' }
      ])
    ).toEqual(['Age'])
  })

  it('grades the time estimate and says it in words', () => {
    expect(estimateLevel(40)).toBe('quick')
    expect(estimateLevel(300)).toBe('long')
    expect(estimateLevel(3600)).toBe('very long')
    expect(estimateText(0.4)).toBe('under a second')
    expect(estimateText(750)).toBe('about 12 min 30 s')
  })

  it('says the phase, with trees done while they grow', () => {
    expect(trainPhaseText('training', 12, 30)).toBe('Growing trees: 12 of 30')
    expect(trainPhaseText('smote', 0, 1)).toContain('SMOTE')
    expect(trainPhaseText('starting', 0, 0)).toBe('Starting…')
  })
})
