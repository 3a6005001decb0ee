import type { ProtectedPath } from '../base/outputFile'
import type { Light, StrategyResult, ValidationPack, Verdict } from '../../../shared/validation'
import { lakhCrore, pValue } from '../validation/format'
import { VALIDATION_THRESHOLDS } from '../validation/thresholds'
import { writeReport } from './committeeReport'
import type { Flow } from './pdfFlow'
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  fixed,
  formatDateTime,
  label,
  num,
  paragraph,
  pct,
  rule,
  table,
  textHeight,
  type Doc,
  type TableColumn
} from './pdfKit'
import {
  gradeCalibrationChart,
  gradeShareChart,
  strategyMoneyChart,
  strategyRateChart
} from './validationCharts'

/**
 * The validation pack as a PDF a credit committee files: a cover with one verdict per test
 * (light, figure, thresholds, why), then the detail of each test, the cut-off strategy when
 * given, the notes and the sign-off.
 */

export interface ValidationReportInput {
  pack: ValidationPack
  /** The cut-off strategy on the same rows, when the committee decides one with the pack. */
  strategy?: StrategyResult | null
}

const LIGHT_COLOR: Record<Light, string> = {
  green: COLOR.good,
  amber: '#b7791f',
  red: COLOR.bad,
  'not run': COLOR.chance
}

/** Writes the validation pack as an A4 PDF; all or nothing, as every report. */
export async function writeValidationReport(
  input: ValidationReportInput,
  path: string,
  protect: readonly ProtectedPath[] = []
): Promise<void> {
  const { pack } = input
  await writeReport(
    path,
    {
      title: `Validation of model #${pack.model.id}: ${pack.model.name}`,
      subject: 'Loan default model validation pack',
      createdAt: pack.generatedAt,
      footer: `Validation pack · model #${pack.model.id} ${pack.model.name}`,
      footnote: `validated on ${pack.data.label}`
    },
    (doc, flow) => {
      cover(doc, flow, pack)
      discriminationSection(flow, pack)
      calibrationSection(doc, flow, pack)
      stabilitySection(doc, flow, pack)
      segmentsSection(flow, pack)
      if (input.strategy) strategySection(doc, flow, input.strategy)
      flow.y += 10
      flow.signatures()
    },
    protect
  )
}

function cover(doc: Doc, flow: Flow, pack: ValidationPack): void {
  flow.title('Loan default model — validation pack', `Model #${pack.model.id}: ${pack.model.name}`)
  const defaults =
    pack.data.defaults === null ? 'outcomes not known' : `${num(pack.data.defaults, 0)} defaults`
  flow.paragraph(
    `Validated on ${pack.data.label}: ${num(pack.data.rows, 0)} loans, ${defaults}. Decision threshold ${pct(pack.model.threshold)} (approve below it). For the credit risk committee; prepared ${formatDateTime(pack.generatedAt)} by the Loan Default Workbench.`,
    { size: 8.5, color: COLOR.muted }
  )
  const count = (l: Light): number => pack.verdicts.filter((v) => v.light === l).length
  flow.heading('Verdicts', 120)
  flow.paragraph(
    `${count('green')} green, ${count('amber')} amber, ${count('red')} red${count('not run') ? `, ${count('not run')} not run` : ''}. Green: fit for use on this evidence. Amber: usable with attention; the committee should note it. Red: the model should not be relied on for this until it is addressed. Thresholds are the pack's standard bands (one table in the code, the same on every run).`,
    { size: 8.5 }
  )
  verdictTable(doc, flow, pack.verdicts)
  if (pack.notes.length) {
    flow.y += 4
    flow.bullets(pack.notes, { size: 8, color: COLOR.muted })
  }
}

