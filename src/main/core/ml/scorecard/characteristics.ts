import type { FeatureSpec } from '../../model/ModelArtifact'
import type { Trend } from './optimalMerge'
import { binCategorical, binNumeric, type BinningOptions, type Boundary } from './woeBinning'
import { informationValue, sumCounts, weightOfEvidence, type ClassCounts } from './woe'

/**
 * One characteristic of a scorecard before the regression: its bins as the table prints
 * them (intervals in the feature's own units, or categories; the missing bin last), their
 * counts, WoE and the characteristic's IV, fitted on the rows given (training rows only).
 */
export interface CharacteristicDraft {
  feature: string
  featureIndex: number
  kind: 'numeric' | 'categorical'
  trend: Trend | 'by rate'
  /** Numeric: thresholds on the model feature (standardised units); bin k holds x <= splits[k]. */
  splits?: number[]
  bins: DraftBin[]
  iv: number
  notes: string[]
}

export interface DraftBin {
  label: string
  from?: number | null
  to?: number | null
  categories?: string[]
  missing?: boolean
  count: number
  defaults: number
  woe: number
}

/** What binning gives before WoE: the bins as printed, with their counts (missing bin last). */
interface BinnedShape {
  kind: CharacteristicDraft['kind']
  trend: CharacteristicDraft['trend']
  splits?: number[]
  /** Non-missing bins only. */
  bins: Pick<DraftBin, 'label' | 'from' | 'to' | 'categories'>[]
  /** One per bin, then the missing bin's. */
  counts: ClassCounts[]
  notes: string[]
}

/** Bins, WoE and IV of model feature `featureIndex` from its column (model units, NaN = missing). */
export function draftCharacteristic(
  column: Float64Array,
  y: Uint8Array,
  feature: FeatureSpec,
  featureIndex: number,
  o: BinningOptions
): CharacteristicDraft {
  const shape =
    feature.kind === 'numeric' ? numericShape(column, y, feature, o) : categoricalShape(column, y, feature, o)
  const { counts, notes } = shape
  const total = sumCounts(counts)
  const missing = counts[counts.length - 1]
  const woe = counts.map((c) => weightOfEvidence(c, total))
  // The missing bin's own WoE needs a few of each outcome; else it scores as the average row.
  if (missing.good < o.minClass || missing.bad < o.minClass) {
    woe[woe.length - 1] = 0
    if (missing.good + missing.bad > 0) {
      notes.push(
        `Missing values: ${missing.good + missing.bad} training rows (${missing.bad} defaults), too few to estimate; scored as the average (WoE 0).`
      )
    }
  }
  const bins: DraftBin[] = [...shape.bins, { label: 'Missing', missing: true }].map((b, k) => ({
    ...b,
    count: counts[k].good + counts[k].bad,
    defaults: counts[k].bad,
    woe: woe[k]
  }))
  const iv = informationValue(counts, total, woe)
  return {
    feature: feature.name,
    featureIndex,
    kind: shape.kind,
    trend: shape.trend,
    ...(shape.splits ? { splits: shape.splits } : {}),
    bins,
    iv,
    notes
  }
}

function numericShape(
  column: Float64Array,
  y: Uint8Array,
  feature: Extract<FeatureSpec, { kind: 'numeric' }>,
  o: BinningOptions
): BinnedShape {
  const binning = binNumeric(column, y, o)
  const cuts = binning.boundaries.map((b) => niceThreshold(b, feature))
  return {
    kind: 'numeric',
    trend: binning.trend,
    splits: cuts.map((c) => c.split),
    bins: binning.bins.map((_, k) => intervalBin(k === 0 ? null : cuts[k - 1].cut, cuts[k]?.cut ?? null)),
    counts: [...binning.bins, binning.missing],
    notes: []
  }
}

function categoricalShape(
  column: Float64Array,
  y: Uint8Array,
  feature: Extract<FeatureSpec, { kind: 'categorical' }>,
  o: BinningOptions
): BinnedShape {
  const binning = binCategorical(column, y, feature.levels.length, feature.fill, o)
  return {
    kind: 'categorical',
    trend: 'by rate',
    bins: binning.codes.map((codes) => {
      const categories = codes.map((c) => feature.levels[c])
      return { label: categories.join(', '), categories }
    }),
    counts: [...binning.bins, binning.missing],
    notes: [`Categories not seen in training score as "${feature.levels[feature.fill]}".`]
  }
}

/** An interval bin (from, to] with its printed label. */
function intervalBin(from: number | null, to: number | null): Omit<DraftBin, 'count' | 'defaults' | 'woe'> {
  const label =
    from === null && to === null
      ? 'All values'
      : from === null
        ? `<= ${formatCut(to!)}`
        : to === null
          ? `> ${formatCut(from)}`
          : `(${formatCut(from)}, ${formatCut(to)}]`
  return { label, from, to }
}

/** A cut as printed: at most six significant digits, no trailing zeros. */
export function formatCut(x: number): string {
  return String(Number(x.toPrecision(6)))
}

/**
 * The cut between two bins in the feature's own units, as round as the gap between the
 * training values on either side allows (between 647 and 652: 650), and the threshold the
 * tree tests on the model feature, computed from it exactly as scoring standardises a value
 * ((x − mean) × (1 / std)). Since that map only rises, every value up to the cut goes left.
 * The threshold is checked to fall between the two training values' own standardised
 * values; when no round cut does, the lower value itself is the cut.
 */
export function niceThreshold(b: Boundary, f: { mean: number; std: number }): { cut: number; split: number } {
  const inv = 1 / f.std
  const lo = b.below * f.std + f.mean
  const hi = b.above * f.std + f.mean
  const fits = (split: number): boolean => split >= b.below && split < b.above
  const span = hi - lo
  if (span > 0 && Number.isFinite(span)) {
    const top = Math.floor(Math.log10(span)) + 1
    for (let e = top; e >= top - 15; e--) {
      const step = 10 ** e
      const cut = Number((Math.ceil(lo / step) * step).toPrecision(15))
      if (cut >= hi) continue
      const split = (cut - f.mean) * inv
      if (fits(split)) return { cut, split }
    }
  }
  return { cut: lo, split: b.below }
}
