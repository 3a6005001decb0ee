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
    // Automatic mapping and no name are left to main's defaults; a model is never made active from here.
    expect(input).not.toHaveProperty('map')
    expect(input).not.toHaveProperty('name')
    expect(input).not.toHaveProperty('activate')
  })

  it('sends a number of features per split, the chosen columns and the name', () => {
    const form = defaultTrainForm()
    form.settings.maxFeatures = 6
    form.testSharePercent = 12.5
    form.map.Credit_Score = 'CIBIL'
    form.name = '  March model  '
    const input = trainInput(form, 1)
    expect(TrainInput.parse(input)).toEqual({ ...DEFAULT_TRAIN_PARAMS, ...input })
    expect(input).toMatchObject({
      maxFeatures: 6,
      testSize: 0.125,
      map: { Credit_Score: 'CIBIL' },
      name: 'March model'
    })
    expect(input).not.toHaveProperty('activate')
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
    expect(trainPhaseText('training', 12, 30, 'forest')).toBe('Growing trees: 12 of 30')
    expect(trainPhaseText('smote', 0, 1, 'forest')).toContain('SMOTE')
    expect(trainPhaseText('starting', 0, 0, 'forest')).toBe('Starting…')
  })

  it('says what a scorecard does instead of trees, and counts the candidates of auto from one', () => {
    expect(trainPhaseText('training', 0, 1, 'scorecard')).toBe('Fitting the Points scorecard…')
    // main reports candidates finished; the title names the one under way.
    expect(trainPhaseText('searching', 0, 5, 'auto')).toBe('Cross-validating candidates: 1 of 5')
    expect(trainPhaseText('searching', 5, 5, 'auto')).toBe('Cross-validating candidates: 5 of 5')
    expect(trainPhaseText('keeping', 2, 5, 'auto')).toBe('Training and keeping each candidate: 3 of 5')
  })
})