/** The verdicts as rows: a coloured light, the test and its figure, the thresholds, and why. */
function verdictTable(doc: Doc, flow: Flow, verdicts: Verdict[]): void {
  const widths = [54, 168, 146, CONTENT_WIDTH - 54 - 168 - 146]
  const headers = ['Verdict', 'Test and result', 'Thresholds', 'What it means']
  const pad = 4
  const heightOf = (v: Verdict): number =>
    Math.max(
      textHeight(doc, v.title, widths[1] - 2 * pad, { size: 8, weight: 'bold' }, 1) +
        textHeight(doc, v.value, widths[1] - 2 * pad, { size: 7.5 }, 1) +
        2,
      textHeight(doc, v.thresholds, widths[2] - 2 * pad, { size: 7 }, 1),
      textHeight(doc, v.reason, widths[3] - 2 * pad, { size: 7.5 }, 1),
      16
    ) +
    2 * pad
  flow.ensure(18 + heightOf(verdicts[0]))
  doc.save().rect(PAGE.left, flow.y, CONTENT_WIDTH, 16).fill(COLOR.panel).restore()
  let x = PAGE.left
  headers.forEach((h, i) => {
    label(doc, h, x + pad, flow.y + 4, { size: 8, weight: 'bold' })
    x += widths[i]
  })
  flow.y += 16
  rule(doc, PAGE.left, flow.y, CONTENT_WIDTH, COLOR.muted, 0.8)
  for (const v of verdicts) {
    const h = heightOf(v)
    flow.ensure(h)
    const top = flow.y
    doc
      .save()
      .roundedRect(PAGE.left + pad, top + pad, widths[0] - 2 * pad, 14, 3)
      .fill(LIGHT_COLOR[v.light])
      .restore()
    label(
      doc,
      v.light.toUpperCase(),
      PAGE.left + widths[0] / 2,
      top + pad + 3.5,
      { size: 7, weight: 'bold', color: '#ffffff' },
      {
        align: 'center'
      }
    )
    let cx = PAGE.left + widths[0] + pad
    const titleH = paragraph(
      doc,
      v.title,
      cx,
      top + pad,
      widths[1] - 2 * pad,
      { size: 8, weight: 'bold' },
      { lineGap: 1 }
    )
    paragraph(doc, v.value, cx, top + pad + titleH + 2, widths[1] - 2 * pad, { size: 7.5 }, { lineGap: 1 })
    cx += widths[1]
    paragraph(
      doc,
      v.thresholds,
      cx,
      top + pad,
      widths[2] - 2 * pad,
      { size: 7, color: COLOR.muted },
      { lineGap: 1 }
    )
    cx += widths[2]
    paragraph(doc, v.reason, cx, top + pad, widths[3] - 2 * pad, { size: 7.5 }, { lineGap: 1 })
    flow.y += h
    rule(doc, PAGE.left, flow.y, CONTENT_WIDTH, COLOR.grid)
  }
  flow.y += 8
}

/** What each fixed chart shows and how to read it, printed under it. */
const CHART_CAPTION = {
  gradeCalibration:
    'Squares: the mean PD the model gives each grade. Dots and bars: the share that defaulted and its 95 % Jeffreys interval. A square outside its bar is a grade whose PDs the outcomes contradict.',
  strategyRate:
    'Each point is one cut-off: approving more applicants lets in riskier ones. Expected: the mean calibrated PD of those approved; observed: the share of them that defaulted. Dashed: the current threshold and the recommended cut-off.',
  strategyMoney:
    'Expected interest income on loans that repay, expected loss on those that default, and their difference, over one period.'
}

/**
 * Opens a section: its heading, kept with the first `following` points of it, and when its
 * test did not run (`result` is null), one line saying why (and false).
 */
function opened<T>(
  flow: Flow,
  title: string,
  following: number,
  result: T | null,
  whyNot: string
): result is T {
  flow.heading(title, following)
  if (result) return true
  flow.paragraph(`Not run: ${whyNot}`, { size: 9, color: COLOR.muted })
  return false
}

/** ₹ in lakh or crore, with a space after the symbol (the PDF writes "Rs. 4.52 lakh"). */
const money = (value: number): string => lakhCrore(value).replace('₹', '₹ ')

const interval = (i: { lower: number; upper: number } | null, f: (v: number) => string): string =>
  i ? `${f(i.lower)} – ${f(i.upper)}` : '-'

