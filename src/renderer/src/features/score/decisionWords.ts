import { DecisionText } from '../../../../shared/decisionText'
import type { Dictionary } from '../../../../shared/dictionary'
import type { ReasonInfo } from '../../../../shared/dto'
import { lang, t } from '../../i18n'

/**
 * The sentences of a decision in the window's language, by the model's dictionary: the same
 * class and messages main uses for the CLI, /predict and the decision sheet, read through
 * vue-i18n, so a reason reads the same on the screen as on the printed sheet.
 */
export function decisionWords(dictionary: Dictionary): DecisionText {
  return new DecisionText(dictionary, lang.value, t)
}

/** The reasons that raised the risk most, then those that lowered it most (at most `count` each). */
export function splitReasons(
  contributions: ReasonInfo[],
  count = 3
): { raised: ReasonInfo[]; lowered: ReasonInfo[] } {
  const sorted = [...contributions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
  return {
    raised: sorted.filter((r) => r.contribution > 0).slice(0, count),
    lowered: sorted.filter((r) => r.contribution < 0).slice(0, count)
  }
}
