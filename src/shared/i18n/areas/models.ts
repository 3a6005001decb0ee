import { area } from '../types'
import hi from '../locales/hi/models.json'

/** The Models screens: the list, one model's evaluation, two models compared, activation. */
export const models = area(
  {
    list: {
      title: 'Model versions',
      intro: 'All figures are measured on loans the model never saw. The active model scores applicants.',
      refresh: 'Refresh',
      aria: 'Model versions',
      loading: 'Loading…',
      active: 'active',
      pending: 'waiting for a second person',
      columns: { model: 'Model', dataset: 'Dataset', trained: 'Trained', actions: 'Actions' },
      open: 'Open',
      openLabel: 'Open {name}',
      makeActive: 'Make active…',
      isActive: 'Active',
      makeActiveLabel: 'Make {name} the active model',
      delete: 'Delete',
      deleteLabel: 'Delete {name}',
      deleteTitle: 'Delete model',
      deleteText:
        'Delete model #{id} “{name}”? Its evaluation is deleted too; past scores stay in History.{warning} This cannot be undone.',
      deleteActive: ' It is the active model: scoring stops until another model is made active.',
      deleted: 'Deleted model #{id}.',
      deleteFailed: 'Could not delete the model',
      loadFailed: 'Could not load the models'
    },
    page: {
      backToList: 'Back to the list of models',
      loading: 'Loading the evaluation…',
      notes: 'Notes from training',
      allNotes: 'Show all {n} notes',
      fewerNotes: 'Show fewer',
      back: 'Back to all models',
      trainedLine: '{dataset} · {params} · trained {time} in {duration}',
      compareWith: 'Compare with',
      anotherModel: 'another model',
      compareAria: 'Compare with another model',
      exportReport: 'Export PDF report',
      reportFailed: 'Could not write the report',
      reportSaved: 'Saved the evaluation report to {path}',
      reportDeclined: 'Report not saved: no file was chosen.',
      openFailed: 'Could not open model #{id}',
      compareFailed: 'Could not open model #{id} to compare',
      evaluatedTest: 'Evaluated on {n} held-out rows never seen in training.',
      evaluatedOob:
        'Evaluated on {n} out-of-bag rows: each tree is judged only on rows it was not grown on (no test share was held out).',
      evaluatedCrossFitted:
        'Evaluated on {n} training rows, each scored by a model fitted on the other folds (no test share was held out).',
      trainingRows: '{n} training rows',
      synthetic: ' (+{n} synthetic from SMOTE)',
      heldOut: '{n} held out'
    },
    tabs: {
      threshold: 'Threshold and confusion matrix',
      curves: 'ROC and precision-recall',
      ks: 'KS and calibration',
      histogram: 'Probabilities by outcome',
      importance: 'Feature importance',
      governance: 'Use, policy and dictionary',
      leaderboard: 'Leaderboard',
      points: 'Points table',
      calibrationBins: 'Calibration bins',
      equalWidth: 'Equal-width bins',
      equalCount: 'Equal-count bins',
      importanceNote:
        "Impurity: how much each feature's splits purify the trees (training rows). Permutation: how much the AUC on the evaluated rows drops when the feature's values are shuffled; near zero or below means the model does not rely on it.",
      shownFor: 'Shown for #{id}.'
    },
    leaderboard: {
      aria: 'Leaderboard of the auto run',
      intro:
        'Run #{id} of {time}: {n} candidates, each cross-validated on the training rows only (the held-out rows were never touched). Every candidate is kept as a model version.',
      rule: 'The champion is the blend of boosting and the scorecard, unless the best candidate leads it by more than one standard error of their fold-by-fold difference. Candidates within one standard error ({se}) of the best are as good by these folds; each is kept as a challenger you can promote.',
      loadFailed: 'Could not load the leaderboard',
      rank: 'Rank',
      candidate: 'Candidate',
      engine: 'Engine',
      auc: 'CV AUC ± sd',
      tied: 'Within 1 SE',
      folds: 'Folds',
      seconds: 'Seconds',
      role: 'Role',
      model: 'Kept as',
      champion: 'champion',
      challenger: 'challenger',
      thisModel: 'this model',
      deleted: 'deleted',
      tiedHelp: 'Within one standard error of the best: as good as it by these folds.'
    },
    points: {
      aria: 'Points table',
      scale: '{base} points at {odds}:1, {pdo} points to double the odds',
      range:
        'An applicant’s score is the sum of the points of their bins: from {min} to {max}, which the points read as a default probability of {pdMin} to {pdMax}.',
      calibrationNone: 'Calibration none: scoring gives exactly the probabilities the points state.',
      calibrated:
        'Calibration {method}: scoring maps the points’ probability through it, keeping the order of the scores.',
      characteristic: 'Characteristic',
      bin: 'Bin',
      rows: 'Rows',
      defaultRate: 'Default rate',
      woe: 'WoE',
      pointsColumn: 'Points',
      iv: 'IV',
      missing: 'Missing',
      trend: {
        ascending: 'default rate rises across the bins',
        descending: 'default rate falls across the bins',
        peak: 'default rate peaks once',
        valley: 'default rate dips once',
        byRate: 'categories grouped by default rate'
      },
      dropped: 'Left out',
      droppedLine: '{feature} (IV {iv}): {reason}',
      notes: 'Notes',
      reasons:
        'Bold: the best bin of each characteristic. The reasons for a score are the characteristics that lost the most points against their best bin.',
      loadFailed: 'Could not load the points table'
    },
    onnx: {
      export: 'Export ONNX',
      failed: 'Could not export the model as ONNX',
      declined: 'ONNX model not saved: no file was chosen.',
      saved: 'Wrote the ONNX model to {path}',
      title: 'ONNX model written to {path}',
      written: '{size} · ONNX opset {opset}, ai.onnx.ml {ml} · {inputs} inputs · outputs: {outputs}',
      check:
        'The whole scoring pipeline, from raw applicant columns to the calibrated probability. Before head office relies on it, score a sample with ONNX Runtime and compare it with ptm score (README, Scoring at scale).'
    },
    compare: {
      aria: 'Metrics side by side',
      model: 'Model',
      better: 'Bold green: the better of the two models on that measure, on the same held-out rows.',
      sameRows:
        'Both models were tested on the same {n} held-out rows of dataset #{dataset}: their figures compare directly.',
      differentRows:
        'These models were tested on different rows ({why}): their figures cannot be compared directly, so neither is marked better. Train both on the same dataset with the same seed and test share to compare them.',
      whyDataset: 'different datasets',
      whySeed: 'different seeds',
      whyTestShare: 'different test shares',
      whyOob: 'one or both measured out-of-bag',
      whyDeleted: 'a dataset was deleted'
    },
    threshold: {
      label: 'Decision threshold',
      aria: 'Decision threshold (percent)',
      back: 'Back to the model’s {threshold}',
      explain:
        'A loan is predicted to default when its probability is at or above the threshold. Lower it to catch more defaulters at the cost of flagging more good borrowers.',
      mode: 'Compare at',
      own: 'Each model’s own threshold',
      equalRate: 'Equal flag rates',
      ownNote: 'Each model is shown at the threshold it scores with: #{a} at {ta}, #{b} at {tb}.',
      rateLabel: 'Share of applicants flagged',
      rateAria: 'Share of applicants flagged (percent)',
      rateNote: 'Both models flag the same share of applicants ({rate}): #{a} from {ta}, #{b} from {tb}.',
      counting: 'Counting…',
      countFailed: 'Could not count the loans at this threshold: {error}',
      confusionOf: 'Confusion matrix of {model}',
      words:
        'At {threshold}: {tp} of {defaulters} defaulters caught ({caught}); {fp} of {repaid} good borrowers flagged ({flagged}).'
    },
    report: {
      aria: 'Classification report',
      caption: 'Classification report at {threshold}',
      class: 'Class',
      precision: 'Precision',
      recall: 'Recall',
      f1: 'F1',
      loans: 'Loans',
      repaid: 'Repaid (0)',
      defaulted: 'Defaulted (1)',
      accuracy: 'Accuracy',
      macro: 'Macro average',
      weighted: 'Weighted average'
    },
    metric: {
      auc: {
        label: 'AUC',
        help: 'Chance that a defaulter scores above a repayer: 0.5 is guessing, 1 is perfect.'
      },
      gini: { label: 'Gini', help: '2 × AUC − 1, as banks often quote it.' },
      ks: { label: 'KS', help: 'Largest gap between the score distributions of defaulters and repayers.' },
      averagePrecision: {
        label: 'Average precision',
        help: 'Area under the precision-recall curve; compare with the default rate.'
      },
      brier: {
        label: 'Brier score',
        short: 'Brier',
        help: 'Mean squared error of the probabilities: lower is better.'
      },
      logLoss: { label: 'Log loss', help: 'Penalises confident wrong probabilities: lower is better.' },
      accuracy: { label: 'Accuracy', help: "Share of loans predicted right at the model's own threshold." },
      baseline: {
        label: 'Approve everyone',
        help: 'The accuracy of approving every applicant (the share that repaid): accuracy means little unless it beats this.'
      },
      f1: {
        label: 'F1 (defaulted)',
        help: "Balance of precision and recall on defaulters at the model's own threshold."
      },
      threshold: {
        label: 'Threshold',
        help: 'The probability from which the model predicts default (chosen in training).'
      },
      evaluatedRows: { label: 'Evaluated rows', help: 'Loans the figures are measured on.' }
    },
    params: {
      trees: '{n} trees',
      depth: 'depth {n}',
      leaf: 'leaf {n}',
      sqrt: '√ features',
      log2: 'log₂ features',
      all: 'all features',
      features: '{n} features',
      smote: 'SMOTE k={k}',
      noSmote: 'no SMOTE',
      test: 'test {share}',
      seed: 'seed {n}',
      scale: '{base} at {odds}:1, PDO {pdo}',
      bins: 'up to {n} bins',
      budget: 'budget {s} s',
      calibration: { isotonic: 'isotonic', platt: 'Platt', none: 'not calibrated' }
    },
    activation: {
      title: 'Make model #{id} active',
      intro:
        'Scoring uses one model. Making another one active takes two people: one asks, a second person confirms with a note. Both are kept in the model’s record.',
      ask: 'Ask to make it active',
      askNote: 'Why this model (for the person who confirms)',
      askButton: 'Ask',
      asked: 'Asked by {name}: a second person confirms.',
      pendingBy: 'Asked by {name} on {time}: {note}',
      confirmNote: 'Your note (required)',
      confirm: 'Confirm: make it active',
      reject: 'Reject',
      confirmed: 'Model #{id} now scores applicants (asked by {maker}, confirmed by {checker}).',
      rejected: 'The request was rejected.',
      failed: 'Could not record the decision',
      yourName: 'Your name',
      sameName: 'The person who asked cannot confirm: a second person must.',
      history: 'Activation record',
      automatic: 'Made active automatically: no model was active ({time}).',
      confirmedLine: 'Asked by {maker} ({time}); confirmed by {checker}: {note}',
      rejectedLine: 'Asked by {maker} ({time}); rejected by {checker}: {note}'
    }
  },
  hi
)
