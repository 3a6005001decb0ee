import { area } from '../types'
import hi from '../locales/hi/validation.json'
import { verdictsEn } from './validationVerdicts'

/** The Validation screen: the pack a committee files, as a screen (its cover's words are in validationVerdicts.ts). */
export const validation = area(
  {
    runFailed: 'Could not validate the model',
    columnsFailed: 'Could not read the columns of the data',
    reportFailed: 'Could not write the validation pack',
    reportSaved: 'Saved the validation pack to {path}',
    reportDeclined: 'Validation pack not saved: no file was chosen.',
    dataLine: 'Model #{model} on {label}: {defaults} defaulted. Computed {time}.',
    dataNoOutcomes: 'Model #{model} on {label}: outcomes not known. Computed {time}.',
    notRunYet: 'Choose the model, the loans and any segments, then run the validation.',
    settings: {
      aria: 'Validation settings',
      newerFile: 'Loans',
      newerHint:
        'Newer loans with outcomes (a CSV): the pack tests them and compares them with the held-out rows for stability.',
      segments: 'Segments',
      segmentsHint:
        'Columns to compare approval and ranking across; they need not be model inputs (a region, gender, caste).',
      segmentsPlaceholder: 'Choose columns (optional)',
      run: 'Run validation',
      save: 'Save validation pack (PDF)',
      running: 'Computing the validation pack…',
      stale: 'The settings changed after this pack was computed: run it again to include them.'
    },
    tabs: {
      summary: 'Verdicts',
      calibration: 'Calibration',
      stability: 'Stability',
      segments: 'Segments'
    },
    lights: { green: 'green', amber: 'amber', red: 'red', notRun: 'not run' },
    summary: {
      aria: 'Verdicts by test',
      test: 'Test',
      result: 'Result',
      why: 'What it means',
      bands: 'Judged by'
    },
    discrimination: {
      auc: 'AUC',
      gini: 'Gini',
      ks: 'KS',
      ci: '{confidence} CI {lower}–{upper}',
      note: 'Intervals from {replicates} stratified bootstrap resamples (seed {seed}) of {rows} loans, {defaults} of them defaulted.',
      none: 'These loans have no outcomes: discrimination and calibration need loans whose outcome is known.'
    },
    calibration: {
      aria: 'Calibration by risk grade',
      columns: {
        grade: 'Grade',
        band: 'PD band',
        count: 'Loans',
        defaults: 'Defaults',
        meanPd: 'Mean PD',
        observed: 'Observed rate',
        jeffreys: 'Jeffreys interval',
        p: 'Binomial p',
        mark: 'Check'
      },
      pass: 'pass',
      flag: 'flag',
      empty: 'no loans',
      overall: 'All grades: {rows} loans, mean PD {pd}, observed default rate {observed}.',
      note: 'Jeffreys {confidence} interval of the observed rate. Exact two-sided binomial test of the defaults against the mean PD, Bonferroni over {n} grades: flagged at p < {amber}, red when more loans defaulted than the PDs expect and p < {red}.',
      hl: 'Hosmer–Lemeshow over PD deciles: χ² {stat}, df {df}, p {p}.',
      hlNone: 'Hosmer–Lemeshow: the PDs take too few distinct values to form three groups.',
      hlGroups: 'Deciles of PD',
      hlColumns: { range: 'PD range', count: 'Loans', observed: 'Defaults', expected: 'Expected' }
    },
    stability: {
      none: 'Choose a file of newer loans above: stability compares them with the held-out rows.',
      compared: '{current}, compared with {reference}.',
      psi: 'PSI of the score, deciles',
      psiGrades: 'PSI over risk grades',
      bands: 'PSI and CSI: below {amber} stable, {amber}–{red} a shift, above {red} a major shift.',
      csiAria: 'Stability of each input',
      columns: { column: 'Input', csi: 'CSI', status: 'Status' },
      status: { stable: 'stable', shift: 'shift', major: 'major shift' },
      noCsi: 'The model stores no training distribution of its inputs.',
      migration:
        '{matched} accounts are in both files: {unchanged} kept their grade, {improved} improved, {worsened} worsened, {two} moved two grades or more.',
      noMigration: 'The files share no account id, so only the shift of the distribution is measured.'
    },
    segments: {
      none: 'Choose segment columns above to compare approval and ranking across their values.',
      aria: 'Segments',
      columns: {
        segment: 'Segment',
        rows: 'Loans',
        approval: 'Approved',
        badRate: 'Bad rate',
        auc: 'AUC (CI)',
        repaidApproval: 'Repayers approved',
        ratio: 'Ratio at equal risk',
        rawRatio: 'Raw ratio',
        flags: 'Flags'
      },
      lowApproval: 'low approval',
      lowAuc: 'weaker ranking',
      ok: 'no flag',
      cutoff: 'At the model’s threshold of {cutoff}; overall AUC {auc}.',
      definitions:
        'Low approval: the approval rate of a segment’s repayers divided by that of the best segment of the same column (with {min} or more repayers), the ratio at equal risk, is below {ratio}. Weaker ranking: AUC {gap} or more below the overall, with {n} or more of each outcome and the interval below the overall.'
    },
    charts: {
      calibration: 'Mean PD and observed default rate by grade',
      grade: 'Grade {grade}',
      loans: '{n} loans, {defaults} defaulted',
      meanPd: 'Mean PD: {rate}',
      observed: 'Observed: {rate}',
      jeffreys: 'Jeffreys interval: {interval}',
      meanPdName: 'Mean PD',
      observedName: 'Observed rate',
      psiBins: 'Share of loans by score decile of the held-out rows',
      reference: 'Held-out rows',
      current: 'Newer loans',
      contribution: 'Contribution to the PSI: {value}'
    },
    notes: 'Notes',
    verdicts: verdictsEn
  },
  hi
)
