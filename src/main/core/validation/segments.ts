import type { SegmentRow, SegmentsResult } from '../../../shared/validation'
import { rocCurve } from '../ml/metrics'
import { deriveSeed } from '../base/random'
import { checkRows, ratio } from './checks'
import { percent } from './format'
import { DEFAULT_BOOTSTRAP, discrimination } from './discrimination'
import { VALIDATION_THRESHOLDS, type ValidationThresholds } from './thresholds'

/**
 * Fair treatment across segments: per value of each segment column (a region, a product, or a
 * protected attribute such as gender or caste that the model never saw and that only the
 * validation file carries) the approval rate, bad rate and AUC at the model's cut-off, and two
 * flags.
 *
 * Approval at equal risk. The adverse impact ratio of fair-lending reviews compares approval
 * rates, but a raw ratio mixes unfair treatment with real differences in risk. Within a risk
 * grade the comparison is empty: approval is a function of the PD, so equal PDs are approved
 * alike by construction. What can differ is how the model treats applicants who are in fact
 * equally good. So the ratio compares approval rates among applicants who REPAID (the
 * "equal opportunity" criterion, Hardt, Price & Srebro 2016): a segment whose repayers are
 * approved at under four fifths of the rate of the best segment's repayers is flagged. The
 * raw ratio is reported beside it, unflagged. Without outcomes the equal-risk ratio cannot
 * be formed and nothing is flagged.
 *
 * AUC materially lower: at least `segmentAucGap` below the overall AUC, on at least
 * `segmentMinClass` rows of each class, and with the segment's bootstrap interval wholly
 * below the overall AUC, so that neither a small gap nor a noisy small segment is flagged.
 */

export interface SegmentColumn {
  name: string
  values: readonly (string | null)[]
}

/** Beyond this many values a column's rarest ones are pooled as "(other)". */
const MAX_LEVELS = 30
const MISSING = '(missing)'
const OTHER = '(other)'

export const SEGMENT_DEFINITIONS = {
  equalRisk: `Approval rate among applicants who repaid, divided by that of the segment (of the same column, with at least ${VALIDATION_THRESHOLDS.segmentMinRepaid} repayers) whose repayers are approved most often; flagged below ${VALIDATION_THRESHOLDS.fourFifths} (the four-fifths rule).`,
  lowAuc: `AUC at least ${VALIDATION_THRESHOLDS.segmentAucGap} below the overall AUC, with at least ${VALIDATION_THRESHOLDS.segmentMinClass} defaults and repayments in the segment and its 95 % bootstrap interval below the overall AUC.`
}

/** Per segment value: rows, approval rate, bad rate, AUC with interval, equal-risk impact ratio and flags. */
export function segmentAnalysis(
  columns: readonly SegmentColumn[],
  pd: Float64Array,
  outcome: Uint8Array | null,
  cutoff: number,
  options: { seed?: number; overallAuc?: number | null; thresholds?: ValidationThresholds } = {}
): SegmentsResult {
  checkRows('segmentAnalysis', pd, outcome)
  const t = options.thresholds ?? VALIDATION_THRESHOLDS
  const seed = options.seed ?? DEFAULT_BOOTSTRAP.seed
  const overallAuc =
    options.overallAuc !== undefined
      ? options.overallAuc
      : outcome && hasBothClasses(outcome)
        ? rocCurve(outcome, pd, 2).auc
        : null
  const segments: SegmentRow[] = []
  let index = 0
  for (const column of columns) {
    if (column.values.length !== pd.length) {
      throw new Error(
        `Segment column ${column.name} has ${column.values.length} values for ${pd.length} rows.`
      )
    }
    const rows = levelsOf(column).map(([value, members]) =>
      describeSegment(
        column.name,
        value,
        members,
        pd,
        outcome,
        cutoff,
        overallAuc,
        deriveSeed(seed, index++),
        t
      )
    )
    flagLowApproval(rows, t)
    segments.push(...rows)
  }
  return { cutoff, overallAuc, definitions: SEGMENT_DEFINITIONS, segments }
}

