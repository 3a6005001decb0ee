import type { CallInput } from '../../../../shared/api'

/** The History screen's filters, as the user sets them. */
export interface HistoryFilterForm {
  /** Local calendar days, first and last included; null for any date. */
  days: [Date, Date] | null
  modelId: number | null
  decision: 'default' | 'no-default' | null
  kind: 'single' | 'batch' | null
}

/** No filter set: every date, model, decision and kind. */
export function noFilter(form: HistoryFilterForm): boolean {
  return form.days === null && form.modelId === null && form.decision === null && form.kind === null
}

/** The most entries main returns for one query (its cap). */
export const HISTORY_LIMIT = 5000

/**
 * The history/list filter for the form. Main stores UTC timestamps (ISO strings, which
 * sort as text), so local days become the UTC instants of their first and last millisecond.
 */
export function historyQuery(form: HistoryFilterForm): CallInput<'history/list'> {
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
  if (form.kind !== null) query.kind = form.kind
  return query
}
