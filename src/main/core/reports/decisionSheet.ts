import type { FieldIssueInfo, HistoryEntry, ReasonInfo } from '../../../shared/dto'
import type { ProtectedPath } from '../base/outputFile'
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  drawFooters,
  fitText,
  formatDateTime,
  label,
  num,
  paragraph,
  pct,
  pdfText,
  rule,
  style,
  textHeight,
  writePdfFile,
  type Doc,
  type TextStyle
} from './pdfKit'

/**
 * The one-page credit decision sheet of a single score: the decision, the probability and
 * grade, the principal reasons in plain words (as a branch must give an applicant whose
 * loan is declined), the applicant's details as entered, and the officer's signature.
 * Drawn at fixed positions: whatever the record holds, it stays one A4 page.
 */

export interface DecisionSheetInput {
  entry: Extract<HistoryEntry, { kind: 'single' }>
  generatedAt: string
}

/** What the sheet reads from an audit record's outputs (the ScoreResult without Contributions). */
interface SheetOutputs {
  prediction: 0 | 1
  probability: number
  grade: string
  gradeLabel: string
  threshold: number | null
  baseRate: number | null
  modelVersion: number
  raising: ReasonInfo[]
  lowering: ReasonInfo[]
  warnings: FieldIssueInfo[]
}

/** Reasons shown per direction, at most. */
const MAX_REASONS = 5

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const numberOr = <T>(v: unknown, fallback: T): number | T =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback
const stringOr = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback)

/**
 * The outputs of an audit record, read defensively: the record is JSON written by an
 * earlier version of the app, so a missing part falls back to the record's own columns.
 */
function readOutputs(entry: DecisionSheetInput['entry']): SheetOutputs {
  const out = entry.outputs
  const reasons = (Array.isArray(out.Reasons) ? out.Reasons : []).filter(
    (r): r is ReasonInfo => isRecord(r) && typeof r.text === 'string' && typeof r.contribution === 'number'
  )
  const byMagnitude = (a: ReasonInfo, b: ReasonInfo): number =>
    Math.abs(b.contribution) - Math.abs(a.contribution)
  const warnings = (Array.isArray(out.Warnings) ? out.Warnings : []).filter(
    (w): w is FieldIssueInfo => isRecord(w) && typeof w.message === 'string'
  )
  const prediction = numberOr(out.Default_Prediction, entry.prediction) === 1 ? 1 : 0
  return {
    prediction,
    probability: numberOr(out.Default_Probability, entry.probability),
    grade: stringOr(out.Risk_Grade, entry.grade),
    gradeLabel: stringOr(out.Risk_Label, ''),
    threshold: numberOr(out.Threshold, null),
    baseRate: numberOr(out.Base_Rate, null),
    modelVersion: numberOr(out.Model_Version, entry.modelId),
    // Scoring keeps at most 3 of each; the cap keeps a foreign record on one page.
    raising: reasons
      .filter((r) => r.contribution > 0)
      .sort(byMagnitude)
      .slice(0, MAX_REASONS),
    lowering: reasons
      .filter((r) => r.contribution < 0)
      .sort(byMagnitude)
      .slice(0, MAX_REASONS),
    warnings
  }
}

/** The decision in words, as the branch states it. */
export function decisionText(prediction: 0 | 1): string {
  return prediction === 1 ? 'High risk of default — refer/decline' : 'Within risk appetite'
}

/** Fields whose values are rupee amounts (Annual_Income, Loan_Amount, Account_Balance...), not ratios of them (Debt_to_Income). */
const AMOUNT_FIELD = /(amount|income|balance|salary|emi|deposit|savings)$/i
const RATIO_FIELD = /(_to_|ratio|rate|share|percent|pct)/i

