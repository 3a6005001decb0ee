/**
 * The validation pack's cover, test by test (part of the "validation" area): each test's
 * title, its figure, what each light means for a committee, and the bands it is judged by
 * (filled in from shared/validationThresholds.ts).
 */
export const verdictsEn = {
  noOutcomes: 'The data has no outcomes (defaulted or not): this test needs a file with them.',
  noReference: 'Needs newer loans to compare with the held-out rows: choose a file above.',
  noDistributions: 'The model stores no training distribution of its inputs.',
  noSegments: 'No segment column was chosen.',
  tooFewGroups: 'The PDs take too few distinct values to form three groups.',
  noGradeRows: 'No grade holds any loan.',
  noRows: 'No loans.',
  auc: {
    title: 'Discrimination: AUC and Gini',
    value: 'AUC {auc} (CI {lower}–{upper}), Gini {gini}',
    green: 'The model ranks defaulters above repayers well enough to decide on.',
    amber: 'The model ranks applicants, but weakly: decide with judgement and review cases near the cut-off.',
    red: 'The model ranks applicants little better than chance: do not use it for decisions.',
    unsure: 'Its 95 % interval reaches below {band}.',
    bands: 'green ≥ {green}, amber {amber}–{green}, red < {amber}'
  },
  ks: {
    title: 'Separation: KS',
    value: 'KS {ks} (CI {lower}–{upper})',
    green: 'The scores of defaulters and repayers are well apart.',
    amber: 'Defaulters and repayers overlap a good deal in score.',
    red: 'Defaulters and repayers score much alike.',
    bands: 'green ≥ {green}, amber {amber}–{green}, red < {amber}'
  },
  gradeCalibration: {
    title: 'Calibration by risk grade',
    value: 'grade {grade}: {defaults} defaults vs {expected} expected of {count}, p {p}',
    green: 'In every grade the defaults are in line with the PDs.',
    above: 'Grade {grade} defaults more than its PDs say: the model under-states its risk.',
    below: 'Grade {grade} defaults less than its PDs say: conservative, but it prices good risks too high.',
    bands:
      'binomial test per grade, Bonferroni over the grades: red p < {red} with more defaults than expected, amber p < {amber}'
  },
  hosmerLemeshow: {
    title: 'Calibration: Hosmer–Lemeshow over PD deciles',
    value: 'χ² {stat}, df {df}, p {p}',
    green: 'Predicted and observed default rates agree across the PD deciles.',
    other: 'Predicted and observed default rates differ in some PD deciles.',
    bands: 'green p ≥ {amber}, amber {red}–{amber}, red p < {red}'
  },
  psi: {
    title: 'Stability of the score: PSI',
    value: 'PSI {psi} over deciles ({grades} over grades)',
    green: 'The newer applicants score like the held-out ones.',
    amber: 'The score distribution has shifted: watch the grades and recheck calibration.',
    red: 'The population has changed markedly: revalidate before relying on the model.',
    bands: 'green < {amber}, amber {amber}–{red}, red > {red}'
  },
  csi: {
    title: 'Stability of the inputs: CSI',
    value: '{column} {csi}',
    more: '({n} inputs ≥ {band})',
    green: 'Every input is distributed as it was in training.',
    other: '{column} is distributed differently from training: check the data feed.',
    bands: 'largest CSI of any input: green < {amber}, amber {amber}–{red}, red > {red}'
  },
  concentration: {
    title: 'Concentration across grades',
    value: '{hhi} (HHI {raw}; grade {grade} holds {share})',
    green: 'Loans spread over the grades, so the grades tell risks apart.',
    other: 'Too many loans sit in grade {grade}: the grading differentiates little there.',
    bands: 'normalised Herfindahl: green < {amber}, amber {amber}–{red}, red > {red}'
  },
  segmentApproval: {
    title: 'Fair treatment: approval at equal risk',
    value: '{n} flagged; {column} = {value}: ratio {ratio}',
    noneFlagged: 'no segment flagged',
    green: 'Repayers in every segment are approved at comparable rates.',
    red: 'Repayers with {column} = {value} are approved much less often than equally good applicants elsewhere: review before use.',
    bands: 'approval rate of repayers under {ratio} of the best segment’s is red (four-fifths rule)'
  },
  segmentAuc: {
    title: 'Fair treatment: ranking within segments',
    value: '{n} flagged; {column} = {value}: AUC {auc} vs {overall}',
    noneFlagged: 'overall AUC {auc}; no segment materially lower',
    green: 'The model ranks applicants about as well in every segment.',
    amber: 'The model ranks {column} = {value} applicants less well: its decisions there are less reliable.',
    bands:
      'AUC {gap} or more below overall, with {n} or more of each outcome and its interval below, is amber'
  }
}
