import { area } from '../types'
import hi from '../locales/hi/train.json'

/** The Train screen: settings, the one time estimate, progress by labelled phase. */
export const train = area(
  {
    aria: 'Training settings',
    on: 'Training on',
    datasetLine: '{rows} loans · {rate} defaulted · target {target}',
    estimated: 'Estimated time:',
    estimating: 'Estimating the time…',
    start: 'Start training',
    startFailed: 'Could not start training',
    cannotStart: 'This training cannot start',
    columnsFailed: 'Could not read the columns of the active dataset',
    longTitle: 'This training will take {time}.',
    longText:
      '{note} The window stays usable meanwhile and you can cancel at any time; fewer trees, our forest engine or a smaller dataset train faster.',
    longTextAuto:
      '{note} The window stays usable meanwhile and you can cancel at any time; a smaller search budget finishes sooner.',
    progressWhat: 'training',
    failedTitle: 'Training failed',
    cancelledTitle: 'Training cancelled',
    failedText: 'Training failed; nothing was saved.',
    cancelledText: 'Training was cancelled; no model was saved.',
    trained: 'Model #{id} is trained. Open it on the Models screen.',
    unknown: 'unknown',
    underSecond: 'under a second',
    about: 'about {time}',
    phase: {
      training: 'Growing trees: {done} of {total}',
      fitting: 'Fitting the {engine}…',
      fittingCount: 'Fitting the {engine}: {done} of {total}',
      searching: 'Cross-validating candidates: {done} of {total}',
      keeping: 'Training and keeping each candidate: {done} of {total}',
      preparing: 'Preparing the data (imputation, encoding, engineered features)…',
      smote: 'Balancing the classes with SMOTE…',
      crossFitting: 'Scoring the training rows honestly: fold {done} of {total}',
      crossFittingPlain: 'Scoring the training rows honestly…',
      calibrating: 'Calibrating the probabilities…',
      evaluating: 'Evaluating on held-out rows…',
      starting: 'Starting…'
    },
    engines: {
      title: 'Engine',
      aria: 'Engine',
      settingsTitle: '{engine}: settings',
      noSettings: 'This engine has no settings of its own.',
      autoNote:
        'Each engine’s candidates are cross-validated on the training rows only (the held-out rows are never touched). Beside them, the blend of the best boosted trees and the best scorecard is scored on the same folds. The champion is the blend, unless a candidate leads it by more than the folds’ noise (one standard error); every candidate is kept as a model version you can open and compare.',
      forest: {
        name: 'Our forest',
        hint: 'Fast histogram random forest: the spec’s engine, and our default.'
      },
      'ml-random-forest': {
        name: 'ml-random-forest',
        hint: 'The npm reference implementation, for comparison: slow on large data.'
      },
      scorecard: {
        name: 'Points scorecard',
        hint: 'WoE bins and a logistic regression: a points table a bank can file.'
      },
      gbm: {
        name: 'Gradient boosting',
        hint: 'Shallow boosted trees (ours) with early stopping; learns where missing values go.'
      },
      blend: {
        name: 'Blend: boosting + scorecard',
        hint: 'The mean log-odds of boosted trees and a points scorecard, each fitted with its own settings.'
      },
      auto: {
        name: 'Auto (champion/challenger)',
        hint: 'Cross-validates every engine within a time budget and keeps the best honest model.'
      }
    },
    settings: {
      ruleNumber: 'number',
      numberAria: '{setting}: a number',
      trees: { label: 'Trees', hint: 'More: steadier, slower.' },
      maxDepth: { label: 'Max depth', hint: 'Questions in a row per tree.' },
      minSamplesLeaf: { label: 'Min loans per leaf', hint: 'Larger: smoother probabilities.' },
      maxFeatures: {
        label: 'Features per split',
        hint: 'How many features each split may choose from; fewer make trees differ more.',
        options: { sqrt: '√n', log2: 'log₂ n', all: 'all' }
      },
      budgetSeconds: {
        label: 'Search budget (s)',
        hint: 'Time the search may spend cross-validating, shared among the engines; then every candidate is trained and kept.'
      },
      pdo: {
        label: 'PDO (points)',
        hint: 'Points to double the odds: every this many points, the odds of repaying double (often 20).'
      },
      basePoints: { label: 'Base score', hint: 'The score at which the odds of repaying are the base odds.' },
      baseOdds: {
        label: 'Odds at the base score',
        hint: 'Odds of repaying at the base score: 50 means 50:1.'
      },
      minBinShare: {
        label: 'Smallest bin (%)',
        hint: 'Fewest training loans in a bin, as a share of all (the missing-value bin is apart).'
      },
      maxBins: {
        label: 'Most bins',
        hint: 'Most bins per characteristic, not counting the missing-value bin.'
      },
      minIv: {
        label: 'Least information value',
        hint: 'Characteristics with less IV are left out (below 0.02 is useless).'
      },
      binTrend: {
        label: 'Bin trend',
        hint: 'How the default rate may run across a characteristic’s bins.',
        options: { monotone: 'Rising or falling', shaped: 'Also one peak or valley' }
      },
      l2: {
        label: 'L2 penalty',
        hint: 'Shrinks coefficients (or boosted leaf values): larger is more cautious.'
      },
      rounds: { label: 'Boosting rounds', hint: 'Most trees, one per round; early stopping may keep fewer.' },
      learningRate: {
        label: 'Learning rate',
        hint: 'How much each tree corrects: smaller is steadier and needs more rounds.'
      },
      gbmDepth: {
        label: 'Tree depth',
        hint: 'Questions in a row per boosted tree; shallow suits credit data.'
      },
      leaves: { label: 'Leaves per tree', hint: 'Most leaves of a boosted tree, grown best first.' },
      subsample: { label: 'Rows per tree (%)', hint: 'Share of the training loans each tree is fitted on.' },
      colsample: { label: 'Features per tree (%)', hint: 'Share of the features each tree may split on.' },
      minChildWeight: {
        label: 'Minimum child weight',
        hint: 'Least evidence (hessian sum) each side of a split must carry.'
      },
      earlyStopping: {
        label: 'Early stopping (rounds)',
        hint: 'Stop after this many rounds without improvement (0 = off).'
      },
      validationShare: {
        label: 'Early-stopping share (%)',
        hint: 'Training loans set apart to decide when to stop; never fitted on.'
      }
    },
    numbers: {
      seed: 'Seed',
      seedHint: 'Same data and seed, same model.',
      smoteK: 'neighbours k',
      testShare: 'Test share (%)',
      testShareHint: 'Loans held back, never trained on, to measure the model honestly.',
      highRiskCut: 'High-risk credit score cut',
      highRiskCutHint: 'Scores below it set High_Credit_Risk (CIBIL sub-prime: 600).'
    },
    balancing: {
      title: 'Balancing and evaluation',
      on: 'On',
      off: 'Off',
      smote: 'SMOTE oversampling',
      smoteHint: 'Adds synthetic defaulters to the training rows only, so the forest sees enough of them.',
      smoteOffNote:
        'Off by default: on three real credit files SMOTE cost 0.010–0.015 held-out AUC and gained nothing once the probabilities are calibrated to the real default rate.',
      heldBack: '{n} loans held back, never trained on, to measure the model honestly.',
      noneHeld: 'None held back: the model is measured on out-of-bag rows instead.',
      calibration: 'Probability calibration',
      isotonic: 'Isotonic (step curve)',
      platt: 'Platt (S-curve)',
      none: 'None (raw vote share)',
      isotonicHint: 'Maps scores to observed default rates with a step curve; best with many loans.',
      plattHint: 'Maps scores with a smooth S-curve; steadier on small datasets.',
      noneHint: "Uses the trees' vote share as is: often over- or under-confident."
    },
    roles: {
      title: 'Engineered features',
      hint: 'Which column of the dataset plays each role. Automatic: a column of that name.',
      columnFor: 'Column for {role}',
      automatic: 'Automatic ({column})',
      automaticNone: 'Automatic: none found',
      Credit_Score: 'High_Credit_Risk: score below the high-risk cut',
      Loan_Amount: 'Loan_to_Balance_Ratio, with the account balance',
      Account_Balance: 'Loan_to_Balance_Ratio, with the loan amount',
      Age: 'Age_Group: 18-25, 26-35, 36-45, 46-60, 60+'
    },
    name: {
      label: 'Model name (optional)',
      placeholder: '{engine} on {dataset}',
      autoNamed: 'Auto names each model it keeps by its engine and settings, marked champion or challenger.',
      reset: 'Reset to defaults',
      hint: 'The first model trained becomes the active one by itself. A later one is made active on the Models screen, by two people: one asks, a second confirms.'
    }
  },
  hi
)
