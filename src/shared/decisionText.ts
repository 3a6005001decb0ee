import type { Dictionary } from './dictionary'
// The resolver itself, not the dictionary's index: scoring threads load no schema library.
import {
  fieldLabel,
  fieldValueFormat,
  formatFieldValue,
  numberWords,
  type NumberWords
} from './dictionary/resolve'
import { translator, type Lang, type Translate } from './i18n'
import { formatShare, formatSignedShare, shareTenth, shareTenthTexts } from './numbers'
import type { FiredReferral, PolicyIssue, Verdict } from './policy'

/**
 * The sentences of a decision in the catalogue's words (shared/i18n, area "decision"),
 * naming fields through the data dictionary: what the CLI prints, /predict answers, the
 * audit keeps, the scored file's reasons say, the decision sheet prints and the Score and
 * History screens show: one class, so every channel says a decision the same way.
 */
export class DecisionText {
  readonly t: Translate
  private readonly entries: Map<string, Dictionary[number]>
  /** Per feature, its reason sentence with the words looked up once (see reason). */
  private readonly sentences = new Map<string, ReasonSentence>()
  /** The amounts reasons say, the same for every feature (see reasonTemplate). */
  private amounts?: string[]

  constructor(
    readonly dictionary: Dictionary,
    readonly lang: Lang = 'en',
    /** The catalogue's reader: main's translator by default, vue-i18n's in the renderer. */
    t?: Translate
  ) {
    this.t = t ?? translator(lang)
    this.entries = new Map(dictionary.map((e) => [e.field, e]))
  }

  /** A field's name as people read it. */
  label(field: string): string {
    return fieldLabel(this.dictionary, field, this.lang)
  }

  /** A field's value as people read it (₹, %, units, category labels). */
  value(field: string, value: number | string | null): string {
    return formatFieldValue(this.entries.get(field), value, this.lang, this.t)
  }

  /** "Credit score: 540 — raised the risk by 12.3 %". */
  reason(r: { feature: string; value: number | string | null; contribution: number }): string {
    return this.reasonSentence(r.feature)(r.value, r.contribution)
  }

  /** reason() for one feature, its words looked up once (see cutReasonSentence). */
  reasonSentence(feature: string): ReasonSentence {
    let sentence = this.sentences.get(feature)
    // Stryker disable next-line ConditionalExpression: cutting the sentence again each call says the same, only slower.
    if (!sentence) {
      sentence = this.cutReasonSentence(feature)
      this.sentences.set(feature, sentence)
    }
    return sentence
  }

  /**
   * A feature's reason sentences, raising and lowering, filled once with marks where the
   * field, the value and the amount go, then cut there: a scored file says three reasons in
   * each of a million rows, and looking up the label, the unit and the sentence per reason
   * was most of writing them. Only the catalogue's message is cut, never the label (which may
   * hold any character): joined, the pieces are the sentence the catalogue fills. The
   * field's name is joined into the fixed text around it; the value and the amount are slots.
   */
  reasonTemplate(feature: string): ReasonTemplate {
    const field = this.label(feature)
    const marks = { field: FIELD_MARK, value: VALUE_MARK, points: POINTS_MARK }
    const amounts = (this.amounts ??= [
      ...shareTenthTexts(),
      this.t('decision.reason.lessThan', { points: '0.1 %' })
    ])
    const lessThan = amounts.length - 1
    const amountIndex = (contribution: number): number => {
      const points = Math.abs(contribution)
      return points < 0.0005 ? lessThan : shareTenth(points)
    }
    return {
      raises: slotsOf(cutAtMarks(this.t('decision.reason.raises', marks)), field),
      lowers: slotsOf(cutAtMarks(this.t('decision.reason.lowers', marks)), field),
      value: fieldValueFormat(this.entries.get(feature), this.lang, this.t),
      number: numberWords(this.entries.get(feature)?.unit, this.t),
      amounts,
      amountIndex,
      amount: (contribution) => {
        const at = amountIndex(contribution)
        return at >= 0 ? amounts[at] : formatShare(Math.abs(contribution))
      }
    }
  }

  private cutReasonSentence(feature: string): ReasonSentence {
    const { raises, lowers, value, amount } = this.reasonTemplate(feature)
    return (v, contribution) => {
      const { fixed, slots } = contribution > 0 ? raises : lowers
      let text = fixed[0]
      for (let i = 0; i < slots.length; i++)
        text += (slots[i] === 'value' ? value(v) : amount(contribution)) + fixed[i + 1]
      return text
    }
  }

  /** The one line for the fields not provided ("" when every field was given). */
  notProvided(np: { fields: string[]; contribution: number }): string {
    if (np.fields.length === 0) return ''
    return this.t(
      'decision.notProvided',
      { fields: np.fields.map((f) => this.label(f)).join(', '), points: formatSignedShare(np.contribution) },
      np.fields.length
    )
  }