function discriminationSection(flow: Flow, pack: ValidationPack): void {
  const d = pack.discrimination
  const title = 'Discrimination: does the model rank defaulters above repayers?'
  if (!opened(flow, title, 110, d, 'the data has no outcomes, or only one kind.')) return
  const ci = `${pct(d.confidence, 0)} interval`
  flow.table(
    [
      { header: 'Measure', width: 90 },
      { header: 'Value', width: 60, align: 'right' },
      { header: ci, width: 100, align: 'right' },
      { header: 'How to read it', width: CONTENT_WIDTH - 250 }
    ],
    [
      [
        'AUC',
        fixed(d.auc),
        interval(d.aucCi, (v) => fixed(v)),
        'Chance that a random defaulter scores above a random repayer; 0.5 is a coin toss.'
      ],
      [
        'Gini',
        fixed(d.gini),
        interval(d.giniCi, (v) => fixed(v)),
        '2 × AUC − 1, the banking convention for the same ranking power.'
      ],
      [
        'KS',
        fixed(d.ks),
        interval(d.ksCi, (v) => fixed(v)),
        'Largest gap between the score distributions of defaulters and repayers.'
      ]
    ]
  )
  flow.paragraph(
    `${num(d.rows, 0)} loans, ${num(d.defaults, 0)} defaults. Intervals from ${num(d.replicates, 0)} stratified bootstrap resamples (defaulters and repayers redrawn separately, seed ${d.seed}): percentile for AUC and Gini, bias-corrected for KS, which resampling inflates.`,
    { size: 8, color: COLOR.muted }
  )
}

function calibrationSection(doc: Doc, flow: Flow, pack: ValidationPack): void {
  const c = pack.calibration
  const title = 'Calibration: are the stated PDs the real default rates?'
  if (!opened(flow, title, 260, c, 'the data has no outcomes.')) return
  flow.paragraph(
    `Overall: mean PD ${pct(c.meanPd, 2)} against an observed default rate of ${pct(c.observedRate, 2)} on ${num(c.rows, 0)} loans. Per grade, an exact two-sided binomial test asks whether the defaults could come from the grade's PDs; the Jeffreys interval bounds the grade's true default rate.`,
    { size: 8.5 }
  )
  flow.table(
    [
      { header: 'Grade', width: 40 },
      { header: 'PD band', width: 64 },
      { header: 'Loans', width: 46, align: 'right' },
      { header: 'Defaults', width: 48, align: 'right' },
      { header: 'Mean PD', width: 52, align: 'right' },
      { header: 'Observed', width: 52, align: 'right' },
      { header: `Jeffreys ${pct(c.confidence, 0)}`, width: 84, align: 'right' },
      { header: 'Binomial p', width: 54, align: 'right' },
      { header: 'Vs PDs', width: CONTENT_WIDTH - 440 }
    ],
    c.grades.map((g) => [
      g.grade,
      `${pct(g.lower, 0)} – ${pct(g.upper, 0)}`,
      num(g.count, 0),
      num(g.defaults, 0),
      g.meanPd === null ? '-' : pct(g.meanPd, 2),
      g.observedRate === null ? '-' : pct(g.observedRate, 2),
      interval(g.jeffreys, (v) => pct(v, 1)),
      g.binomialP === null ? '-' : pValue(g.binomialP),
      g.direction === 'above'
        ? 'more'
        : g.direction === 'below'
          ? 'fewer'
          : g.direction === 'equal'
            ? 'as expected'
            : '-'
    ])
  )
  flow.panels(190, [
    { draw: (box) => gradeCalibrationChart(doc, box, c.grades), caption: CHART_CAPTION.gradeCalibration },
    {
      draw: (box) =>
        gradeShareChart(
          doc,
          box,
          pack.concentration.grades.map((g) => g.grade),
          { label: pack.data.label, shares: pack.concentration.grades.map((g) => g.share) },
          pack.stability
            ? {
                label: pack.stability.referenceLabel,
                shares: pack.stability.byGrade.bins.map((b) => b.expectedShare)
              }
            : null
        ),
      caption: `Concentration: normalised Herfindahl ${fixed(pack.concentration.herfindahlNormalised)} (HHI ${fixed(pack.concentration.herfindahl)}; 0 = spread evenly over the grades, 1 = all in one).${pack.stability ? ' Grey: the reference population.' : ''}`
    }
  ])
  const hl = c.hosmerLemeshow
  flow.paragraph(
    `Hosmer–Lemeshow over ${hl.groups.length} PD deciles: χ² ${fixed(hl.stat, 2)}, ${hl.df} degrees of freedom (groups − 2), p ${hl.p === null ? '-' : pValue(hl.p)}. A small p means predicted and observed defaults differ by more than chance in some deciles.`,
    { size: 8.5 }
  )
  flow.table(
    [
      { header: 'PD decile', width: 120 },
      { header: 'Loans', width: 80, align: 'right' },
      { header: 'Observed defaults', width: 110, align: 'right' },
      { header: 'Expected (Σ PD)', width: 110, align: 'right' },
      { header: 'Observed − expected', width: CONTENT_WIDTH - 420, align: 'right' }
    ],
    hl.groups.map((g) => [
      `${pct(g.lower, 2)} – ${pct(g.upper, 2)}`,
      num(g.count, 0),
      num(g.observed, 0),
      fixed(g.expected, 1),
      fixed(g.observed - g.expected, 1)
    ]),
    7.5
  )
}