/** An applicant's value as the sheet shows it: amounts in rupees with Indian grouping. */
export function formatInput(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(not given)'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '(not given)'
    const text = num(value, 4)
    return AMOUNT_FIELD.test(field) && !RATIO_FIELD.test(field) ? `Rs. ${text}` : text
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

const BODY: TextStyle = { size: 9 }
const SMALL: TextStyle = { size: 7.5, color: COLOR.muted }
const LEFT = PAGE.left
const RIGHT = PAGE.left + CONTENT_WIDTH

function sectionHeading(doc: Doc, text: string, y: number): number {
  label(doc, text, LEFT, y, { size: 10.5, weight: 'bold', color: COLOR.accent })
  rule(doc, LEFT, y + 14, CONTENT_WIDTH, COLOR.accent, 0.7)
  return y + 20
}

/** Bank and branch lines to fill in or stamp, a seal box, the title and the record's identity. */
function header(doc: Doc, input: DecisionSheetInput, out: SheetOutputs): number {
  const { entry } = input
  let y = PAGE.top - 8
  const lineW = 300
  for (const name of ['Bank', 'Branch (name and code)']) {
    label(doc, name, LEFT, y + 6, SMALL)
    rule(doc, LEFT + 95, y + 14, lineW - 95, COLOR.muted)
    y += 20
  }
  const sealW = 120
  doc
    .save()
    .rect(RIGHT - sealW, PAGE.top - 8, sealW, 38)
    .lineWidth(0.6)
    .dash(2, { space: 2 })
    .strokeColor(COLOR.rule)
    .stroke()
    .restore()
  label(doc, 'Branch seal', RIGHT - sealW / 2, PAGE.top + 6, SMALL, { align: 'center' })
  y += 10
  label(doc, 'Loan application — credit decision sheet', LEFT, y, { size: 17, weight: 'bold' })
  y += 28

  const colW = CONTENT_WIDTH / 2
  const meta = (k: string, v: string, x: number, top: number, width: number): void => {
    label(doc, k, x, top, { size: 8.5, color: COLOR.muted })
    label(doc, v, x + 92, top, { size: 8.5 }, { maxWidth: width - 92 })
  }
  meta('Date of assessment', formatDateTime(entry.createdAt), LEFT, y, colW - 6)
  meta('Reference', `Audit record #${entry.id}`, LEFT + colW, y, colW)
  meta('Model version', `#${out.modelVersion} ${entry.modelName}`, LEFT, y + 13, CONTENT_WIDTH)
  return y + 2 * 13 + 8
}

/** The decision in a tinted box with a coloured bar: what the officer and applicant look at first. */
function decisionBox(doc: Doc, y: number, out: SheetOutputs): number {
  const colour = out.prediction === 1 ? COLOR.bad : COLOR.good
  const height = 74
  doc.save().rect(LEFT, y, CONTENT_WIDTH, height).fillOpacity(0.07).fill(colour).restore()
  doc.save().rect(LEFT, y, 5, height).fill(colour).restore()
  const x = LEFT + 16
  const width = CONTENT_WIDTH - 26
  label(doc, "The model's assessment", x, y + 9, SMALL)
  label(
    doc,
    decisionText(out.prediction),
    x,
    y + 21,
    { size: 15, weight: 'bold', color: colour },
    { maxWidth: width }
  )
  const grade = `Risk grade ${out.grade}${out.gradeLabel ? ` (${out.gradeLabel})` : ''}`
  const threshold = out.threshold !== null ? `; the model refers applicants from ${pct(out.threshold)}` : ''
  label(
    doc,
    `Estimated probability of default ${pct(out.probability)}${threshold}. ${grade}.`,
    x,
    y + 42,
    { size: 9.5 },
    { maxWidth: width }
  )
  label(
    doc,
    'A statistical assessment to support the branch; the decision on the loan is taken by the sanctioning officer.',
    x,
    y + 57,
    SMALL,
    { maxWidth: width }
  )
  return y + height + 14
}

/** One bulleted reason, at most two lines. Returns the height used. */
function reasonLine(doc: Doc, text: string, y: number, colour: string): number {
  doc
    .save()
    .circle(LEFT + 10, y + 4.5, 2.2)
    .fill(colour)
    .restore()
  return paragraph(doc, text, LEFT + 18, y, CONTENT_WIDTH - 18, BODY, { maxHeight: 24 }) + 4
}

function reasonsSection(doc: Doc, y: number, out: SheetOutputs): number {
  y = sectionHeading(doc, 'Main reasons', y)
  const base = out.baseRate !== null ? ` from ${pct(out.baseRate)} for the model's average applicant` : ''
  y +=
    paragraph(
      doc,
      `The details of this application that moved the estimated probability of default the most${base}, in percentage points.`,
      LEFT,
      y,
      CONTENT_WIDTH,
      SMALL
    ) + 6

  label(doc, 'What raised the risk', LEFT, y, { size: 9, weight: 'bold' })
  y += 14
  if (out.raising.length > 0) {
    for (const r of out.raising) y += reasonLine(doc, r.text, y, COLOR.bad)
  } else if (out.prediction === 1) {
    // An adverse decision must come with its reasons: when the model cannot single any
    // out (e.g. the probability equals its average), the officer has to write them.
    y +=
      paragraph(
        doc,
        'The model did not single out any detail for this score. The officer must state the principal reasons here:',
        LEFT + 18,
        y,
        CONTENT_WIDTH - 18,
        BODY
      ) + 16
    for (let i = 0; i < 2; i++) {
      rule(doc, LEFT + 18, y, CONTENT_WIDTH - 18, COLOR.muted)
      y += 18
    }
  } else {
    y +=
      paragraph(
        doc,
        'No detail of this application raised the risk.',
        LEFT + 18,
        y,
        CONTENT_WIDTH - 18,
        BODY
      ) + 4
  }
  y += 4
  label(doc, 'What lowered the risk', LEFT, y, { size: 9, weight: 'bold' })
  y += 14
  if (out.lowering.length > 0) {
    for (const r of out.lowering) y += reasonLine(doc, r.text, y, COLOR.good)
  } else {
    y +=
      paragraph(
        doc,
        'No detail of this application lowered the risk.',
        LEFT + 18,
        y,
        CONTENT_WIDTH - 18,
        BODY
      ) + 4
  }
  return y + 8
}

/** The warnings as lines, at most `maxLines` of them (the rest counted). */
function warningLines(out: SheetOutputs, maxLines: number): string[] {
  if (out.warnings.length === 0) return ['None.']
  const lines = out.warnings.map((w) => w.message)
  if (lines.length <= maxLines) return lines
  const shown = lines.slice(0, maxLines - 1)
  return [...shown, `... and ${lines.length - shown.length} more (see the audit record).`]
}

/**
 * The applicant's fields as entered, as (field, value) pairs in two or three column
 * pairs, within `height`; fields that do not fit are counted, not drawn.
 */
function inputsTable(doc: Doc, y: number, height: number, entry: DecisionSheetInput['entry']): number {
  const fields = Object.entries(entry.inputs)
  const rowH = 13
  if (fields.length === 0) {
    label(doc, '(no fields were recorded with this score)', LEFT + 3, y, { size: 8, color: COLOR.muted })
    return rowH
  }
  const capacity = (pairsPerRow: number): number => pairsPerRow * Math.floor(height / rowH)
  const pairsPerRow = fields.length <= capacity(2) ? 2 : 3
  const fit = capacity(pairsPerRow)
  const shown = fields.length <= fit ? fields : fields.slice(0, Math.max(0, fit - 1))
  const rows = Math.ceil((shown.length + (shown.length < fields.length ? 1 : 0)) / pairsPerRow)
  const gap = 14
  const pairW = (CONTENT_WIDTH - gap * (pairsPerRow - 1)) / pairsPerRow
  const keyW = pairW * 0.52
  // Column-major: down the first pair of columns, then the next, as a form reads.
  shown.forEach(([field, value], i) => {
    const col = Math.floor(i / rows)
    const row = i % rows
    const x = LEFT + col * (pairW + gap)
    const top = y + row * rowH
    if (row % 2 === 0)
      doc
        .save()
        .rect(x, top - 2.5, pairW, rowH)
        .fill(COLOR.panel)
        .restore()
    label(doc, field, x + 3, top, { size: 8, color: COLOR.muted }, { maxWidth: keyW - 6, cut: 'middle' })
    label(doc, formatInput(field, value), x + keyW, top, { size: 8 }, { maxWidth: pairW - keyW - 3 })
  })
  if (shown.length < fields.length) {
    const i = shown.length
    const x = LEFT + Math.floor(i / rows) * (pairW + gap)
    label(
      doc,
      `... and ${fields.length - shown.length} more fields (audit record #${entry.id})`,
      x + 3,
      y + (i % rows) * rowH,
      { size: 8, color: COLOR.muted },
      { maxWidth: pairW - 6 }
    )
  }
  return rows * rowH
}

/**
 * What the officer decided, with boxes to tick and lines for remarks, in the space between
 * the warnings and the closing block (nothing when there is no room for it).
 */
function officerDecision(doc: Doc, top: number, bottom: number): void {
  if (bottom - top < 50) return
  let y = sectionHeading(doc, "Officer's decision", top)
  let x = LEFT
  for (const choice of [
    'Sanctioned',
    'Declined',
    'Referred to higher authority',
    'More documents requested'
  ]) {
    doc.save().rect(x, y, 8, 8).lineWidth(0.7).strokeColor(COLOR.ink).stroke().restore()
    x += 13 + label(doc, choice, x + 13, y + 0.5, { size: 8.5 }) + 22
  }
  y += 16
  label(doc, 'Remarks', LEFT, y + 4, SMALL)
  const lines = Math.min(3, Math.floor((bottom - y - 4) / 18))
  for (let i = 0; i < lines; i++) {
    y += 18
    rule(doc, LEFT, y, CONTENT_WIDTH, COLOR.muted)
  }
}

/** What the applicant may ask for: the reasons in writing and a review by an officer. */
function applicantNote(entryId: number): string {
  return `You may ask the branch for the main reasons for this decision in writing, and for your application to be reviewed by a bank officer, who can take into account information the model did not see (for example documents, guarantees or a change in your circumstances). Please quote reference audit record #${entryId}.`
}

/** The applicant's right to the reasons and a review, and the signature lines; anchored to the page bottom. */
function closingBlock(doc: Doc, y: number, entryId: number): void {
  const note = applicantNote(entryId)
  const noteH = textHeight(doc, note, CONTENT_WIDTH - 20, { size: 8.5 })
  doc
    .save()
    .rect(LEFT, y, CONTENT_WIDTH, noteH + 24)
    .fill(COLOR.panel)
    .restore()
  label(doc, 'For the applicant', LEFT + 10, y + 6, { size: 8.5, weight: 'bold' })
  paragraph(doc, note, LEFT + 10, y + 18, CONTENT_WIDTH - 20, { size: 8.5 })
  y += noteH + 24 + 30

  const colW = (CONTENT_WIDTH - 24) / 2
  const blocks: [string, string[]][] = [
    ['Assessed by (bank officer)', ['Name and designation', 'Signature and date']],
    ['Received by (applicant)', ['Name', 'Signature and date']]
  ]
  blocks.forEach(([title, lines], i) => {
    const x = LEFT + i * (colW + 24)
    label(doc, title, x, y - 24, { size: 8.5, weight: 'bold' })
    lines.forEach((caption, j) => {
      const w = (colW - 12) / 2
      const lx = x + j * (w + 12)
      rule(doc, lx, y, w, COLOR.muted)
      label(doc, caption, lx, y + 3, SMALL)
    })
  })
}

/** Height of the closing block, for anchoring it to the page bottom. */
function closingHeight(doc: Doc, entryId: number): number {
  return textHeight(doc, applicantNote(entryId), CONTENT_WIDTH - 20, { size: 8.5 }) + 24 + 30 + 14
}

/**
 * Writes the one-page credit decision sheet of a single score (an audit record): the
 * decision, probability and grade, the reasons that raised and lowered the risk, the
 * applicant's details, warnings, the applicant's right to reasons and review, and
 * signature lines. Always exactly one A4 page; all or nothing, as writeEvaluationReport.
 */
export async function writeDecisionSheet(
  input: DecisionSheetInput,
  path: string,
  protect: readonly ProtectedPath[] = []
): Promise<void> {
  const { entry } = input
  const out = readOutputs(entry)
  await writePdfFile(
    path,
    {
      title: `Credit decision sheet, audit record #${entry.id}`,
      subject: decisionText(out.prediction),
      createdAt: input.generatedAt
    },
    (doc) => {
      let y = header(doc, input, out)
      y = decisionBox(doc, y, out)
      y = reasonsSection(doc, y, out)

      const closingTop = PAGE.height - PAGE.bottom - closingHeight(doc, entry.id)
      // Warnings take what they need (up to 4 lines), the applicant's details the rest.
      const warnings = warningLines(out, 4)
      style(doc, { size: 8 })
      const warningTexts = warnings.map((w) => fitText(doc, pdfText(w), CONTENT_WIDTH - 18))
      const warningsH = 20 + warningTexts.length * 11 + 8

      y = sectionHeading(doc, "The applicant's details as entered", y)
      y += inputsTable(doc, y, Math.max(13, closingTop - warningsH - y - 10), entry) + 10

      y = sectionHeading(doc, 'Points to check', y)
      for (const w of warningTexts) {
        label(doc, `•  ${w}`, LEFT + 4, y, { size: 8 })
        y += 11
      }
      officerDecision(doc, y + 10, closingTop - 10)
      closingBlock(doc, closingTop, entry.id)
      drawFooters(
        doc,
        `Credit decision sheet · reference audit record #${entry.id} · model #${out.modelVersion}`,
        `Printed ${formatDateTime(input.generatedAt)} by the Loan Default Workbench from the audit record of ${formatDateTime(entry.createdAt)}`
      )
    },
    protect
  )
}
