import type { ModelSummary } from '../../../../shared/dto'
import type { ModelEvaluation, ThresholdEvaluation } from '../../../../shared/evaluation'
import { formatCount, formatPercent } from '../../ui/format'
import { t } from '../../i18n'
import { ENGINE_CHOICES, engineParamKeys, type EngineChoice } from '../../../../shared/params/trainParams'
import { engineName } from '../train/engineSettings'

/**
 * A model's training parameters in one short line, the engine's own settings first: "200
 * trees · depth 15 · leaf 1 · √ features · SMOTE k=5 · isotonic", "Points scorecard · 600 at
 * 50:1, PDO 20 · up to 8 bins · no SMOTE · …". Stored parameters hold every engine's
 * settings; only those the model's engine reads are told.
 */
export function describeParams(params: Record<string, unknown>): string {
  const engine = typeof params.engine === 'string' ? params.engine : 'forest'
  const reads = new Set<string>(
    (ENGINE_CHOICES as readonly string[]).includes(engine)
      ? engineParamKeys(engine as EngineChoice)
      : Object.keys(params)
  )
  const own = (key: string): unknown => (reads.has(key) ? params[key] : undefined)
  const parts: string[] = []
  if (engine !== 'forest') parts.push(engineName(engine))
  const trees = own('trees')
  const depth = own('maxDepth')
  const leaf = own('minSamplesLeaf')
  if (typeof trees === 'number') parts.push(t('models.params.trees', { n: trees }))
  if (typeof depth === 'number') parts.push(t('models.params.depth', { n: depth }))
  if (typeof leaf === 'number') parts.push(t('models.params.leaf', { n: leaf }))
  const mf = own('maxFeatures')
  if (mf === 'sqrt') parts.push(t('models.params.sqrt'))
  else if (mf === 'log2') parts.push(t('models.params.log2'))
  else if (mf === 'all') parts.push(t('models.params.all'))
  else if (typeof mf === 'number') parts.push(t('models.params.features', { n: mf }))
  const [pdo, base, odds, bins] = ['pdo', 'basePoints', 'baseOdds', 'maxBins'].map(own)
  if (typeof pdo === 'number' && typeof base === 'number' && typeof odds === 'number')
    parts.push(t('models.params.scale', { base, odds, pdo }))
  if (typeof bins === 'number') parts.push(t('models.params.bins', { n: bins }))
  if (typeof own('budgetSeconds') === 'number')
    parts.push(t('models.params.budget', { s: own('budgetSeconds') as number }))
  if (params.smote === true)
    parts.push(t('models.params.smote', { k: typeof params.smoteK === 'number' ? params.smoteK : 5 }))
  else if (params.smote === false) parts.push(t('models.params.noSmote'))
  if (typeof params.testSize === 'number')
    parts.push(t('models.params.test', { share: formatPercent(params.testSize, 0) }))
  const calibration = params.calibration
  if (calibration === 'isotonic' || calibration === 'platt' || calibration === 'none')
    parts.push(t(`models.params.calibration.${calibration}`))
  else if (typeof calibration === 'string') parts.push(calibration)
  if (typeof params.seed === 'number') parts.push(t('models.params.seed', { n: params.seed }))
  return parts.join(' · ')
}

/** "#3 Forest 200×15 on …": how a model is named in lists and pickers. */
export function modelLabel(model: Pick<ModelSummary, 'id' | 'name'>): string {
  return `#${model.id} ${model.name}`
}

/** Where the evaluation's figures come from, in words a risk committee reads. */
export function evaluatedOnText(evaluation: ModelEvaluation): string {
  const n = formatCount(evaluation.metrics.numRows)
  const key =
    evaluation.evaluatedOn === 'test'
      ? 'models.page.evaluatedTest'
      : evaluation.evaluatedOn === 'cross-fitted'
        ? 'models.page.evaluatedCrossFitted'
        : 'models.page.evaluatedOob'
  return t(key, { n })
}

/** The training rows in words: "2,400 training rows (+1,884 synthetic from SMOTE), 600 held out". */
export function rowsText(evaluation: ModelEvaluation): string {
  const { train, test, synthetic } = evaluation.rows
  const parts = [t('models.page.trainingRows', { n: formatCount(train) })]
  if (synthetic > 0) parts[0] += t('models.page.synthetic', { n: formatCount(synthetic) })
  if (test > 0) parts.push(t('models.page.heldOut', { n: formatCount(test) }))
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
  return t('models.threshold.words', {
    threshold: formatPercent(r.threshold),
    tp: formatCount(tp),
    defaulters: formatCount(defaulters),
    caught: formatPercent(defaulters ? tp / defaulters : 0),
    fp: formatCount(fp),
    repaid: formatCount(repaid),
    flagged: formatPercent(repaid ? fp / repaid : 0)
  })
}

/** Whether two models were tested on the same held-out rows, and if not, why (for the comparison's caption). */
export function sameTestRows(
  a: { summary: ModelSummary; evaluation: ModelEvaluation },
  b: { summary: ModelSummary; evaluation: ModelEvaluation }
): { same: true } | { same: false; why: string } {
  const why: string[] = []
  const pa = a.summary.params
  const pb = b.summary.params
  if (a.summary.datasetId === null || b.summary.datasetId === null) why.push(t('models.compare.whyDeleted'))
  else if (a.summary.datasetId !== b.summary.datasetId) why.push(t('models.compare.whyDataset'))
  if (pa.seed !== pb.seed) why.push(t('models.compare.whySeed'))
  if (pa.testSize !== pb.testSize) why.push(t('models.compare.whyTestShare'))
  if (a.evaluation.evaluatedOn !== 'test' || b.evaluation.evaluatedOn !== 'test')
    why.push(t('models.compare.whyOob'))
  return why.length ? { same: false, why: why.join(', ') } : { same: true }
}

/**
 * The threshold at which a model flags `rate` of its evaluated applicants, from its stored
 * per-bin score counts (0.001 grid): the lowest cut that flags no more than that share.
 */
export function thresholdForFlagRate(counts: ModelEvaluation['scoreCounts'], rate: number): number {
  const bins = counts.positive.length
  let total = 0
  for (let b = 0; b < bins; b++) total += counts.positive[b] + counts.negative[b]
  let flagged = 0
  for (let cut = bins - 1; cut >= 0; cut--) {
    const next = flagged + counts.positive[cut] + counts.negative[cut]
    if (total > 0 && next / total > rate) return (cut + 1) / 1000
    flagged = next
  }
  return 0
}
