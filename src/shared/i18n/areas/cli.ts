import { area } from '../types'

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
  {
    scoreLine: '{verdict}: चूक का जोखिम {probability} (सीमा {threshold}), जोखिम श्रेणी {grade}; मॉडल {model}',
    reasons: 'मुख्य कारण:',
    referrals: 'भेजने के कारण:',
    warnings: 'जाँचें:',
    audit: 'ऑडिट रिकॉर्ड {id}',
    auditFor: 'ऑडिट रिकॉर्ड {id}, {reference} के लिए',
    history: {
      empty: 'अभी तक कोई आकलन नहीं।',
      id: 'रिकॉर्ड',
      date: 'तारीख',
      applicant: 'आवेदक',
      verdict: 'निर्णय',
      officer: 'अधिकारी का निर्णय',
      risk: 'जोखिम',
      grade: 'श्रेणी',
      model: 'मॉडल',
      channel: 'माध्यम',
      batch: 'बैच फ़ाइल {file}: {rows} पंक्तियाँ, {errors} का आकलन नहीं हुआ'
    },
    override: {
      recorded: 'ऑडिट रिकॉर्ड {id} के लिए दर्ज: {decision}, {officer} द्वारा ({reason})।',
      against: 'यह मॉडल के निर्णय ({verdict}) के विपरीत है।'
    },
    activation: {
      requested:
        'मॉडल {id} को सक्रिय करने का अनुरोध दर्ज हुआ। दूसरा व्यक्ति इससे पुष्टि करे: ptm activate {id} --confirm --by NAME --note TEXT',
      confirmed: 'अब आकलन मॉडल {id} से होगा ({maker} ने अनुरोध किया, {checker} ने पुष्टि की)।',
      rejected: 'मॉडल {id} को सक्रिय करने का अनुरोध {checker} ने अस्वीकार किया।',
      automatic: 'अब आकलन मॉडल {id} से होगा: कोई मॉडल सक्रिय नहीं था।'
    },
    sheetWritten: 'ऑडिट रिकॉर्ड {id} की निर्णय पत्र {path} में लिखी गई'
  }
)
