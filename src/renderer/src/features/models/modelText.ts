import type { ModelSummary } from '../../../../shared/dto'
import type { ModelEvaluation, ThresholdEvaluation } from '../../../../shared/evaluation'
import { formatCount, formatPercent } from '../../ui/format'

/** A model's training parameters in one short line: "200 trees · depth 15 · leaf 1 · √ features · SMOTE k=5 · isotonic". */
export function describeParams(params: Record<string, unknown>): string {
  const parts: string[] = []
  if (params.engine === 'ml-random-forest') parts.push('ml-random-forest')
  if (typeof params.trees === 'number') parts.push(`${params.trees} trees`)
  if (typeof params.maxDepth === 'number') parts.push(`depth ${params.maxDepth}`)
  if (typeof params.minSamplesLeaf === 'number') parts.push(`leaf ${params.minSamplesLeaf}`)
  const mf = params.maxFeatures
  if (mf === 'sqrt') parts.push('√ features')
  else if (mf === 'log2') parts.push('log₂ features')
  else if (mf === 'all') parts.push('all features')
  else if (typeof mf === 'number') parts.push(`${mf} features`)
  if (params.smote === true) parts.push(`SMOTE k=${typeof params.smoteK === 'number' ? params.smoteK : 5}`)
  else if (params.smote === false) parts.push('no SMOTE')
  if (typeof params.testSize === 'number') parts.push(`test ${formatPercent(params.testSize, 0)}`)
  if (typeof params.calibration === 'string') parts.push(params.calibration)
  if (typeof params.seed === 'number') parts.push(`seed ${params.seed}`)
  return parts.join(' · ')
}

/** "#3 Forest 200×15 on …": how a model is named in lists and pickers. */
export function modelLabel(model: Pick<ModelSummary, 'id' | 'name'>): string {
  return `#${model.id} ${model.name}`
}

/** Where the evaluation's figures come from, in words a risk committee reads. */
export function evaluatedOnText(evaluation: ModelEvaluation): string {
  const n = formatCount(evaluation.metrics.numRows)
  if (evaluation.evaluatedOn === 'test') return `Evaluated on ${n} held-out rows never seen in training.`
  if (evaluation.evaluatedOn === 'cross-fitted')
    return `Evaluated on ${n} training rows, each scored by a model fitted on the other folds (no test share was held out).`
  return `Evaluated on ${n} out-of-bag rows: each tree is judged only on rows it was not grown on (no test share was held out).`
}

/** The training rows in words: "2,400 training rows (+1,884 synthetic from SMOTE), 600 held out". */
export function rowsText(evaluation: ModelEvaluation): string {
  const { train, test, synthetic } = evaluation.rows
  const parts = [`${formatCount(train)} training rows`]
  if (synthetic > 0) parts[0] += ` (+${formatCount(synthetic)} synthetic from SMOTE)`
  if (test > 0) parts.push(`${formatCount(test)} held out`)
  return parts.join(', ')
}

/** Seconds the whole training took: preparing, SMOTE, growing the trees, evaluating. */
export function trainingSeconds(evaluation: ModelEvaluation): number {
  const s = evaluation.seconds
  return s.preparing + s.smote + s.training + s.evaluating
}

/** What a threshold does, in words: "At 10.5 %: 32 of 65 defaulters caught (49.2 %); 43 of 535 good borrowers flagged (8.0 %)." */
export function thresholdWords(r: ThresholdEvaluation): string {
  const { tp, fn, fp, tn } = r.confusion
  const defaulters = tp + fn
  const repaid = fp + tn
  return `At ${formatPercent(r.threshold)}: ${formatCount(tp)} of ${formatCount(defaulters)} defaulters caught (${formatPercent(defaulters ? tp / defaulters : 0)}); ${formatCount(fp)} of ${formatCount(repaid)} good borrowers flagged (${formatPercent(repaid ? fp / repaid : 0)}).`
}
