import { area } from '../types'
import hi from '../locales/hi/cli.json'

/** What `ptm` says to a person about scores, decisions, history and activation (--lang en|hi). */
export const cli = area(
  {
    scoreLine:
      '{verdict}: risk of default {probability} (cut-off {threshold}), risk grade {grade}; model {model}',
    reasons: 'Main reasons:',
    referrals: 'Referred because:',
    warnings: 'Check:',
    audit: 'Audit record {id}',
    auditFor: 'Audit record {id} for {reference}',
    history: {
      empty: 'No scores yet.',
      id: 'record',
      date: 'date',
      applicant: 'applicant',
      verdict: 'verdict',
      officer: 'officer’s decision',
      risk: 'risk',
      grade: 'grade',
      model: 'model',
      channel: 'channel',
      batch: 'batch file {file}: {rows} rows, {errors} not scored'
    },
    override: {
      recorded: 'Recorded for audit record {id}: {decision} by {officer} ({reason}).',
      against: 'This goes against the model’s verdict ({verdict}).'
    },
    activation: {
      requested:
        'Asked for model {id} to be made active. A second person confirms with: ptm activate {id} --confirm --by NAME --note TEXT',
      confirmed: 'Model {id} is now used for scoring (asked by {maker}, confirmed by {checker}).',
      rejected: 'The request to make model {id} active was rejected by {checker}.',
      automatic: 'Model {id} is now used for scoring: no model was active.'
    },
    sheetWritten: 'Decision sheet of audit record {id} written to {path}'
  },
  hi
)
