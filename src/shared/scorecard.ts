/**
 * A points scorecard as the Models screen shows it (models/scorecard): the same table
 * `ptm scorecard --json` prints, as plain data. The artifact's zod schema
 * (core/model/ScorecardTable.ts) is what it is checked against; main hands it over as is.
 */

/** One bin of a characteristic: its rows, defaults, weight of evidence and points. */
export interface ScorecardBinView {
  /** As printed: "<= 650", "(650, 720]", "> 720", "Salaried, Retired" or "Missing". */
  label: string
  missing?: boolean
  /** Training rows in the bin, and of them defaults. */
  count: number
  defaults: number
  /** ln(repayer share ÷ defaulter share): positive is safer than average. */
  woe: number
  /** Points as printed (rounded); the probability comes from `pointsExact`. */
  points: number
  pointsExact: number
}

/** A characteristic (a model feature) and its bins, with its information value. */
export interface ScorecardCharacteristicView {
  feature: string
  kind: 'numeric' | 'categorical'
  trend: 'ascending' | 'descending' | 'peak' | 'valley' | 'by rate'
  iv: number
  coefficient: number
  bins: ScorecardBinView[]
  notes: string[]
}

/** The whole table and the scale that turns points into odds. */
export interface ScorecardTableView {
  /** Points that double the odds of repaying. */
  pdo: number
  /** The score at which the odds of repaying are baseOdds : 1. */
  basePoints: number
  baseOdds: number
  factor: number
  offset: number
  characteristics: ScorecardCharacteristicView[]
  /** Characteristics left out, and why. */
  dropped: { feature: string; iv: number; reason: string }[]
}

/** What models/scorecard answers: the model, its calibration (how scoring maps the points' probability) and its table. */
export interface ScorecardView {
  modelId: number
  name: string
  calibration: string
  scorecard: ScorecardTableView
}
