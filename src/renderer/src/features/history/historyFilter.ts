import type { CallInput } from '../../../../shared/api'
import type { Verdict } from '../../../../shared/policy'

/** The History screen's filters, as the user sets them. */
export interface HistoryFilterForm {
  /** Local calendar days, first and last included; null for any date. */
  days: [Date, Date] | null
  modelId: number | null
  /** The verdict given (approve, decline, refer). */
  decision: Verdict | null
  kind: 'single' | 'batch' | null
  /** Text in the applicant reference (name, customer id, application number). */
  reference: string
}

/** No filter set: every date, model, verdict, kind and applicant. */
export function noFilter(form: HistoryFilterForm): boolean {
  return (
    form.days === null &&
    form.modelId === null &&
    form.decision === null &&
    form.kind === null &&
    form.reference.trim() === ''
  )
}

/** The most entries main returns for one query (its cap). */
export const HISTORY_LIMIT = 5000

/**
 * The history/list filter for the form. Main stores UTC timestamps (ISO strings, which
 * sort as text), so local days become the UTC instants of their first and last millisecond.
 * A branch officer (`singlesOnly`) sees single applicants, never batch files.
 */
export function historyQuery(form: HistoryFilterForm, singlesOnly = false): CallInput<'history/list'> {
  const query: CallInput<'history/list'> = { limit: HISTORY_LIMIT }
  if (form.days) {
    const [first, last] = form.days
    const from = new Date(first.getFullYear(), first.getMonth(), first.getDate(), 0, 0, 0, 0)
    const to = new Date(last.getFullYear(), last.getMonth(), last.getDate(), 23, 59, 59, 999)
    query.from = from.toISOString()
    query.to = to.toISOString()
  }
  if (form.modelId !== null) query.modelId = form.modelId
  if (form.decision !== null) query.decision = form.decision
  if (singlesOnly) query.kind = 'single'
  else if (form.kind !== null) query.kind = form.kind
  if (form.reference.trim()) query.reference = form.reference.trim()
  return query
}
