import { describe, expect, it } from 'vitest'
import type { ModelEvaluation, ThresholdEvaluation } from '../../../../src/shared/evaluation'
import {
  describeParams,
  evaluatedOnText,
  modelLabel,
  rowsText,
  thresholdWords,
  trainingSeconds
} from '../../../../src/renderer/src/features/models/modelText'

function evaluation(evaluatedOn: 'test' | 'oob', synthetic: number): ModelEvaluation {
  return {
    evaluatedOn,
    metrics: { numRows: 1200 } as ModelEvaluation['metrics'],
    impurityImportance: [],
    permutationImportance: [],
    scoreCounts: { negative: [], positive: [] },
    rows: { total: 6000, train: 4800, test: evaluatedOn === 'test' ? 1200 : 0, synthetic },
    seconds: { preparing: 0, smote: 0, training: 0, evaluating: 0 },
    notes: []
  }
}

describe('model words', () => {
  it('describes the training parameters on one line', () => {
    expect(
      describeParams({
        engine: 'forest',
        trees: 200,
        maxDepth: 15,
        minSamplesLeaf: 1,
        maxFeatures: 'sqrt',
        smote: true,
        smoteK: 5,
        testSize: 0.2,
        calibration: 'isotonic',
        seed: 42
      })
    ).toBe('200 trees · depth 15 · leaf 1 · √ features · SMOTE k=5 · test 20 % · isotonic · seed 42')
    expect(describeParams({ engine: 'ml-random-forest', maxFeatures: 4, smote: false })).toBe(
      'ml-random-forest · 4 features · no SMOTE'
    )
  })

  it('says the figures come from rows the model never saw', () => {
    expect(evaluatedOnText(evaluation('test', 0))).toBe(
      'Evaluated on 1,200 held-out rows never seen in training.'
    )
    expect(evaluatedOnText(evaluation('oob', 0))).toContain('out-of-bag')
    expect(rowsText(evaluation('test', 3000))).toBe(
      '4,800 training rows (+3,000 synthetic from SMOTE), 1,200 held out'
    )
    expect(modelLabel({ id: 7, name: 'Forest' })).toBe('#7 Forest')
  })
})

describe('threshold and timing words', () => {
  it('counts the defaulters caught and the good borrowers flagged at a threshold', () => {
    const at = { threshold: 0.105, confusion: { tp: 32, fn: 33, fp: 43, tn: 492 } } as ThresholdEvaluation
    expect(thresholdWords(at)).toBe(
      'At 10.5 %: 32 of 65 defaulters caught (49.2 %); 43 of 535 good borrowers flagged (8.0 %).'
    )
    const empty = { threshold: 0.5, confusion: { tp: 0, fn: 0, fp: 0, tn: 0 } } as ThresholdEvaluation
    expect(thresholdWords(empty)).toContain('0 of 0 defaulters caught (0.0 %)')
  })

  it('adds the phases of a training into its time', () => {
    const e = { seconds: { preparing: 0.25, smote: 0.5, training: 2, evaluating: 0.75 } } as ModelEvaluation
    expect(trainingSeconds(e)).toBe(3.5)
  })
})
