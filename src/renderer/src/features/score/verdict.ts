import type { HistoryEntry } from '../../../../shared/dto'
import type { Verdict } from '../../../../shared/policy'
import { t } from '../../i18n'

/**
 * The one verdict vocabulary, said the same way on every screen (the result, History's
 * table, filters and details), the decision sheet, the CLI and /predict: the catalogue's
 * decision.verdict messages.
 */

/** The verdict in words: "Approve", "Decline", "Refer to a senior officer". */
export function verdictText(verdict: Verdict): string {
  return t(`decision.verdict.${verdict}`)
}

/** The verdict of an audited score (records older than verdicts: by the prediction). */
export function verdictOf(
  entry: Pick<Extract<HistoryEntry, { kind: 'single' }>, 'decision' | 'prediction'>
): Verdict {
  return entry.decision ?? (entry.prediction === 1 ? 'decline' : 'approve')
}