  /** Why a policy check stops an applicant. */
  issue(issue: PolicyIssue): string {
    const field = this.label(issue.field)
    if (issue.rule === 'required') return this.t('decision.policy.required', { field })
    const params = {
      field,
      value: this.value(issue.field, issue.value),
      min: this.value(issue.field, issue.bound),
      max: this.value(issue.field, issue.bound)
    }
    return this.t(issue.rule === 'min' ? 'decision.policy.belowMin' : 'decision.policy.aboveMax', params)
  }

  /** Why a referral rule sent the case to a person. */
  referral(fired: FiredReferral): string {
    const { rule } = fired
    switch (rule.kind) {
      case 'below':
      case 'above':
        return this.t(rule.kind === 'below' ? 'decision.referral.below' : 'decision.referral.above', {
          field: this.label(rule.field),
          value: this.value(rule.field, fired.value),
          cut: this.value(rule.field, rule.value)
        })
      case 'probabilityBetween':
        return this.t('decision.referral.probabilityBetween', {
          probability: formatShare(fired.value),
          from: formatShare(rule.from),
          to: formatShare(rule.to)
        })
      case 'notProvided':
        return this.t('decision.referral.notProvided', { n: fired.value, atLeast: rule.atLeast })
    }
  }

  /** A warning about a score, said again in this language when it quotes its values (else as stored). */
  warning(w: {
    field: string
    message: string
    rule?: string
    values?: Record<string, number | string | null>
  }): string {
    const v = w.values
    if (w.rule === 'range' && v)
      return this.t('decision.policy.outsideTraining', {
        field: this.label(w.field),
        value: this.value(w.field, v.value ?? null),
        min: this.value(w.field, v.min ?? null),
        max: this.value(w.field, v.max ?? null)
      })
    if (w.rule === 'category' && v)
      return this.t('decision.policy.unseenCategory', {
        field: this.label(w.field),
        value: String(v.value ?? ''),
        fill: this.value(w.field, v.fill ?? null)
      })
    return w.message
  }

  /** The verdict in the one vocabulary ("Approve", "Decline", "Refer to a senior officer"). */
  verdict(verdict: Verdict): string {
    return this.t(`decision.verdict.${verdict}`)
  }

  /** Why the verdict is what it is. */
  verdictWhy(verdict: Verdict, probability: number, threshold: number, referrals: string[]): string {
    if (verdict === 'refer') return this.t('decision.verdictWhy.refer', { rules: referrals.join('; ') })
    return this.t(`decision.verdictWhy.${verdict}`, {
      probability: formatShare(probability),
      threshold: formatShare(threshold)
    })
  }
}

/** A feature's reason sentence for a value and a contribution (DecisionText.reason). */
export type ReasonSentence = (value: number | string | null, contribution: number) => string

/** A feature's reason sentences with its name filled in, cut where the value and the amount go. */
export interface ReasonTemplate {
  raises: ReasonPieces
  lowers: ReasonPieces
  /** The value in the dictionary's words (₹, %, units, category labels; "not given" for none). */
  value: (value: number | string | null) => string
  /** How value() says a finite number, where its unit says every number alike (see NumberWords). */
  number: NumberWords | null
  /** How much the reason moved the probability, in words ("2.3 %", "less than 0.1 %"). */
  amount: (contribution: number) => string
  /** The texts amount() says for most contributions: one decimal from "0.0 %" to "100.0 %", then "less than 0.1 %". */
  amounts: readonly string[]
  /** Which of `amounts` amount() says for a contribution, or −1 where it says another text. */
  amountIndex: (contribution: number) => number
}

/** A sentence as fixed texts around its slots: fixed[0], slots[0], fixed[1], …, fixed[slots.length]. */
export interface ReasonPieces {
  fixed: string[]
  slots: ('value' | 'amount')[]
}

/** Where a reason sentence's field, value and amount go (characters no catalogue message holds). */
const FIELD_MARK = '\u0001'
const VALUE_MARK = '\u0002'
const POINTS_MARK = '\u0003'

/** Cuts a sentence at its marks, keeping them: text, mark, text, …, text. */
function cutAtMarks(text: string): string[] {
  const parts: string[] = []
  let from = 0
  // Stryker disable next-line EqualityOperator: text[length] is undefined, no mark.
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c !== FIELD_MARK && c !== VALUE_MARK && c !== POINTS_MARK) continue
    parts.push(text.slice(from, i), c)
    from = i + 1
  }
  parts.push(text.slice(from))
  return parts
}

/** The pieces of a sentence cut at its marks, the field's name joined into the fixed text around it. */
function slotsOf(parts: string[], field: string): ReasonPieces {
  const fixed = [parts[0]]
  const slots: ReasonPieces['slots'] = []
  for (let i = 1; i < parts.length; i += 2) {
    if (parts[i] === FIELD_MARK) fixed[fixed.length - 1] += field + parts[i + 1]
    else {
      slots.push(parts[i] === VALUE_MARK ? 'value' : 'amount')
      fixed.push(parts[i + 1])
    }
  }
  return { fixed, slots }
}
