import { refLine } from '../../../shared/applicantRef'
import type { Dictionary } from '../../../shared/dictionary'
import type { HistoryEntry } from '../../../shared/dto'
import type { Lang } from '../../../shared/i18n'
import { formatShare } from '../../../shared/numbers'
import type { Verdict } from '../../../shared/policy'
import type { ProtectedPath } from '../base/outputFile'
import { DecisionText } from '../../../shared/decisionText'
import { readSheetOutputs, type SheetOutputs } from './decisionSheetData'
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  drawFooters,
  formatDateTime,
  label,
  paragraph,
  rule,
  textHeight,
  writePdfFile,
  type Doc,
  type TextStyle
} from './pdfKit'

/**
 * The one-page credit decision sheet of a single score, in English or Hindi (the
 * catalogue's "sheet" and "decision" areas, drawn with the embedded Noto fonts so ₹ and
 * Devanagari print): the applicant reference, the verdict in the one vocabulary with its
 * reason, any officer's decision against or with the model, the main reasons by the fields
 * the applicant gave (fields not provided are one line, never a reason), the applicant's
 * details by their display names and units, every point to check, and the applicant's
 * right to reasons and review. Always exactly one A4 page.
 */

export interface DecisionSheetInput {
  entry: Extract<HistoryEntry, { kind: 'single' }>
  generatedAt: string
  lang: Lang
  /** The model's data dictionary (display names, units). */
  dictionary: Dictionary
  /** What the sheet says of the model: its purpose and when it was trained (null when it was deleted). */
  model: { purpose: string | null; trainedAt: string | null }
  /** The bank and branch the workbench is set up for (lines left out when not set). */
  branch?: { bank?: string | null; branch?: string | null }
}

/** Reasons shown per direction. */
const MAX_REASONS = 3
const BODY: TextStyle = { size: 9 }
const SMALL: TextStyle = { size: 7.5, color: COLOR.muted }
const LEFT = PAGE.left
const RIGHT = PAGE.left + CONTENT_WIDTH

const VERDICT_COLOUR: Record<Verdict, string> = { approve: COLOR.good, decline: COLOR.bad, refer: '#8a5a00' }

/** A date and time in India, in the sheet's language ("24 Nov 2026, 07:26 IST"). */
function dateTime(iso: string, lang: Lang): string {
  return formatDateTime(iso, lang === 'hi' ? 'hi-IN' : 'en-IN')
}

function date(iso: string, lang: Lang): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleDateString(lang === 'hi' ? 'hi-IN' : 'en-IN', {
    timeZone: 'Asia/Kolkata',
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    numberingSystem: 'latn'
  })
}

/** Draws one sheet: the parts top to bottom, the closing block anchored to the page's foot. */
class SheetDrawer {
  readonly text: DecisionText
  readonly out: SheetOutputs

  constructor(
    readonly doc: Doc,
    readonly input: DecisionSheetInput
  ) {
    this.text = new DecisionText(input.dictionary, input.lang)
    this.out = readSheetOutputs(input.entry)
  }

  get t(): DecisionText['t'] {
    return this.text.t
  }

  heading(text: string, y: number): number {
    label(this.doc, text, LEFT, y, { size: 10.5, weight: 'bold', color: COLOR.accent })
    rule(this.doc, LEFT, y + 15, CONTENT_WIDTH, COLOR.accent, 0.7)
    return y + 21
  }

