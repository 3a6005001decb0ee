import { area } from '../types'
import { verdictsEn, verdictsHi } from './validationVerdicts'

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
  {
    runFailed: 'मॉडल का सत्यापन नहीं हो सका',
    columnsFailed: 'डेटा के कॉलम नहीं पढ़े जा सके',
    reportFailed: 'सत्यापन पैक नहीं लिखा जा सका',
    reportSaved: 'सत्यापन पैक {path} में सहेजा गया',
    reportDeclined: 'सत्यापन पैक नहीं सहेजा गया: कोई फ़ाइल नहीं चुनी गई।',
    dataLine: 'मॉडल #{model}, {label} पर: {defaults} में चूक। गणना {time}।',
    dataNoOutcomes: 'मॉडल #{model}, {label} पर: परिणाम ज्ञात नहीं। गणना {time}।',
    notRunYet: 'मॉडल, ऋण और कोई खंड चुनें, फिर सत्यापन चलाएँ।',
    settings: {
      aria: 'सत्यापन की सेटिंग',
      newerFile: 'ऋण',
      newerHint:
        'परिणाम सहित नए ऋण (CSV): पैक उनका परीक्षण करता है और स्थिरता के लिए अलग रखी गई पंक्तियों से तुलना करता है।',
      segments: 'खंड',
      segmentsHint:
        'वे कॉलम जिनके मानों में स्वीकृति और क्रम की तुलना हो; इनका मॉडल इनपुट होना ज़रूरी नहीं (क्षेत्र, लिंग, जाति)।',
      segmentsPlaceholder: 'कॉलम चुनें (वैकल्पिक)',
      run: 'सत्यापन चलाएँ',
      save: 'सत्यापन पैक सहेजें (PDF)',
      running: 'सत्यापन पैक की गणना हो रही है…',
      stale: 'यह पैक बनने के बाद सेटिंग बदली हैं: उन्हें शामिल करने के लिए फिर चलाएँ।'
    },
    tabs: {
      summary: 'निष्कर्ष',
      calibration: 'अंशांकन',
      stability: 'स्थिरता',
      segments: 'खंड'
    },
    lights: { green: 'हरा', amber: 'पीला', red: 'लाल', notRun: 'नहीं चला' },
    summary: { aria: 'परीक्षण के अनुसार निष्कर्ष', test: 'परीक्षण', result: 'परिणाम', why: 'अर्थ', bands: 'मानदंड' },
    discrimination: {
      auc: 'AUC',
      gini: 'Gini',
      ks: 'KS',
      ci: '{confidence} CI {lower}–{upper}',
      note: '{rows} ऋणों ({defaults} में चूक) के {replicates} स्तरीकृत बूटस्ट्रैप पुनर्नमूनों (बीज {seed}) से अंतराल।',
      none: 'इन ऋणों के परिणाम नहीं हैं: भेद क्षमता और अंशांकन के लिए ज्ञात परिणाम वाले ऋण चाहिए।'
    },
    calibration: {
      aria: 'जोखिम श्रेणी के अनुसार अंशांकन',
      columns: {
        grade: 'श्रेणी',
        band: 'PD दायरा',
        count: 'ऋण',
        defaults: 'चूक',
        meanPd: 'औसत PD',
        observed: 'वास्तविक दर',
        jeffreys: 'जेफ़्रीज़ अंतराल',
        p: 'द्विपद p',
        mark: 'जाँच'
      },
      pass: 'ठीक',
      flag: 'चिह्नित',
      empty: 'कोई ऋण नहीं',
      overall: 'सभी श्रेणियाँ: {rows} ऋण, औसत PD {pd}, वास्तविक चूक दर {observed}।',
      note: 'वास्तविक दर का जेफ़्रीज़ {confidence} अंतराल। औसत PD के विरुद्ध चूकों का सटीक दो-तरफ़ा द्विपद परीक्षण, {n} श्रेणियों पर बोनफ़ेरोनी: p < {amber} पर चिह्नित, PD के अनुमान से अधिक चूक और p < {red} पर लाल।',
      hl: 'PD दशमकों पर होस्मर–लेमेशो: χ² {stat}, df {df}, p {p}।',
      hlNone: 'होस्मर–लेमेशो: PD के इतने कम अलग मान हैं कि तीन समूह नहीं बन सकते।',
      hlGroups: 'PD के दशमक',
      hlColumns: { range: 'PD दायरा', count: 'ऋण', observed: 'चूक', expected: 'अपेक्षित' }
    },
    stability: {
      none: 'ऊपर नए ऋणों की फ़ाइल चुनें: स्थिरता उनकी तुलना अलग रखी गई पंक्तियों से करती है।',
      compared: '{current}, तुलना {reference} से।',
      psi: 'स्कोर का PSI, दशमक',
      psiGrades: 'जोखिम श्रेणियों पर PSI',
      bands: 'PSI और CSI: {amber} से कम स्थिर, {amber}–{red} खिसकाव, {red} से अधिक बड़ा खिसकाव।',
      csiAria: 'हर इनपुट की स्थिरता',
      columns: { column: 'इनपुट', csi: 'CSI', status: 'स्थिति' },
      status: { stable: 'स्थिर', shift: 'खिसकाव', major: 'बड़ा खिसकाव' },
      noCsi: 'मॉडल में उसके इनपुट का प्रशिक्षण वितरण संग्रहीत नहीं है।',
      migration:
        '{matched} खाते दोनों फ़ाइलों में हैं: {unchanged} की श्रेणी वही रही, {improved} सुधरे, {worsened} बिगड़े, {two} दो या अधिक श्रेणी खिसके।',
      noMigration: 'फ़ाइलों में कोई साझा खाता संख्या नहीं है, इसलिए केवल वितरण का खिसकाव मापा गया है।'
    },
    segments: {
      none: 'उनके मानों में स्वीकृति और क्रम की तुलना के लिए ऊपर खंड कॉलम चुनें।',
      aria: 'खंड',
      columns: {
        segment: 'खंड',
        rows: 'ऋण',
        approval: 'स्वीकृत',
        badRate: 'चूक दर',
        auc: 'AUC (CI)',
        repaidApproval: 'चुकाने वाले स्वीकृत',
        ratio: 'समान जोखिम पर अनुपात',
        rawRatio: 'सीधा अनुपात',
        flags: 'चिह्न'
      },
      lowApproval: 'कम स्वीकृति',
      lowAuc: 'कमज़ोर क्रम',
      ok: 'कोई चिह्न नहीं',
      cutoff: 'मॉडल की सीमा {cutoff} पर; कुल AUC {auc}।',
      definitions:
        'कम स्वीकृति: किसी खंड के चुकाने वालों की स्वीकृति दर को उसी कॉलम के सबसे अच्छे खंड ({min} या अधिक चुकाने वालों सहित) की दर से भाग देने पर मिला समान जोखिम पर अनुपात {ratio} से कम है। कमज़ोर क्रम: AUC कुल से {gap} या अधिक नीचे, हर परिणाम के {n} या अधिक ऋण, और अंतराल भी कुल से नीचे।'
    },
    charts: {
      calibration: 'श्रेणी के अनुसार औसत PD और वास्तविक चूक दर',
      grade: 'श्रेणी {grade}',
      loans: '{n} ऋण, {defaults} में चूक',
      meanPd: 'औसत PD: {rate}',
      observed: 'वास्तविक: {rate}',
      jeffreys: 'जेफ़्रीज़ अंतराल: {interval}',
      meanPdName: 'औसत PD',
      observedName: 'वास्तविक दर',
      psiBins: 'अलग रखी गई पंक्तियों के स्कोर दशमकों के अनुसार ऋणों का हिस्सा',
      reference: 'अलग रखी गई पंक्तियाँ',
      current: 'नए ऋण',
      contribution: 'PSI में योगदान: {value}'
    },
    notes: 'टिप्पणियाँ',
    verdicts: verdictsHi
  }
)
