import type {
  CharacteristicStability,
  GradeMigration,
  PsiBin,
  ScorePsi,
  StabilityResult
} from '../../../shared/validation'
import { quantileSorted } from '../base/stats'
import {
  accumulateDrift,
  emptyDriftCounts,
  expectedShares,
  populationStabilityIndex,
  psiStatus
} from '../ml/drift'
import type { DriftBins, RiskGrade } from '../model/ModelArtifact'
import type { RawInputs } from '../ml/preprocess'
import { checkRows } from './checks'
import { gradeIndex } from './gradeCalibration'

/**
 * Has the population moved since the reference? PSI of the calibrated PD (over the
 * reference's deciles and over the risk grades), CSI of each model input against its
 * training distribution (the drift bins the model stores), and the grade migration of
 * accounts present in both files. Every index uses ml/drift's PSI (empty bins floored at
 * 0.0001), so the figures match the drift the batch scorer reports.
 */

/** Scores of one population, with account ids when the file has them. */
export interface ScoredPopulation {
  label: string
  pd: Float64Array
  ids?: readonly (string | null)[] | null
}

export interface StabilityInput {
  reference: ScoredPopulation
  current: ScoredPopulation
  grades: RiskGrade[]
  /** The model's training distribution of each input (ModelArtifact.drift), with the current file's inputs. */
  drift?: { bins: DriftBins[]; inputs: RawInputs } | null
}

/** PSI of the score, by deciles and by grade, CSI per input and grade migration (when ids match). */
export function stability(input: StabilityInput): StabilityResult {
  const { reference, current, grades } = input
  const score = scorePsiByDeciles(reference.pd, current.pd)
  const migration = reference.ids && current.ids ? gradeMigration(reference, current, grades) : null
  const usable = migration !== null && migration.matched > 0
  return {
    referenceLabel: reference.label,
    currentLabel: current.label,
    referenceRows: reference.pd.length,
    currentRows: current.pd.length,
    psi: score.psi,
    score,
    byGrade: scorePsiByGrade(reference.pd, current.pd, grades),
    csi: input.drift ? characteristicStability(input.drift.bins, input.drift.inputs) : [],
    migration: usable ? migration : null,
    migrationNote: usable
      ? `${migration.matched.toLocaleString('en-IN')} accounts appear in both files and are compared grade by grade.`
      : reference.ids && current.ids
        ? 'No account id appears in both files, so only the shift of the score distribution is reported.'
        : 'The files carry no account ids, so only the shift of the score distribution is reported.'
  }
}

/** PSI of the PD over ten bins cut at the reference's deciles (ties merged), as ml/drift bins numeric inputs. */
export function scorePsiByDeciles(reference: Float64Array, current: Float64Array): ScorePsi {
  checkRows('scorePsi', reference)
  checkRows('scorePsi', current)
  const sorted = Float64Array.from(reference).sort()
  const edges = [
    ...new Set([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((q) => quantileSorted(sorted, q)))
  ].filter(Number.isFinite)
  // Bin b holds (edges[b − 1], edges[b]]; the first is open below, the last above.
  const bin = (x: number): number => {
    let b = 0
    while (b < edges.length && x > edges[b]) b++
    return b
  }
  const labels = Array.from({ length: edges.length + 1 }, (_, b) =>
    b === 0
      ? `≤ ${pctLabel(edges[0])}`
      : b === edges.length
        ? `> ${pctLabel(edges[b - 1])}`
        : `${pctLabel(edges[b - 1])}–${pctLabel(edges[b])}`
  )
  return psiOver(labels, bin, reference, current, 'reference deciles')
}

/** PSI of the PD over the model's risk grades. */
export function scorePsiByGrade(
  reference: Float64Array,
  current: Float64Array,
  grades: RiskGrade[]
): ScorePsi {
  checkRows('scorePsi', reference)
  checkRows('scorePsi', current)
  return psiOver(
    grades.map((g) => g.grade),
    (x) => gradeIndex(grades, x),
    reference,
    current,
    'risk grades'
  )
}

/** CSI of every input the model stores drift bins for, largest first. */
export function characteristicStability(bins: DriftBins[], inputs: RawInputs): CharacteristicStability[] {
  return bins
    .map((b) => {
      const counts = emptyDriftCounts(b)
      accumulateDrift(b, counts, inputs.numeric.get(b.name), inputs.categorical.get(b.name), inputs.numRows)
      const csi = populationStabilityIndex(expectedShares(b), counts)
      return { column: b.name, csi, status: psiStatus(csi) }
    })
    .sort((a, b) => b.csi - a.csi)
}

/**
 * Accounts in both files by reference grade (rows) and current grade (columns). An id that
 * repeats within a file counts once, at its first row; empty ids never match.
 */
export function gradeMigration(
  reference: ScoredPopulation,
  current: ScoredPopulation,
  grades: RiskGrade[]
): GradeMigration {
  const refIds = requireIds(reference)
  const curIds = requireIds(current)
  const before = new Map<string, number>()
  refIds.forEach((id, i) => {
    if (id !== null && id !== '' && !before.has(id)) before.set(id, gradeIndex(grades, reference.pd[i]))
  })
  const k = grades.length
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0))
  const seen = new Set<string>()
  let matched = 0
  let unchanged = 0
  let improved = 0
  let worsened = 0
  let movedTwoOrMore = 0
  curIds.forEach((id, i) => {
    if (id === null || seen.has(id)) return
    const from = before.get(id)
    if (from === undefined) return
    seen.add(id)
    const to = gradeIndex(grades, current.pd[i])
    matrix[from][to]++
    matched++
    if (to === from) unchanged++
    else if (to < from) improved++
    else worsened++
    if (Math.abs(to - from) >= 2) movedTwoOrMore++
  })
  return {
    grades: grades.map((g) => g.grade),
    matrix,
    matched,
    unmatchedReference: before.size - matched,
    unmatchedCurrent: new Set(curIds.filter((id) => id !== null && id !== '')).size - matched,
    unchanged,
    improved,
    worsened,
    movedTwoOrMore
  }
}

function psiOver(
  labels: string[],
  bin: (x: number) => number,
  reference: Float64Array,
  current: Float64Array,
  binning: ScorePsi['binning']
): ScorePsi {
  const refCounts = new Array<number>(labels.length).fill(0)
  const curCounts = new Array<number>(labels.length).fill(0)
  for (const x of reference) refCounts[bin(x)]++
  for (const x of current) curCounts[bin(x)]++
  const expected = refCounts.map((c) => (reference.length ? c / reference.length : 0))
  // Each bin's term through ml/drift's own PSI, so that the terms add up to its total exactly as it floors empty bins.
  const bins: PsiBin[] = labels.map((label, b) => ({
    label,
    expectedShare: expected[b],
    actualShare: current.length ? curCounts[b] / current.length : 0,
    contribution: populationStabilityIndex([expected[b]], {
      name: label,
      counts: [curCounts[b]],
      total: current.length
    })
  }))
  return {
    psi: populationStabilityIndex(expected, { name: 'score', counts: curCounts, total: current.length }),
    binning,
    bins
  }
}

function requireIds(p: ScoredPopulation): readonly (string | null)[] {
  if (!p.ids || p.ids.length !== p.pd.length) {
    throw new Error(`gradeMigration: ${p.label} needs one account id per row.`)
  }
  return p.ids
}

function pctLabel(p: number): string {
  return `${Number((p * 100).toFixed(2))} %`
}