  /** Bank and branch (when set), the seal box, the title, and who and what the sheet is about. */
  header(): number {
    const { doc, input, t } = this
    const { entry } = input
    let y = PAGE.top - 8
    for (const [key, value] of [
      ['sheet.bank', input.branch?.bank],
      ['sheet.branch', input.branch?.branch]
    ] as const) {
      if (!value) continue
      label(doc, t(key), LEFT, y + 4, SMALL)
      label(doc, value, LEFT + 60, y + 2, { size: 9.5, weight: 'bold' }, { maxWidth: 250 })
      y += 16
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
    label(doc, t('sheet.seal'), RIGHT - sealW / 2, PAGE.top + 6, SMALL, { align: 'center' })
    y = Math.max(y, PAGE.top + 36)
    label(doc, t('sheet.title'), LEFT, y, { size: 16, weight: 'bold' }, { maxWidth: CONTENT_WIDTH })
    y += 30
    const row = (
      key: Parameters<typeof t>[0],
      value: string,
      x: number,
      top: number,
      width: number,
      bold = false
    ): void => {
      label(doc, t(key), x, top + 1, { size: 8.5, color: COLOR.muted })
      label(
        doc,
        value,
        x + 100,
        top,
        { size: bold ? 10 : 8.5, weight: bold ? 'bold' : 'regular' },
        { maxWidth: width - 100 }
      )
    }
    const half = CONTENT_WIDTH / 2
    row('sheet.applicant', refLine(entry.reference) || t('sheet.noApplicant'), LEFT, y, CONTENT_WIDTH, true)
    y += 16
    row('sheet.date', dateTime(entry.createdAt, input.lang), LEFT, y, half - 6)
    row('sheet.reference', t('sheet.referenceValue', { id: entry.id }), LEFT + half, y, half)
    y += 14
    const purpose = input.model.purpose ?? t('sheet.defaultPurpose')
    const trained = input.model.trainedAt ? date(input.model.trainedAt, input.lang) : '-'
    row(
      'sheet.model',
      t('sheet.modelValue', { purpose, id: this.out.modelVersion, date: trained }),
      LEFT,
      y,
      CONTENT_WIDTH
    )
    return y + 22
  }

  /** The verdict in a tinted box: what the officer and the applicant look at first. */
  verdict(y: number): number {
    const { doc, out, text, t } = this
    const colour = VERDICT_COLOUR[out.decision]
    const x = LEFT + 16
    const width = CONTENT_WIDTH - 26
    const grade = out.grade ? t(`decision.gradeLabel.${out.grade as 'A'}`) : ''
    const riskLine = t('sheet.riskLine', {
      probability: formatShare(out.probability),
      grade: out.grade,
      label: grade,
      threshold: out.threshold === null ? '-' : formatShare(out.threshold)
    })
    const why = text.verdictWhy(
      out.decision,
      out.probability,
      out.threshold ?? 0,
      out.referrals.map((r) => text.referral(r))
    )
    const leaning =
      out.decision === 'refer' && out.threshold !== null
        ? t(
            out.probability >= out.threshold
              ? 'decision.modelLeaning.decline'
              : 'decision.modelLeaning.approve'
          )
        : ''
    const whyText = leaning ? `${why} ${leaning}` : why
    const whyH = textHeight(doc, whyText, width, BODY)
    const height = 10 + 12 + 22 + 14 + whyH + 6 + 12
    doc.save().rect(LEFT, y, CONTENT_WIDTH, height).fillOpacity(0.07).fill(colour).restore()
    doc.save().rect(LEFT, y, 5, height).fill(colour).restore()
    label(doc, t('sheet.assessment'), x, y + 8, SMALL)
    label(
      doc,
      text.verdict(out.decision),
      x,
      y + 20,
      { size: 16, weight: 'bold', color: colour },
      { maxWidth: width }
    )
    label(doc, riskLine, x, y + 44, { size: 9.5, weight: 'bold' }, { maxWidth: width })
    paragraph(doc, whyText, x, y + 58, width, BODY)
    label(doc, t('sheet.support'), x, y + 58 + whyH + 4, SMALL, { maxWidth: width })
    return y + height + 10
  }

  /** The latest officer's decision on this score, when one was recorded. */
  override(y: number): number {
    const latest = this.input.entry.overrides[0]
    if (!latest) return y
    const { doc, out, t } = this
    let line = t('decision.override.line', {
      decision: t(`decision.finalDecision.${latest.decision}`),
      officer: latest.officer,
      date: dateTime(latest.createdAt, this.input.lang),
      reason: t(`decision.overrideReason.${latest.reason}`)
    })
    if (out.decision !== 'refer' && out.decision !== latest.decision)
      line += ` — ${t('decision.override.against', { verdict: this.text.verdict(out.decision) })}`
    if (latest.note) line += `. ${t('decision.override.note', { note: latest.note })}`
    const h = textHeight(doc, line, CONTENT_WIDTH - 20, BODY) + 22
    doc.save().rect(LEFT, y, CONTENT_WIDTH, h).lineWidth(0.8).strokeColor(COLOR.accent).stroke().restore()
    label(doc, t('sheet.officerDecision'), LEFT + 10, y + 5, {
      size: 8.5,
      weight: 'bold',
      color: COLOR.accent
    })
    paragraph(doc, line, LEFT + 10, y + 17, CONTENT_WIDTH - 20, BODY)
    return y + h + 10
  }

  bullet(text: string, x: number, y: number, width: number, colour: string, maxHeight = 40): number {
    this.doc
      .save()
      .circle(x + 4, y + 5.5, 2.2)
      .fill(colour)
      .restore()
    return paragraph(this.doc, text, x + 11, y, width - 11, BODY, { maxHeight }) + 3
  }

  /** One column of reasons (raised or lowered) from (x, y); returns its height. */
  reasonColumn(
    title: string,
    reasons: SheetOutputs['reasons'],
    empty: 'sheet.noneRaised' | 'sheet.noneLowered' | 'sheet.mustState',
    x: number,
    y: number,
    width: number,
    colour: string
  ): number {
    const { doc, text, t } = this
    const top = y
    label(doc, title, x, y, { size: 9, weight: 'bold' })
    y += 15
    if (reasons.length) for (const r of reasons) y += this.bullet(text.reason(r), x, y, width, colour)
    else if (empty === 'sheet.mustState') {
      // An adverse decision must come with its reasons: when the model names none, the officer writes them.
      y += paragraph(doc, t(empty), x, y, width, BODY) + 14
      for (let i = 0; i < 2; i++) {
        rule(doc, x, y, width, COLOR.muted)
        y += 16
      }
    } else y += paragraph(doc, t(empty), x, y, width, BODY) + 3
    return y - top
  }

  /** What raised and lowered the risk (side by side), among the fields given; then the one line for those not given. */
  reasons(y: number): number {
    const { doc, out, text, t } = this
    y = this.heading(t('sheet.reasons'), y)
    y += paragraph(doc, t('sheet.reasonsIntro'), LEFT, y, CONTENT_WIDTH, SMALL) + 5
    const raising = out.reasons.filter((r) => r.contribution > 0).slice(0, MAX_REASONS)
    const lowering = out.reasons.filter((r) => r.contribution < 0).slice(0, MAX_REASONS)
    const gap = 18
    const colW = (CONTENT_WIDTH - gap) / 2
    const noneRaised = out.decision === 'approve' ? 'sheet.noneRaised' : 'sheet.mustState'
    const left = this.reasonColumn(t('sheet.raised'), raising, noneRaised, LEFT, y, colW, COLOR.bad)
    const right = this.reasonColumn(
      t('sheet.lowered'),
      lowering,
      'sheet.noneLowered',
      LEFT + colW + gap,
      y,
      colW,
      COLOR.good
    )
    y += Math.max(left, right) + 2
    const missing = text.notProvided(out.notProvided)
    if (missing) y += this.bullet(missing, LEFT, y, CONTENT_WIDTH, COLOR.muted, 36)
    if (out.bookRate !== null)
      y +=
        2 +
        paragraph(
          doc,
          t('sheet.bookRate', { rate: formatShare(out.bookRate) }),
          LEFT,
          y + 2,
          CONTENT_WIDTH,
          SMALL
        )
    return y + 8
  }

  /** The applicant's fields as entered, by display name and unit, in two or three column pairs within `height`. */
  details(y: number, height: number): number {
    const { doc, input, text, t } = this
    const fields = Object.entries(input.entry.inputs).filter(([k]) => !k.startsWith('('))
    const rowH = 13
    if (fields.length === 0) {
      label(doc, t('sheet.noDetails'), LEFT + 3, y, { size: 8, color: COLOR.muted })
      return rowH
    }
    const capacity = (pairs: number): number => pairs * Math.max(1, Math.floor(height / rowH))
    const pairsPerRow = fields.length <= capacity(2) ? 2 : 3
    const fit = capacity(pairsPerRow)
    const shown = fields.length <= fit ? fields : fields.slice(0, Math.max(0, fit - 1))
    const rows = Math.ceil((shown.length + (shown.length < fields.length ? 1 : 0)) / pairsPerRow)
    const gap = 14
    const pairW = (CONTENT_WIDTH - gap * (pairsPerRow - 1)) / pairsPerRow
    const keyW = pairW * (pairsPerRow === 2 ? 0.5 : 0.58)
    // Column-major: down the first pair of columns, then the next, as a form reads.
    shown.forEach(([field, value], i) => {
      const x = LEFT + Math.floor(i / rows) * (pairW + gap)
      const top = y + (i % rows) * rowH
      if ((i % rows) % 2 === 0)
        doc
          .save()
          .rect(x, top - 2.5, pairW, rowH)
          .fill(COLOR.panel)
          .restore()
      label(doc, text.label(field), x + 3, top, { size: 8, color: COLOR.muted }, { maxWidth: keyW - 6 })
      const shownValue = typeof value === 'number' || typeof value === 'string' ? value : null
      label(doc, text.value(field, shownValue), x + keyW, top, { size: 8 }, { maxWidth: pairW - keyW - 3 })
    })
    if (shown.length < fields.length) {
      const i = shown.length
      label(
        doc,
        t('sheet.moreDetails', { n: fields.length - shown.length, id: input.entry.id }),
        LEFT + Math.floor(i / rows) * (pairW + gap) + 3,
        y + (i % rows) * rowH,
        { size: 8, color: COLOR.muted },
        { maxWidth: pairW - 6 }
      )
    }
    return rows * rowH
  }

  /** Every warning of the score, each in full (wrapped): none is hidden behind a count. */
  checkLines(): string[] {
    const lines = this.out.warnings.map((w) => this.text.warning(w))
    return lines.length ? lines : [this.t('sheet.noChecks')]
  }

  checksHeight(lines: string[]): number {
    return (
      21 + lines.reduce((s, l) => s + textHeight(this.doc, l, CONTENT_WIDTH - 18, { size: 8 }) + 2, 0) + 6
    )
  }

  checks(y: number, lines: string[]): number {
    y = this.heading(this.t('sheet.checks'), y)
    for (const l of lines) {
      label(this.doc, '•', LEFT + 5, y, { size: 8 })
      y += paragraph(this.doc, l, LEFT + 16, y, CONTENT_WIDTH - 18, { size: 8 }) + 2
    }
    return y + 6
  }

  /** Boxes to tick and lines for remarks, in the room left (nothing when there is too little). */
  officerBoxes(top: number, bottom: number): void {
    const { doc, t } = this
    if (bottom - top < 52) return
    let y = this.heading(t('sheet.decide'), top)
    let x = LEFT
    for (const key of [
      'sheet.sanctioned',
      'sheet.declined',
      'sheet.referredUp',
      'sheet.moreDocuments'
    ] as const) {
      doc
        .save()
        .rect(x, y + 1, 8, 8)
        .lineWidth(0.7)
        .strokeColor(COLOR.ink)
        .stroke()
        .restore()
      x += 13 + label(doc, t(key), x + 13, y, { size: 8.5 }) + 20
    }
    y += 14
    label(doc, t('sheet.remarks'), LEFT, y + 4, SMALL)
    const lines = Math.min(3, Math.floor((bottom - y - 4) / 18))
    for (let i = 0; i < lines; i++) {
      y += 18
      rule(doc, LEFT, y, CONTENT_WIDTH, COLOR.muted)
    }
  }

  closingHeight(): number {
    return (
      textHeight(this.doc, this.t('sheet.applicantNote', { id: this.input.entry.id }), CONTENT_WIDTH - 20, {
        size: 8.5
      }) +
      24 +
      30 +
      16
    )
  }

  /** The applicant's right to the reasons and a review, and the signature lines. */
  closing(y: number): void {
    const { doc, t } = this
    const note = t('sheet.applicantNote', { id: this.input.entry.id })
    const noteH = textHeight(doc, note, CONTENT_WIDTH - 20, { size: 8.5 })
    doc
      .save()
      .rect(LEFT, y, CONTENT_WIDTH, noteH + 24)
      .fill(COLOR.panel)
      .restore()
    label(doc, t('sheet.forApplicant'), LEFT + 10, y + 5, { size: 8.5, weight: 'bold' })
    paragraph(doc, note, LEFT + 10, y + 19, CONTENT_WIDTH - 20, { size: 8.5 })
    y += noteH + 24 + 32
    const colW = (CONTENT_WIDTH - 24) / 2
    const blocks = [
      ['sheet.assessedBy', ['sheet.nameDesignation', 'sheet.signatureDate']],
      ['sheet.receivedBy', ['sheet.name', 'sheet.signatureDate']]
    ] as const
    blocks.forEach(([title, captions], i) => {
      const x = LEFT + i * (colW + 24)
      label(doc, t(title), x, y - 26, { size: 8.5, weight: 'bold' })
      captions.forEach((caption, j) => {
        const w = (colW - 12) / 2
        const lx = x + j * (w + 12)
        rule(doc, lx, y, w, COLOR.muted)
        label(doc, t(caption), lx, y + 3, SMALL, { maxWidth: w })
      })
    })
  }

  draw(): void {
    const { doc, input, t } = this
    let y = this.header()
    y = this.verdict(y)
    y = this.override(y)
    y = this.reasons(y)
    const closingTop = PAGE.height - PAGE.bottom - this.closingHeight()
    // Every point to check is shown; the applicant's details take the room that is left.
    const lines = this.checkLines()
    const checksH = this.checksHeight(lines)
    y = this.heading(t('sheet.details'), y)
    y += this.details(y, Math.max(13, closingTop - checksH - y - 12)) + 10
    y = this.checks(y, lines)
    this.officerBoxes(y + 4, closingTop - 8)
    this.closing(closingTop)
    drawFooters(
      doc,
      t('sheet.footer', { id: input.entry.id, model: this.out.modelVersion }),
      t('sheet.printed', {
        printed: dateTime(input.generatedAt, input.lang),
        scored: dateTime(input.entry.createdAt, input.lang)
      }),
      (page, pages) => t('sheet.page', { page, pages })
    )
  }
}

/**
 * Writes the one-page credit decision sheet of a single score (an audit record) in the
 * language asked for; all or nothing, as every PDF (writePdfFile).
 */
export async function writeDecisionSheet(
  input: DecisionSheetInput,
  path: string,
  protect: readonly ProtectedPath[] = []
): Promise<void> {
  const text = new DecisionText(input.dictionary, input.lang)
  const out = readSheetOutputs(input.entry)
  await writePdfFile(
    path,
    {
      title: text.t('sheet.docTitle', { id: input.entry.id }),
      subject: text.verdict(out.decision),
      createdAt: input.generatedAt,
      embedFonts: true
    },
    (doc) => new SheetDrawer(doc, input).draw(),
    protect
  )
}
