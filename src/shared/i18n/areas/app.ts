import { area } from '../types'

/** The window's frame: navigation, header, status line, jobs panel, drop overlay, modes and language. */
export const app = area(
  {
    name: 'Loan Default Workbench',
    skip: 'Skip to content',
    screens: 'Screens',
    groups: { decisions: 'Decisions', data: 'Data', modelling: 'Modelling', committee: 'Committee' },
    routes: {
      data: 'Data',
      explore: 'Explore',
      train: 'Train',
      models: 'Models',
      model: 'Model evaluation',
      score: 'Score',
      history: 'History',
      strategy: 'Strategy',
      validation: 'Validation'
    },
    mode: {
      label: 'View',
      officer: 'Branch officer',
      analyst: 'Risk analyst',
      officerHelp: 'Score applicants and see past decisions.',
      analystHelp: 'Everything: data, models, policy and the dictionary.'
    },
    language: { label: 'Language', en: 'English', hi: 'हिंदी' },
    user: {
      label: 'Your name',
      placeholder: 'Name (kept with your decisions)',
      help: 'Kept with every override and approval you make on this computer.'
    },
    header: {
      activeDataset: 'Active dataset',
      noDataset: 'None yet: generate or import one',
      datasetRows: '{rows} rows',
      activeModel: 'Active model',
      modelTitle: '{model}: used for scoring. AUC {auc}',
      noneActive: 'none active: choose one on Models',
      noneYet: 'none yet',
      officerModel: 'Scoring with',
      officerModelValue: '{purpose} · trained {date}',
      officerNoModel: 'No model is ready for scoring: ask your risk team.'
    },
    status: {
      database: 'Database:',
      databaseUnknown: 'Database: unknown ({error})',
      databaseLoading: 'Database: loading…',
      datasets: '{n} dataset | {n} datasets',
      offline: 'Offline: nothing leaves this computer'
    },
    drop: {
      toScore: 'Drop the CSV file to score it',
      toImport: 'Drop the CSV file to import it',
      notCsv: '"{name}" is not a CSV file. Drop a .csv file exported from your loan system.',
      couldNotOpen: 'Could not open {name}'
    },
    jobs: {
      title: 'Background jobs',
      running: '({n} running)',
      show: 'Show',
      hide: 'Hide',
      finished: '{n} finished',
      clearFinished: 'Clear finished',
      status: { running: 'Running', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' },
      progressOf: 'Progress of {label}',
      cancelledNothing: 'Cancelled; nothing was saved.',
      elapsed: 'Elapsed {time}',
      left: 'Left {time}',
      estimating: 'estimating…',
      finishing: 'finishing…',
      about: '~{time}',
      cancel: 'Cancel',
      cancelling: 'Cancelling…',
      cancelLabel: 'Cancel {label}',
      dismiss: 'Dismiss',
      dismissLabel: 'Dismiss {label}',
      couldNotCancel: 'Could not cancel the job',
      couldNotCancelWhat: 'Could not cancel the {what}',
      couldNotLoad: 'Could not load the background jobs',
      failed: 'The job failed.',
      trained: 'Model #{id} saved, AUC {auc}.',
      scored: '{rows} rows scored.',
      scoredErrors: '{rows} rows scored, {errors} in error.',
      saved: '{rows} rows saved.',
      finishedPlain: 'Finished.',
      phase: {
        starting: 'Starting',
        done: 'Done',
        generating: 'Generating loans',
        reading: 'Reading the file',
        importing: 'Saving the rows',
        loadingRows: 'Loading rows',
        profiling: 'Computing statistics',
        preparing: 'Preparing features',
        smote: 'Balancing with SMOTE',
        training: 'Growing trees',
        crossFitting: 'Cross-fitting honest scores',
        calibrating: 'Calibrating',
        evaluating: 'Evaluating on held-out rows',
        scoring: 'Scoring rows',
        searching: 'Cross-validating candidates',
        keeping: 'Training and keeping the candidates'
      }
    }
  },
  {
    name: 'लोन डिफ़ॉल्ट वर्कबेंच',
    skip: 'सामग्री पर जाएँ',
    screens: 'स्क्रीन',
    groups: { decisions: 'निर्णय', data: 'डेटा', modelling: 'मॉडलिंग', committee: 'समिति' },
    routes: {
      data: 'डेटा',
      explore: 'विश्लेषण',
      train: 'प्रशिक्षण',
      models: 'मॉडल',
      model: 'मॉडल का मूल्यांकन',
      score: 'आकलन',
      history: 'इतिहास',
      strategy: 'रणनीति',
      validation: 'सत्यापन'
    },
    mode: {
      label: 'दृश्य',
      officer: 'शाखा अधिकारी',
      analyst: 'जोखिम विश्लेषक',
      officerHelp: 'आवेदकों का आकलन करें और पिछले निर्णय देखें।',
      analystHelp: 'सब कुछ: डेटा, मॉडल, नीति और शब्दकोश।'
    },
    language: { label: 'भाषा', en: 'English', hi: 'हिंदी' },
    user: {
      label: 'आपका नाम',
      placeholder: 'नाम (आपके निर्णयों के साथ रखा जाता है)',
      help: 'इस कंप्यूटर पर आपके हर ओवरराइड और अनुमोदन के साथ रखा जाता है।'
    },
    header: {
      activeDataset: 'सक्रिय डेटासेट',
      noDataset: 'अभी कोई नहीं: बनाएँ या आयात करें',
      datasetRows: '{rows} पंक्तियाँ',
      activeModel: 'सक्रिय मॉडल',
      modelTitle: '{model}: आकलन के लिए प्रयुक्त। AUC {auc}',
      noneActive: 'कोई सक्रिय नहीं: मॉडल स्क्रीन पर चुनें',
      noneYet: 'अभी कोई नहीं',
      officerModel: 'आकलन मॉडल',
      officerModelValue: '{purpose} · प्रशिक्षित {date}',
      officerNoModel: 'आकलन के लिए कोई मॉडल तैयार नहीं है: अपनी जोखिम टीम से पूछें।'
    },
    status: {
      database: 'डेटाबेस:',
      databaseUnknown: 'डेटाबेस: अज्ञात ({error})',
      databaseLoading: 'डेटाबेस: लोड हो रहा है…',
      datasets: '{n} डेटासेट | {n} डेटासेट',
      offline: 'ऑफ़लाइन: कुछ भी इस कंप्यूटर से बाहर नहीं जाता'
    },
    drop: {
      toScore: 'आकलन के लिए CSV फ़ाइल यहाँ छोड़ें',
      toImport: 'आयात के लिए CSV फ़ाइल यहाँ छोड़ें',
      notCsv: '"{name}" CSV फ़ाइल नहीं है। अपने ऋण सिस्टम से निर्यात की गई .csv फ़ाइल छोड़ें।',
      couldNotOpen: '{name} नहीं खुल सकी'
    },
    jobs: {
      title: 'पृष्ठभूमि कार्य',
      running: '({n} चल रहे हैं)',
      show: 'दिखाएँ',
      hide: 'छिपाएँ',
      finished: '{n} पूरे',
      clearFinished: 'पूरे हुए हटाएँ',
      status: { running: 'चल रहा है', done: 'पूरा', failed: 'विफल', cancelled: 'रद्द' },
      progressOf: '{label} की प्रगति',
      cancelledNothing: 'रद्द; कुछ भी सहेजा नहीं गया।',
      elapsed: 'बीता {time}',
      left: 'बाकी {time}',
      estimating: 'अनुमान लगाया जा रहा है…',
      finishing: 'पूरा हो रहा है…',
      about: 'लगभग {time}',
      cancel: 'रद्द करें',
      cancelling: 'रद्द हो रहा है…',
      cancelLabel: '{label} रद्द करें',
      dismiss: 'हटाएँ',
      dismissLabel: '{label} हटाएँ',
      couldNotCancel: 'कार्य रद्द नहीं हो सका',
      couldNotCancelWhat: '{what} रद्द नहीं हो सका',
      couldNotLoad: 'पृष्ठभूमि कार्य लोड नहीं हो सके',
      failed: 'कार्य विफल रहा।',
      trained: 'मॉडल #{id} सहेजा गया, AUC {auc}।',
      scored: '{rows} पंक्तियों का आकलन हुआ।',
      scoredErrors: '{rows} पंक्तियों का आकलन हुआ, {errors} में त्रुटि।',
      saved: '{rows} पंक्तियाँ सहेजी गईं।',
      finishedPlain: 'पूरा हुआ।',
      phase: {
        starting: 'शुरू हो रहा है',
        done: 'पूरा',
        generating: 'ऋण बनाए जा रहे हैं',
        reading: 'फ़ाइल पढ़ी जा रही है',
        importing: 'पंक्तियाँ सहेजी जा रही हैं',
        loadingRows: 'पंक्तियाँ लोड हो रही हैं',
        profiling: 'आँकड़े निकाले जा रहे हैं',
        preparing: 'फ़ीचर तैयार हो रहे हैं',
        smote: 'SMOTE से संतुलन',
        training: 'ट्री बनाए जा रहे हैं',
        crossFitting: 'क्रॉस-फ़िटिंग से निष्पक्ष स्कोर',
        calibrating: 'कैलिब्रेशन',
        evaluating: 'अलग रखी पंक्तियों पर मूल्यांकन',
        scoring: 'पंक्तियों का आकलन',
        searching: 'उम्मीदवारों की क्रॉस-वैलिडेशन',
        keeping: 'उम्मीदवारों का प्रशिक्षण और संग्रह'
      }
    }
  }
)
