import { fieldLabel, formatFieldValue, type Dictionary } from './dictionary'
import { translator, type Lang, type Translate } from './i18n'
import { formatShare, formatSignedShare } from './numbers'
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
    const points = Math.abs(r.contribution)
    const amount =
      points < 0.0005 ? this.t('decision.reason.lessThan', { points: '0.1 %' }) : formatShare(points)
    return this.t(r.contribution > 0 ? 'decision.reason.raises' : 'decision.reason.lowers', {
      field: this.label(r.feature),
      value: this.value(r.feature, r.value),
      points: amount
    })
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
