import { area } from '../types'

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
  {
    list: {
      title: 'मॉडल संस्करण',
      intro: 'सभी आँकड़े उन ऋणों पर मापे गए हैं जो मॉडल ने कभी नहीं देखे। सक्रिय मॉडल आवेदकों का आकलन करता है।',
      refresh: 'ताज़ा करें',
      aria: 'मॉडल संस्करण',
      loading: 'लोड हो रहा है…',
      active: 'सक्रिय',
      pending: 'दूसरे व्यक्ति की प्रतीक्षा',
      columns: { model: 'मॉडल', dataset: 'डेटासेट', trained: 'प्रशिक्षित', actions: 'कार्य' },
      open: 'खोलें',
      openLabel: '{name} खोलें',
      makeActive: 'सक्रिय करें…',
      isActive: 'सक्रिय',
      makeActiveLabel: '{name} को सक्रिय मॉडल बनाएँ',
      delete: 'हटाएँ',
      deleteLabel: '{name} हटाएँ',
      deleteTitle: 'मॉडल हटाएँ',
      deleteText:
        'मॉडल #{id} “{name}” हटाएँ? उसका मूल्यांकन भी हट जाएगा; पिछले आकलन इतिहास में रहेंगे।{warning} इसे वापस नहीं किया जा सकता।',
      deleteActive: ' यह सक्रिय मॉडल है: जब तक दूसरा मॉडल सक्रिय न हो, आकलन रुक जाएगा।',
      deleted: 'मॉडल #{id} हटाया गया।',
      deleteFailed: 'मॉडल नहीं हटाया जा सका',
      loadFailed: 'मॉडल लोड नहीं हो सके'
    },
    page: {
      backToList: 'मॉडलों की सूची पर लौटें',
      loading: 'मूल्यांकन लोड हो रहा है…',
      notes: 'प्रशिक्षण की टिप्पणियाँ',
      allNotes: 'सभी {n} टिप्पणियाँ दिखाएँ',
      fewerNotes: 'कम दिखाएँ',
      back: 'सभी मॉडलों पर लौटें',
      trainedLine: '{dataset} · {params} · {time} को {duration} में प्रशिक्षित',
      compareWith: 'तुलना करें',
      anotherModel: 'दूसरा मॉडल',
      compareAria: 'दूसरे मॉडल से तुलना करें',
      exportReport: 'PDF रिपोर्ट निर्यात करें',
      reportFailed: 'रिपोर्ट नहीं लिखी जा सकी',
      reportSaved: 'मूल्यांकन रिपोर्ट {path} में सहेजी गई',
      reportDeclined: 'रिपोर्ट नहीं सहेजी गई: कोई फ़ाइल नहीं चुनी गई।',
      openFailed: 'मॉडल #{id} नहीं खुल सका',
      compareFailed: 'तुलना के लिए मॉडल #{id} नहीं खुल सका',
      evaluatedTest: 'प्रशिक्षण में कभी न देखी गई {n} अलग रखी पंक्तियों पर मूल्यांकन।',
      evaluatedOob:
        '{n} आउट-ऑफ़-बैग पंक्तियों पर मूल्यांकन: हर ट्री को केवल उन पंक्तियों पर आँका गया जिन पर वह नहीं बना (कोई परीक्षण हिस्सा अलग नहीं रखा गया)।',
      evaluatedCrossFitted:
        '{n} प्रशिक्षण पंक्तियों पर मूल्यांकन: हर पंक्ति को बाकी फ़ोल्ड पर बने मॉडल ने आँका (कोई परीक्षण हिस्सा अलग नहीं रखा गया)।',
      trainingRows: '{n} प्रशिक्षण पंक्तियाँ',
      synthetic: ' (SMOTE से +{n} कृत्रिम)',
      heldOut: '{n} अलग रखी गईं'
    },
    tabs: {
      threshold: 'सीमा और भ्रम मैट्रिक्स',
      curves: 'ROC और प्रिसिज़न-रिकॉल',
      ks: 'KS और कैलिब्रेशन',
      histogram: 'परिणाम के अनुसार संभावनाएँ',
      importance: 'फ़ीचर का महत्व',
      governance: 'उपयोग, नीति और शब्दकोश',
      leaderboard: 'रैंक सूची',
      points: 'पॉइंट तालिका',
      calibrationBins: 'कैलिब्रेशन समूह',
      equalWidth: 'समान चौड़ाई के समूह',
      equalCount: 'समान गिनती के समूह',
      importanceNote:
        'इम्प्यूरिटी: हर फ़ीचर के विभाजन ट्री को कितना शुद्ध करते हैं (प्रशिक्षण पंक्तियाँ)। परम्यूटेशन: फ़ीचर के मान फेरने पर मूल्यांकित पंक्तियों पर AUC कितना घटता है; शून्य के पास या नीचे का अर्थ है कि मॉडल उस पर निर्भर नहीं।',
      shownFor: '#{id} के लिए दिखाया गया।'
    },
    leaderboard: {
      aria: 'स्वचालित रन की रैंक सूची',
      intro:
        '{time} का रन #{id}: {n} उम्मीदवार, हर एक की क्रॉस-वैलिडेशन केवल प्रशिक्षण पंक्तियों पर (अलग रखी पंक्तियों को कभी छुआ नहीं गया)। हर उम्मीदवार एक मॉडल संस्करण के रूप में रखा गया है।',
      rule: 'चैंपियन बूस्टिंग और स्कोरकार्ड का मिश्रण है, जब तक कि सबसे अच्छा उम्मीदवार फ़ोल्ड-दर-फ़ोल्ड अंतर की एक मानक त्रुटि से अधिक आगे न हो। सबसे अच्छे से एक मानक त्रुटि ({se}) के भीतर के उम्मीदवार इन फ़ोल्ड पर उतने ही अच्छे हैं; हर एक चैलेंजर के रूप में रखा जाता है जिसे आप प्रमोट कर सकते हैं।',
      loadFailed: 'रैंक सूची लोड नहीं हो सकी',
      rank: 'क्रम',
      candidate: 'उम्मीदवार',
      engine: 'इंजन',
      auc: 'CV AUC ± मा.वि.',
      tied: '1 मानक त्रुटि के भीतर',
      folds: 'भाग',
      seconds: 'सेकंड',
      role: 'भूमिका',
      model: 'मॉडल',
      champion: 'चैंपियन',
      challenger: 'चैलेंजर',
      thisModel: 'यह मॉडल',
      deleted: 'हटाया गया',
      tiedHelp: 'सबसे अच्छे से एक मानक त्रुटि के भीतर: इन फ़ोल्ड पर उतना ही अच्छा।'
    },
    points: {
      aria: 'पॉइंट तालिका',
      scale: '{odds}:1 पर {base} पॉइंट, ऑड्स दोगुने करने के लिए {pdo} पॉइंट',
      range:
        'आवेदक का स्कोर उसके बिनों के पॉइंट का योग है: {min} से {max} तक, जिसे पॉइंट {pdMin} से {pdMax} की चूक संभावना मानते हैं।',
      calibrationNone: 'कैलिब्रेशन नहीं: आकलन ठीक वही संभावनाएँ देता है जो पॉइंट बताते हैं।',
      calibrated: 'कैलिब्रेशन {method}: आकलन पॉइंट की संभावना को इससे बदलता है, स्कोर का क्रम बनाए रखते हुए।',
      characteristic: 'विशेषता',
      bin: 'बिन',
      rows: 'पंक्तियाँ',
      defaultRate: 'चूक दर',
      woe: 'WoE',
      pointsColumn: 'पॉइंट',
      iv: 'IV',
      missing: 'खाली',
      trend: {
        ascending: 'बिनों में चूक दर बढ़ती है',
        descending: 'बिनों में चूक दर घटती है',
        peak: 'चूक दर एक बार शिखर पर',
        valley: 'चूक दर एक बार गर्त में',
        byRate: 'श्रेणियाँ चूक दर के अनुसार समूहित'
      },
      dropped: 'छोड़ी गई',
      droppedLine: '{feature} (IV {iv}): {reason}',
      notes: 'टिप्पणियाँ',
      reasons:
        'मोटे अक्षर: हर विशेषता का सबसे अच्छा बिन। किसी स्कोर के कारण वे विशेषताएँ हैं जिन्होंने अपने सबसे अच्छे बिन की तुलना में सबसे अधिक पॉइंट खोए।',
      loadFailed: 'पॉइंट तालिका लोड नहीं हो सकी'
    },
    onnx: {
      export: 'ONNX निर्यात करें',
      failed: 'मॉडल ONNX के रूप में निर्यात नहीं हो सका',
      declined: 'ONNX मॉडल नहीं सहेजा गया: कोई फ़ाइल नहीं चुनी गई।',
      saved: 'ONNX मॉडल {path} में लिखा गया',
      title: 'ONNX मॉडल {path} में लिखा गया',
      written: '{size} · ONNX ऑपसेट {opset}, ai.onnx.ml {ml} · {inputs} इनपुट · आउटपुट: {outputs}',
      check:
        'पूरी आकलन प्रक्रिया, कच्चे आवेदक कॉलम से कैलिब्रेटेड संभावना तक। मुख्यालय इस पर निर्भर हो उससे पहले, ONNX Runtime से एक नमूने का आकलन करें और उसकी तुलना ptm score से करें (README, Scoring at scale)।'
    },
    compare: {
      aria: 'आँकड़े साथ-साथ',
      model: 'मॉडल',
      better: 'मोटा हरा: उसी माप पर दोनों में बेहतर मॉडल, उन्हीं अलग रखी पंक्तियों पर।',
      sameRows:
        'दोनों मॉडलों का परीक्षण डेटासेट #{dataset} की उन्हीं {n} अलग रखी पंक्तियों पर हुआ: उनके आँकड़े सीधे तुलनीय हैं।',
      differentRows:
        'इन मॉडलों का परीक्षण अलग-अलग पंक्तियों पर हुआ ({why}): उनके आँकड़े सीधे तुलनीय नहीं हैं, इसलिए किसी को बेहतर नहीं दिखाया गया। तुलना के लिए दोनों को एक ही डेटासेट पर एक ही सीड और परीक्षण हिस्से से प्रशिक्षित करें।',
      whyDataset: 'अलग डेटासेट',
      whySeed: 'अलग सीड',
      whyTestShare: 'अलग परीक्षण हिस्सा',
      whyOob: 'एक या दोनों आउट-ऑफ़-बैग पर मापे गए',
      whyDeleted: 'एक डेटासेट हटाया जा चुका है'
    },
    threshold: {
      label: 'निर्णय सीमा',
      aria: 'निर्णय सीमा (प्रतिशत)',
      back: 'मॉडल की {threshold} पर लौटें',
      explain:
        'जिस ऋण की संभावना सीमा के बराबर या उससे अधिक हो, उसमें चूक का अनुमान होता है। अधिक चूककर्ता पकड़ने के लिए इसे घटाएँ, पर तब अधिक अच्छे उधारकर्ता भी चिह्नित होंगे।',
      mode: 'तुलना का आधार',
      own: 'हर मॉडल की अपनी सीमा',
      equalRate: 'समान चिह्नित हिस्सा',
      ownNote: 'हर मॉडल उस सीमा पर दिखाया गया है जिससे वह आकलन करता है: #{a} {ta} पर, #{b} {tb} पर।',
      rateLabel: 'चिह्नित आवेदकों का हिस्सा',
      rateAria: 'चिह्नित आवेदकों का हिस्सा (प्रतिशत)',
      rateNote: 'दोनों मॉडल आवेदकों का समान हिस्सा ({rate}) चिह्नित करते हैं: #{a} {ta} से, #{b} {tb} से।',
      counting: 'गिनती हो रही है…',
      countFailed: 'इस सीमा पर ऋण नहीं गिने जा सके: {error}',
      confusionOf: '{model} का भ्रम मैट्रिक्स',
      words:
        '{threshold} पर: {defaulters} में से {tp} चूककर्ता पकड़े गए ({caught}); {repaid} में से {fp} अच्छे उधारकर्ता चिह्नित ({flagged})।'
    },
    report: {
      aria: 'वर्गीकरण रिपोर्ट',
      caption: '{threshold} पर वर्गीकरण रिपोर्ट',
      class: 'वर्ग',
      precision: 'प्रिसिज़न',
      recall: 'रिकॉल',
      f1: 'F1',
      loans: 'ऋण',
      repaid: 'चुकाया (0)',
      defaulted: 'चूक (1)',
      accuracy: 'सटीकता',
      macro: 'मैक्रो औसत',
      weighted: 'भारित औसत'
    },
    metric: {
      auc: { label: 'AUC', help: 'संभावना कि चूककर्ता का स्कोर चुकाने वाले से ऊपर हो: 0.5 अनुमान है, 1 पूर्ण।' },
      gini: { label: 'Gini', help: '2 × AUC − 1, जैसा बैंक अक्सर बताते हैं।' },
      ks: { label: 'KS', help: 'चूककर्ताओं और चुकाने वालों के स्कोर वितरण के बीच सबसे बड़ा अंतर।' },
      averagePrecision: { label: 'औसत प्रिसिज़न', help: 'प्रिसिज़न-रिकॉल वक्र के नीचे का क्षेत्र; चूक दर से तुलना करें।' },
      brier: { label: 'ब्रायर स्कोर', short: 'ब्रायर', help: 'संभावनाओं की औसत वर्ग त्रुटि: कम बेहतर है।' },
      logLoss: { label: 'लॉग लॉस', help: 'आत्मविश्वास से गलत संभावनाओं को दंडित करता है: कम बेहतर है।' },
      accuracy: { label: 'सटीकता', help: 'मॉडल की अपनी सीमा पर सही अनुमानित ऋणों का हिस्सा।' },
      baseline: {
        label: 'सबको स्वीकृति',
        help: 'हर आवेदक को स्वीकृत करने की सटीकता (जिन्होंने चुकाया उनका हिस्सा): सटीकता का अर्थ तभी है जब वह इससे आगे हो।'
      },
      f1: { label: 'F1 (चूक)', help: 'मॉडल की अपनी सीमा पर चूककर्ताओं के प्रिसिज़न और रिकॉल का संतुलन।' },
      threshold: { label: 'सीमा', help: 'वह संभावना जिससे मॉडल चूक का अनुमान करता है (प्रशिक्षण में चुनी गई)।' },
      evaluatedRows: { label: 'मूल्यांकित पंक्तियाँ', help: 'वे ऋण जिन पर आँकड़े मापे गए।' }
    },
    params: {
      trees: '{n} ट्री',
      depth: 'गहराई {n}',
      leaf: 'पत्ती {n}',
      sqrt: '√ फ़ीचर',
      log2: 'log₂ फ़ीचर',
      all: 'सभी फ़ीचर',
      features: '{n} फ़ीचर',
      smote: 'SMOTE k={k}',
      noSmote: 'SMOTE नहीं',
      test: 'परीक्षण {share}',
      seed: 'सीड {n}',
      scale: '{odds}:1 पर {base}, PDO {pdo}',
      bins: 'अधिकतम {n} बिन',
      budget: 'समय {s} से.',
      calibration: { isotonic: 'आइसोटोनिक', platt: 'प्लैट', none: 'कैलिब्रेशन नहीं' }
    },
    activation: {
      title: 'मॉडल #{id} सक्रिय करें',
      intro:
        'आकलन एक मॉडल से होता है। दूसरे मॉडल को सक्रिय करने के लिए दो लोग चाहिए: एक अनुरोध करता है, दूसरा व्यक्ति टिप्पणी के साथ पुष्टि करता है। दोनों मॉडल के रिकॉर्ड में रखे जाते हैं।',
      ask: 'सक्रिय करने का अनुरोध करें',
      askNote: 'यह मॉडल क्यों (पुष्टि करने वाले के लिए)',
      askButton: 'अनुरोध करें',
      asked: '{name} ने अनुरोध किया: दूसरा व्यक्ति पुष्टि करे।',
      pendingBy: '{name} ने {time} पर अनुरोध किया: {note}',
      confirmNote: 'आपकी टिप्पणी (आवश्यक)',
      confirm: 'पुष्टि करें: सक्रिय करें',
      reject: 'अस्वीकार करें',
      confirmed: 'अब आकलन मॉडल #{id} से होगा ({maker} ने अनुरोध किया, {checker} ने पुष्टि की)।',
      rejected: 'अनुरोध अस्वीकार किया गया।',
      failed: 'निर्णय दर्ज नहीं हो सका',
      yourName: 'आपका नाम',
      sameName: 'अनुरोध करने वाला पुष्टि नहीं कर सकता: दूसरा व्यक्ति करे।',
      history: 'सक्रियण रिकॉर्ड',
      automatic: 'स्वतः सक्रिय: कोई मॉडल सक्रिय नहीं था ({time})।',
      confirmedLine: '{maker} ने अनुरोध किया ({time}); {checker} ने पुष्टि की: {note}',
      rejectedLine: '{maker} ने अनुरोध किया ({time}); {checker} ने अस्वीकार किया: {note}'
    }
  }
)
