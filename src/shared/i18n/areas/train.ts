import { area } from '../types'

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
  {
    aria: 'प्रशिक्षण सेटिंग',
    on: 'प्रशिक्षण डेटासेट',
    datasetLine: '{rows} ऋण · {rate} में चूक · लक्ष्य {target}',
    estimated: 'अनुमानित समय:',
    estimating: 'समय का अनुमान लगाया जा रहा है…',
    start: 'प्रशिक्षण शुरू करें',
    startFailed: 'प्रशिक्षण शुरू नहीं हो सका',
    cannotStart: 'यह प्रशिक्षण शुरू नहीं हो सकता',
    columnsFailed: 'सक्रिय डेटासेट के कॉलम नहीं पढ़े जा सके',
    longTitle: 'इस प्रशिक्षण में {time} लगेगा।',
    longText:
      '{note} इस बीच विंडो उपयोग में रहती है और आप कभी भी रद्द कर सकते हैं; कम ट्री, हमारा फ़ॉरेस्ट इंजन या छोटा डेटासेट जल्दी प्रशिक्षित होते हैं।',
    longTextAuto: '{note} इस बीच विंडो उपयोग में रहती है और आप कभी भी रद्द कर सकते हैं; कम खोज समय जल्दी पूरा होता है।',
    progressWhat: 'प्रशिक्षण',
    failedTitle: 'प्रशिक्षण विफल',
    cancelledTitle: 'प्रशिक्षण रद्द',
    failedText: 'प्रशिक्षण विफल रहा; कुछ भी सहेजा नहीं गया।',
    cancelledText: 'प्रशिक्षण रद्द हुआ; कोई मॉडल नहीं सहेजा गया।',
    trained: 'मॉडल #{id} प्रशिक्षित हुआ। उसे मॉडल स्क्रीन पर खोलें।',
    unknown: 'अज्ञात',
    underSecond: 'एक सेकंड से कम',
    about: 'लगभग {time}',
    phase: {
      training: 'ट्री बन रहे हैं: {total} में से {done}',
      fitting: '{engine} प्रशिक्षित हो रहा है…',
      fittingCount: '{engine} प्रशिक्षित हो रहा है: {total} में से {done}',
      searching: 'उम्मीदवारों की क्रॉस-वैलिडेशन: {total} में से {done}',
      keeping: 'हर उम्मीदवार का प्रशिक्षण और संग्रह: {total} में से {done}',
      preparing: 'डेटा तैयार हो रहा है (खाली मान, एन्कोडिंग, बनाए गए फ़ीचर)…',
      smote: 'SMOTE से वर्गों का संतुलन…',
      crossFitting: 'प्रशिक्षण पंक्तियों का निष्पक्ष आकलन: {total} में से भाग {done}',
      crossFittingPlain: 'प्रशिक्षण पंक्तियों का निष्पक्ष आकलन…',
      calibrating: 'संभावनाओं का कैलिब्रेशन…',
      evaluating: 'अलग रखी पंक्तियों पर मूल्यांकन…',
      starting: 'शुरू हो रहा है…'
    },
    engines: {
      title: 'इंजन',
      aria: 'इंजन',
      settingsTitle: '{engine}: सेटिंग',
      noSettings: 'इस इंजन की अपनी कोई सेटिंग नहीं है।',
      autoNote:
        'हर इंजन के उम्मीदवारों की क्रॉस-वैलिडेशन केवल प्रशिक्षण पंक्तियों पर होती है (अलग रखी पंक्तियों को कभी छुआ नहीं जाता)। साथ ही, सबसे अच्छे बूस्टेड ट्री और सबसे अच्छे स्कोरकार्ड का मिश्रण उन्हीं फ़ोल्ड पर आँका जाता है। चैंपियन यही मिश्रण है, जब तक कि कोई उम्मीदवार फ़ोल्ड के शोर (एक मानक त्रुटि) से अधिक आगे न हो; हर उम्मीदवार एक मॉडल संस्करण के रूप में रखा जाता है जिसे आप खोल और तुलना कर सकते हैं।',
      forest: {
        name: 'हमारा फ़ॉरेस्ट',
        hint: 'तेज़ हिस्टोग्राम रैंडम फ़ॉरेस्ट: विनिर्देश का इंजन, और हमारा डिफ़ॉल्ट।'
      },
      'ml-random-forest': {
        name: 'ml-random-forest',
        hint: 'तुलना के लिए npm का संदर्भ कार्यान्वयन: बड़े डेटा पर धीमा।'
      },
      scorecard: {
        name: 'पॉइंट स्कोरकार्ड',
        hint: 'WoE बिन और लॉजिस्टिक रिग्रेशन: पॉइंट तालिका जिसे बैंक नियामक को दे सके।'
      },
      gbm: {
        name: 'ग्रेडिएंट बूस्टिंग',
        hint: 'उथले बूस्टेड ट्री (हमारे), जल्दी रुकने के साथ; खाली मान कहाँ जाएँ, यह स्वयं सीखता है।'
      },
      blend: {
        name: 'मिश्रण: बूस्टिंग + स्कोरकार्ड',
        hint: 'बूस्टेड ट्री और पॉइंट स्कोरकार्ड के लॉग-ऑड्स का औसत, हर एक अपनी सेटिंग से प्रशिक्षित।'
      },
      auto: {
        name: 'स्वचालित (चैंपियन/चैलेंजर)',
        hint: 'समय सीमा के भीतर हर इंजन की क्रॉस-वैलिडेशन करता है और सबसे अच्छा ईमानदार मॉडल रखता है।'
      }
    },
    settings: {
      ruleNumber: 'संख्या',
      numberAria: '{setting}: एक संख्या',
      trees: { label: 'ट्री', hint: 'अधिक: स्थिर, धीमा।' },
      maxDepth: { label: 'अधिकतम गहराई', hint: 'हर ट्री में लगातार प्रश्न।' },
      minSamplesLeaf: { label: 'हर पत्ती में न्यूनतम ऋण', hint: 'बड़ा: संभावनाएँ अधिक सहज।' },
      maxFeatures: {
        label: 'हर विभाजन के फ़ीचर',
        hint: 'हर विभाजन कितने फ़ीचर में से चुन सकता है; कम होने पर ट्री अधिक भिन्न होते हैं।',
        options: { sqrt: '√n', log2: 'log₂ n', all: 'सभी' }
      },
      budgetSeconds: {
        label: 'खोज का समय (से.)',
        hint: 'क्रॉस-वैलिडेशन पर खोज कितना समय ले सकती है, सभी इंजनों में बँटा; फिर हर उम्मीदवार प्रशिक्षित होकर रखा जाता है।'
      },
      pdo: {
        label: 'PDO (पॉइंट)',
        hint: 'ऑड्स दोगुने करने वाले पॉइंट: हर इतने पॉइंट पर चुकाने के ऑड्स दोगुने होते हैं (अक्सर 20)।'
      },
      basePoints: { label: 'आधार स्कोर', hint: 'वह स्कोर जिस पर चुकाने के ऑड्स आधार ऑड्स के बराबर हों।' },
      baseOdds: { label: 'आधार स्कोर पर ऑड्स', hint: 'आधार स्कोर पर चुकाने के ऑड्स: 50 यानी 50:1।' },
      minBinShare: {
        label: 'सबसे छोटा बिन (%)',
        hint: 'एक बिन में सबसे कम प्रशिक्षण ऋण, सभी के हिस्से के रूप में (खाली मानों का बिन अलग है)।'
      },
      maxBins: { label: 'अधिकतम बिन', hint: 'हर विशेषता के अधिकतम बिन, खाली मानों का बिन छोड़कर।' },
      minIv: {
        label: 'न्यूनतम सूचना मान',
        hint: 'इससे कम IV वाली विशेषताएँ छोड़ दी जाती हैं (0.02 से कम बेकार है)।'
      },
      binTrend: {
        label: 'बिन की प्रवृत्ति',
        hint: 'किसी विशेषता के बिनों में चूक दर कैसे चल सकती है।',
        options: { monotone: 'बढ़ती या घटती', shaped: 'एक शिखर या गर्त भी' }
      },
      l2: {
        label: 'L2 दंड',
        hint: 'गुणांकों (या बूस्टेड पत्ती मानों) को छोटा करता है: बड़ा अधिक सतर्क है।'
      },
      rounds: {
        label: 'बूस्टिंग चक्र',
        hint: 'अधिकतम ट्री, हर चक्र में एक; जल्दी रुकने से कम भी रह सकते हैं।'
      },
      learningRate: {
        label: 'सीखने की दर',
        hint: 'हर ट्री कितना सुधारता है: छोटी दर अधिक स्थिर है और अधिक चक्र चाहती है।'
      },
      gbmDepth: {
        label: 'ट्री की गहराई',
        hint: 'हर बूस्टेड ट्री में लगातार प्रश्न; क्रेडिट डेटा पर उथले ट्री ठीक रहते हैं।'
      },
      leaves: { label: 'हर ट्री की पत्तियाँ', hint: 'बूस्टेड ट्री की अधिकतम पत्तियाँ, सबसे अच्छी पहले।' },
      subsample: { label: 'हर ट्री की पंक्तियाँ (%)', hint: 'प्रशिक्षण ऋणों का वह हिस्सा जिस पर हर ट्री बनता है।' },
      colsample: { label: 'हर ट्री के फ़ीचर (%)', hint: 'फ़ीचर का वह हिस्सा जिस पर हर ट्री विभाजन कर सकता है।' },
      minChildWeight: {
        label: 'न्यूनतम चाइल्ड भार',
        hint: 'विभाजन की हर ओर कम से कम इतना प्रमाण (हेसियन योग) होना चाहिए।'
      },
      earlyStopping: {
        label: 'जल्दी रुकना (चक्र)',
        hint: 'इतने चक्रों तक सुधार न हो तो रुकें (0 = बंद)।'
      },
      validationShare: {
        label: 'जल्दी रुकने का हिस्सा (%)',
        hint: 'रुकने का निर्णय लेने के लिए अलग रखे प्रशिक्षण ऋण; इन पर कभी प्रशिक्षण नहीं होता।'
      }
    },
    numbers: {
      seed: 'सीड',
      seedHint: 'वही डेटा और सीड, वही मॉडल।',
      smoteK: 'पड़ोसी k',
      testShare: 'परीक्षण हिस्सा (%)',
      testShareHint: 'अलग रखे ऋण, जिन पर कभी प्रशिक्षण नहीं होता, ताकि मॉडल को ईमानदारी से मापा जा सके।',
      highRiskCut: 'उच्च जोखिम क्रेडिट स्कोर सीमा',
      highRiskCutHint: 'इससे कम स्कोर पर High_Credit_Risk लगता है (सिबिल सब-प्राइम: 600)।'
    },
    balancing: {
      title: 'संतुलन और मूल्यांकन',
      on: 'चालू',
      off: 'बंद',
      smote: 'SMOTE ओवरसैंपलिंग',
      smoteHint: 'केवल प्रशिक्षण पंक्तियों में कृत्रिम चूककर्ता जोड़ता है, ताकि फ़ॉरेस्ट उन्हें पर्याप्त देखे।',
      smoteOffNote:
        'डिफ़ॉल्ट रूप से बंद: तीन वास्तविक क्रेडिट फ़ाइलों पर SMOTE से अलग रखी पंक्तियों का AUC 0.010–0.015 घटा, और संभावनाओं को वास्तविक चूक दर पर कैलिब्रेट करने के बाद कोई लाभ नहीं हुआ।',
      heldBack: '{n} ऋण अलग रखे गए, जिन पर कभी प्रशिक्षण नहीं होता, ताकि मॉडल को ईमानदारी से मापा जा सके।',
      noneHeld: 'कुछ अलग नहीं रखा गया: मॉडल को आउट-ऑफ़-बैग पंक्तियों पर मापा जाता है।',
      calibration: 'संभावना कैलिब्रेशन',
      isotonic: 'आइसोटोनिक (सीढ़ी वक्र)',
      platt: 'प्लैट (S-वक्र)',
      none: 'कोई नहीं (कच्चा वोट हिस्सा)',
      isotonicHint: 'स्कोर को सीढ़ी वक्र से देखी गई चूक दरों पर ले जाता है; अधिक ऋणों पर सबसे अच्छा।',
      plattHint: 'स्कोर को सहज S-वक्र से ले जाता है; छोटे डेटासेट पर स्थिर।',
      noneHint: 'ट्री के वोट हिस्से को जैसा है वैसा लेता है: अक्सर ज़्यादा या कम आत्मविश्वासी।'
    },
    roles: {
      title: 'बनाए गए फ़ीचर',
      hint: 'डेटासेट का कौन सा कॉलम कौन सी भूमिका निभाता है। स्वचालित: उसी नाम का कॉलम।',
      columnFor: '{role} के लिए कॉलम',
      automatic: 'स्वचालित ({column})',
      automaticNone: 'स्वचालित: कोई नहीं मिला',
      Credit_Score: 'High_Credit_Risk: उच्च जोखिम सीमा से कम स्कोर',
      Loan_Amount: 'Loan_to_Balance_Ratio, खाते की शेष राशि के साथ',
      Account_Balance: 'Loan_to_Balance_Ratio, ऋण राशि के साथ',
      Age: 'Age_Group: 18-25, 26-35, 36-45, 46-60, 60+'
    },
    name: {
      label: 'मॉडल का नाम (वैकल्पिक)',
      placeholder: '{dataset} पर {engine}',
      autoNamed: 'स्वचालित खोज हर रखे गए मॉडल का नाम उसके इंजन और सेटिंग से रखती है, चैंपियन या चैलेंजर चिह्नित करके।',
      reset: 'डिफ़ॉल्ट पर लौटें',
      hint: 'पहला प्रशिक्षित मॉडल अपने आप सक्रिय होता है। बाद वाला मॉडल स्क्रीन पर दो लोगों द्वारा सक्रिय किया जाता है: एक अनुरोध करता है, दूसरा पुष्टि करता है।'
    }
  }
)