/** The rows of each value of a column, most rows first; rare values beyond MAX_LEVELS pooled. */
function levelsOf(column: SegmentColumn): [string, number[]][] {
  const groups = new Map<string, number[]>()
  column.values.forEach((v, i) => {
    const key = v === null || v.trim() === '' ? MISSING : v
    const list = groups.get(key)
    if (list) list.push(i)
    else groups.set(key, [i])
  })
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
  if (sorted.length <= MAX_LEVELS) return sorted
  const kept = sorted.slice(0, MAX_LEVELS - 1)
  const pooled = sorted.slice(MAX_LEVELS - 1).flatMap(([, members]) => members)
  return [...kept, [OTHER, pooled.sort((a, b) => a - b)]]
}

function describeSegment(
  column: string,
  value: string,
  members: number[],
  pd: Float64Array,
  outcome: Uint8Array | null,
  cutoff: number,
  overallAuc: number | null,
  seed: number,
  t: ValidationThresholds
): SegmentRow {
  let approved = 0
  let defaults = 0
  let approvedDefaults = 0
  let repaid = 0
  let repaidApproved = 0
  let sumPd = 0
  for (const i of members) {
    const isApproved = pd[i] < cutoff
    const bad = outcome ? outcome[i] : 0
    sumPd += pd[i]
    if (isApproved) approved++
    defaults += bad
    if (isApproved) approvedDefaults += bad
    if (outcome && bad === 0) {
      repaid++
      if (isApproved) repaidApproved++
    }
  }
  const n = members.length
  let auc: number | null = null
  let aucCi: SegmentRow['aucCi'] = null
  if (outcome && defaults > 0 && defaults < n) {
    const y = Uint8Array.from(members, (i) => outcome[i])
    const p = Float64Array.from(members, (i) => pd[i])
    const d = discrimination(y, p, { replicates: t.segmentReplicates, seed })
    auc = d.auc
    aucCi = d.aucCi
  }
  const reasons: string[] = []
  const enoughOfEach = defaults >= t.segmentMinClass && n - defaults >= t.segmentMinClass
  const lowAuc =
    auc !== null &&
    aucCi !== null &&
    overallAuc !== null &&
    enoughOfEach &&
    overallAuc - auc >= t.segmentAucGap &&
    aucCi.upper < overallAuc
  if (lowAuc) {
    reasons.push(
      `AUC ${auc!.toFixed(3)} (95 % CI ${aucCi!.lower.toFixed(3)}–${aucCi!.upper.toFixed(3)}) is materially below the overall ${overallAuc!.toFixed(3)}.`
    )
  }
  return {
    column,
    value,
    rows: n,
    approved,
    approvalRate: n ? approved / n : 0,
    defaults: outcome ? defaults : null,
    badRate: outcome ? ratio(approvedDefaults, approved) : null,
    defaultRate: outcome ? ratio(defaults, n) : null,
    meanPd: n ? sumPd / n : 0,
    auc,
    aucCi,
    repaid: outcome ? repaid : null,
    repaidApprovalRate: outcome ? ratio(repaidApproved, repaid) : null,
    impactRatio: null,
    rawImpactRatio: null,
    lowApproval: false,
    lowAuc,
    reasons
  }
}

/** Fills the impact ratios of one column's segments against its best segment, and flags those under four fifths. */
function flagLowApproval(rows: SegmentRow[], t: ValidationThresholds): void {
  const bestRaw = Math.max(0, ...rows.filter((r) => r.rows >= t.segmentMinRepaid).map((r) => r.approvalRate))
  const comparable = rows.filter((r) => r.repaid !== null && r.repaid >= t.segmentMinRepaid)
  const best = comparable.reduce<SegmentRow | null>(
    (b, r) => (b === null || r.repaidApprovalRate! > b.repaidApprovalRate! ? r : b),
    null
  )
  for (const r of rows) {
    r.rawImpactRatio = bestRaw > 0 && r.rows >= t.segmentMinRepaid ? r.approvalRate / bestRaw : null
    if (!best || !best.repaidApprovalRate || !comparable.includes(r)) continue
    r.impactRatio = r.repaidApprovalRate! / best.repaidApprovalRate
    if (r.impactRatio < t.fourFifths) {
      r.lowApproval = true
      r.reasons.unshift(
        `Repayers approved ${percent(r.repaidApprovalRate!)} against ${percent(best.repaidApprovalRate)} for ${best.value}: ratio ${r.impactRatio.toFixed(2)}, under ${t.fourFifths}.`
      )
    }
  }
}

function hasBothClasses(outcome: Uint8Array): boolean {
  let positives = 0
  for (const v of outcome) positives += v
  return positives > 0 && positives < outcome.length
}