function stabilitySection(doc: Doc, flow: Flow, pack: ValidationPack): void {
  const s = pack.stability
  const whyNot = 'give a newer file to compare with the reference population.'
  if (!opened(flow, 'Stability: has the population moved?', 200, s, whyNot)) return
  flow.paragraph(
    `${s.currentLabel} (${num(s.currentRows, 0)} loans) against ${s.referenceLabel} (${num(s.referenceRows, 0)}). PSI of the PD ${fixed(s.psi)} over the reference's deciles, ${fixed(s.byGrade.psi)} over the grades; PSI = Σ (current − reference share) × ln(current / reference), empty bins counted as 0.01 %. Below ${VALIDATION_THRESHOLDS.psi.amber} stable, up to ${VALIDATION_THRESHOLDS.psi.red} a shift, above a major shift.`,
    { size: 8.5 }
  )
  const half = (CONTENT_WIDTH - 16) / 2
  const psiRows = s.score.bins.map((b) => [
    b.label,
    pct(b.expectedShare),
    pct(b.actualShare),
    fixed(b.contribution, 4)
  ])
  const csiRows = s.csi.slice(0, 12).map((c) => [c.column, fixed(c.csi), c.status])
  const psiCols: TableColumn[] = [
    { header: 'PD bin', width: half - 170 },
    { header: 'Reference', width: 56, align: 'right' },
    { header: 'Current', width: 56, align: 'right' },
    { header: 'PSI term', width: 58, align: 'right' }
  ]
  const csiCols: TableColumn[] = [
    { header: 'Input (CSI vs training)', width: half - 130 },
    { header: 'CSI', width: 50, align: 'right' },
    { header: 'Status', width: 80 }
  ]
  const h = Math.max(
    table(doc, 0, 0, psiCols, psiRows, { draw: false, size: 7.5 }),
    csiRows.length ? table(doc, 0, 0, csiCols, csiRows, { draw: false, size: 7.5 }) : 0
  )
  flow.ensure(h)
  table(doc, PAGE.left, flow.y, psiCols, psiRows, { size: 7.5, boldFirstColumn: true })
  if (csiRows.length)
    table(doc, PAGE.left + half + 16, flow.y, csiCols, csiRows, { size: 7.5, boldFirstColumn: true })
  flow.y += h + 10
  const m = s.migration
  flow.paragraph(`Grade migration. ${s.migrationNote}`, { size: 8.5 })
  if (m) {
    flow.table(
      [
        { header: 'From \\ to', width: 70 },
        ...m.grades.map((g) => ({ header: g, width: 60, align: 'right' as const })),
        { header: 'Accounts', width: CONTENT_WIDTH - 70 - 60 * m.grades.length, align: 'right' }
      ],
      m.matrix.map((row, i) => [
        m.grades[i],
        ...row.map((v) => num(v, 0)),
        num(
          row.reduce((a, b) => a + b, 0),
          0
        )
      ]),
      7.5
    )
    flow.paragraph(
      `${num(m.unchanged, 0)} of ${num(m.matched, 0)} accounts kept their grade (${pct(m.unchanged / m.matched)}); ${num(m.improved, 0)} improved, ${num(m.worsened, 0)} worsened, ${num(m.movedTwoOrMore, 0)} moved two grades or more.`,
      { size: 8.5 }
    )
  }
}

