import type { LeaderboardEntry, ModelRun } from '../../../../shared/dto'
import { t } from '../../i18n'
import { engineName } from '../train/engineSettings'

/**
 * An `auto` run's leaderboard as the Models screen lists it: every candidate, best mean
 * cross-validated AUC first, with the champion and its challengers, and which candidates
 * are within one standard error of the best (as good by the folds).
 */
export interface LeaderboardRow {
  rank: number
  engine: string
  label: string
  cvAuc: number
  cvAucSd: number
  /** "0.812 ± 0.014". */
  aucText: string
  folds: number
  seconds: number
  /** Within one standard error of the best mean AUC: as good as the best, by the folds. */
  tiedWithBest: boolean
  role: 'champion' | 'challenger'
  /** The role in words. */
  roleText: string
  modelId: number | null
  /** The model whose page shows the leaderboard. */
  current: boolean
}

/** One standard error of the best candidate's mean AUC: its standard deviation over the folds ÷ √folds. */
export function oneStandardError(run: Pick<ModelRun, 'leaderboard'>): number {
  const best = bestOf(run.leaderboard)
  return best ? best.cvAucSd / Math.sqrt(Math.max(1, best.folds)) : 0
}

/** The leaderboard's rows, best mean AUC first. */
export function leaderboardRows(run: ModelRun, currentModelId: number): LeaderboardRow[] {
  const best = bestOf(run.leaderboard)
  const margin = oneStandardError(run)
  return [...run.leaderboard]
    .sort((a, b) => b.cvAuc - a.cvAuc)
    .map((e, i) => ({
      rank: i + 1,
      engine: engineName(e.engine),
      label: e.label,
      cvAuc: e.cvAuc,
      cvAucSd: e.cvAucSd,
      aucText: `${e.cvAuc.toFixed(3)} ± ${e.cvAucSd.toFixed(3)}`,
      folds: e.folds,
      seconds: e.seconds,
      // A hair of tolerance: the best is tied with itself whatever rounding did.
      tiedWithBest: best !== undefined && best.cvAuc - e.cvAuc <= margin + 1e-12,
      role: e.champion ? 'champion' : 'challenger',
      roleText: e.champion ? t('models.leaderboard.champion') : t('models.leaderboard.challenger'),
      modelId: e.modelId,
      current: e.modelId === currentModelId
    }))
}

/** How the champion was chosen, in one line, with this run's standard error. */
export function oneStandardErrorText(run: ModelRun): string {
  return t('models.leaderboard.rule', { se: oneStandardError(run).toFixed(3) })
}

function bestOf(entries: LeaderboardEntry[]): LeaderboardEntry | undefined {
  let best: LeaderboardEntry | undefined
  for (const e of entries) if (!best || e.cvAuc > best.cvAuc) best = e
  return best
}
