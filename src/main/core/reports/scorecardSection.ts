import type { Characteristic, ScorecardTable } from '../model/ScorecardTable'
import type { Flow } from './pdfFlow'
import { COLOR, CONTENT_WIDTH, PAGE, label, num, pct, table, type Doc, type TableColumn } from './pdfKit'

/**
 * The points scorecard as pages of the evaluation report: the scale, then each
 * characteristic's bins with their rows, default rate, weight of evidence and points, the
 * characteristics left out and why, and how a score's reasons read. The table a bank files.
 */

export interface ScorecardReportInput {
  table: ScorecardTable
  /** The model's calibration method: whether scoring's probabilities are the points' own. */
  calibration: string
}

const COLUMNS: TableColumn[] = [
  { header: 'Bin', width: 205 },
  { header: 'Rows', width: 55, align: 'right' },
  { header: 'Share', width: 50, align: 'right' },
  { header: 'Default rate', width: 65, align: 'right' },
  { header: 'WoE', width: 60, align: 'right' },
  { header: 'Points', width: CONTENT_WIDTH - 435, align: 'right' }
]

/** Draws the scorecard from a new page on. */
export function scorecardSection(doc: Doc, flow: Flow, input: ScorecardReportInput): void {
  const t = input.table
  doc.addPage()
  flow.y = PAGE.top
  flow.heading('Points scorecard', 120)
  flow.paragraph(
    `Score = the sum of the points of the applicant's bins, one bin per characteristic. ${num(t.basePoints, 0)} points are odds of repaying of ${num(t.baseOdds, 0)} to 1, and every ${num(t.pdo, 0)} points double the odds: P(default) = 1 / (1 + e^((score - ${t.offset.toFixed(2)}) / ${t.factor.toFixed(3)})). The probability is computed from the exact points; the points printed are rounded, so a hand-added score may differ by up to half a point per characteristic.`
  )
  flow.paragraph(
    input.calibration === 'none'
      ? 'The model has no calibration: the probabilities it scores are exactly those the points state.'
      : `The model's ${input.calibration} calibration maps the points' probability to the one scoring reports, keeping the order of the scores.`
  )
  flow.keyValues([
    ['Points to double odds', num(t.pdo, 2)],
    ['Base score', `${num(t.basePoints, 0)} at ${num(t.baseOdds, 2)}:1`],
    ['Factor', t.factor.toFixed(4)],
    ['Offset', t.offset.toFixed(4)],
    ['Intercept', t.intercept.toFixed(4)],
    ['Characteristics', `${t.characteristics.length} kept, ${t.dropped.length} left out`]
  ])
  flow.y += 6
  const total = t.characteristics[0].bins.reduce((s, b) => s + b.count, 0)
  for (const c of t.characteristics) characteristicTable(doc, flow, c, total)
  if (t.dropped.length) {
    flow.heading('Characteristics left out', 30)
    flow.bullets(
      t.dropped.map((d) => `${d.feature} (IV ${d.iv.toFixed(3)}): ${d.reason}.`),
      { size: 8.5 }
    )
  }
  const notes = t.characteristics.flatMap((c) => c.notes.map((n) => `${c.feature}: ${n}`))
  flow.heading('Reading the scorecard', 60)
  flow.bullets(
    [
      'Weight of evidence (WoE) = ln(share of all repayers in the bin / share of all defaulters in it): positive bins are safer than average. Information value (IV) sums how far apart the two shares are over the bins; below 0.02 a characteristic is left out, above 0.5 it is checked for a column that records the outcome.',
      'Bins are fitted on the training rows only: numbers into at most 20 quantile pre-bins merged into the likeliest bins whose default rate follows one trend, each holding at least the smallest bin share and a few of each outcome; categories ordered by default rate, rare ones pooled; missing values always in a bin of their own.',
      "Reasons for a score (adverse action): the characteristics that lost the most points against their best bin. Scoring states each as how much it raised the default risk compared with an applicant in that characteristic's best bin; a characteristic in its best bin gives no reason.",
      'The feature importance chart shows, for a scorecard, each characteristic’s share of |coefficient| x spread of its WoE over the training rows.',
      ...notes
    ],
    { size: 8.5 }
  )
}

/** One characteristic: a title line with its IV, coefficient and trend, then its bins. */
function characteristicTable(doc: Doc, flow: Flow, c: Characteristic, total: number): void {
  const rows = c.bins.map((b) => [
    b.label,
    num(b.count, 0),
    total > 0 ? pct(b.count / total) : '-',
    b.count > 0 ? pct(b.defaults / b.count) : '-',
    b.woe.toFixed(3),
    String(b.points)
  ])
  const height = 16 + table(doc, PAGE.left, 0, COLUMNS, rows, { draw: false, size: 8 })
  flow.ensure(height + 8)
  label(doc, c.feature, PAGE.left, flow.y, { size: 9.5, weight: 'bold' })
  const trend = c.trend === 'by rate' ? 'categories grouped by default rate' : `default rate ${c.trend}`
  label(
    doc,
    `IV ${c.iv.toFixed(3)} · coefficient ${c.coefficient.toFixed(3)} · ${trend}${c.vif !== null ? ` · VIF ${c.vif.toFixed(1)}` : ''}`,
    PAGE.left + CONTENT_WIDTH,
    flow.y + 1,
    { size: 8, color: COLOR.muted },
    { align: 'right' }
  )
  flow.y += 14
  flow.y += table(doc, PAGE.left, flow.y, COLUMNS, rows, { size: 8 }) + 10
}