function segmentsSection(flow: Flow, pack: ValidationPack): void {
  const s = pack.segments
  if (!opened(flow, 'Fair treatment across segments', 160, s, 'no segment column was given.')) return
  flow.paragraph(
    `At the decision threshold of ${pct(s.cutoff)}. Equal risk: ${s.definitions.equalRisk} Materially lower AUC: ${s.definitions.lowAuc} A segment column need not be a model input: a protected attribute kept out of the model on purpose is exactly what this check needs.`,
    { size: 8 }
  )
  const ratio = (v: number | null): string => (v === null ? '-' : fixed(v, 2))
  flow.table(
    [
      { header: 'Segment', width: 84 },
      { header: 'Loans', width: 40, align: 'right' },
      { header: 'Approved', width: 44, align: 'right' },
      { header: 'Bad rate (approved)', width: 46, align: 'right' },
      { header: 'Default rate', width: 42, align: 'right' },
      { header: 'AUC', width: 36, align: 'right' },
      { header: 'Repayers approved', width: 50, align: 'right' },
      { header: 'Ratio at equal risk', width: 44, align: 'right' },
      { header: 'Raw ratio', width: 38, align: 'right' },
      { header: 'Flag', width: CONTENT_WIDTH - 424 }
    ],
    s.segments.map((r) => [
      `${r.column} = ${r.value}`,
      num(r.rows, 0),
      pct(r.approvalRate),
      r.badRate === null ? '-' : pct(r.badRate),
      r.defaultRate === null ? '-' : pct(r.defaultRate),
      r.auc === null ? '-' : fixed(r.auc),
      r.repaidApprovalRate === null ? '-' : pct(r.repaidApprovalRate),
      ratio(r.impactRatio),
      ratio(r.rawImpactRatio),
      [r.lowApproval ? 'approval' : '', r.lowAuc ? 'AUC' : ''].filter(Boolean).join(', ') || '-'
    ]),
    7
  )
  const explained = s.segments.filter((x) => x.reasons.length)
  flow.bullets(
    explained.map((r) => `${r.column} = ${r.value}: ${r.reasons.join(' ')}`),
    { size: 8 }
  )
}

function strategySection(doc: Doc, flow: Flow, s: StrategyResult): void {
  flow.heading('Cut-off strategy: what each cut-off approves, loses and earns', 300)
  const at = s.atModelThreshold
  const rec = s.recommended
  flow.keyValues([
    ['Current threshold', `${pct(s.modelThreshold)}: approves ${pct(at.approvalRate)}`],
    ['Expected bad rate', at.expectedBadRate === null ? '-' : pct(at.expectedBadRate, 2)],
    ['Observed bad rate', at.badRate === null ? '-' : pct(at.badRate, 2)],
    ['Expected loss', money(at.expectedLoss)],
    ['Expected profit', money(at.expectedProfit)],
    ['Margin', pct(s.conventions.margin, 2)],
    ['Recommended', rec?.cutoff != null ? `${pct(rec.cutoff)}` : '-'],
    ['Rows', `${num(s.rows, 0)}${s.defaults === null ? '' : `, ${num(s.defaults, 0)} defaults`}`]
  ])
  if (rec) flow.paragraph(`Recommendation: ${rec.reason}`, { size: 8.5 })
  flow.panels(200, [
    { draw: (box) => strategyRateChart(doc, box, s), caption: CHART_CAPTION.strategyRate },
    { draw: (box) => strategyMoneyChart(doc, box, s), caption: CHART_CAPTION.strategyMoney }
  ])
  const { decision, period, ead, lgd } = s.conventions
  flow.bullets([decision, period, ead, lgd], { size: 8, color: COLOR.muted })
}
