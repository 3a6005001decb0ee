import { area } from '../types'

/** The analyst's governance of a model: its purpose, policy checks and data dictionary. */
export const governance = area(
  {
    purpose: 'Purpose',
    purposeHelp:
      'What the model is for, as branch officers read it in their header (e.g. "Retail loans — default risk").',
    purposePlaceholder: 'Loan default risk',
    by: 'Your name',
    byHelp: 'Every change is logged with the name of who made it.',
    save: 'Save',
    saved: 'Saved.',
    saveFailed: 'Could not save',
    reset: 'Back to the defaults',
    isDefault: 'defaults',
    isEdited: 'edited by {name} on {time}',
    policy: {
      title: 'Policy checks before any score',
      intro:
        'Applied by the app, ptm score, batch files and /predict alike. A required field left empty or an impossible value stops the score (nothing is decided or recorded); a referral rule sends the case to a senior officer.',
      required: 'Required fields',
      requiredHelp: 'An applicant without one of these is not scored.',
      limits: 'Hard limits',
      limitsHelp:
        'Values outside these are impossible: the field is named and nothing is scored. Empty: no limit.',
      field: 'Field',
      min: 'At least',
      max: 'At most',
      addLimit: 'Add a limit',
      referrals: 'Referral rules',
      referralsHelp: 'Any rule met turns the verdict into “Refer to a senior officer”.',
      addReferral: 'Add a rule',
      kind: 'Rule',
      kindBelow: 'Field below',
      kindAbove: 'Field above',
      kindBetween: 'Risk of default between',
      kindNotProvided: 'Fields not provided, at least',
      value: 'Value',
      from: 'From (%)',
      to: 'To (%)',
      count: 'How many'
    },
    dictionary: {
      title: 'Data dictionary',
      intro:
        'How each field is named, written and typed on the forms, in reasons, charts, the scored file and the decision sheets, in English and Hindi.',
      field: 'Column',
      labelEn: 'Name (English)',
      labelHi: 'Name (Hindi)',
      unit: 'Unit',
      description: 'Description',
      units: {
        inr: '₹ amount',
        percent: '% as written',
        share: '% of 1 (0.4 = 40 %)',
        months: 'months',
        years: 'years',
        count: 'count',
        score: 'score',
        ratio: 'ratio',
        number: 'number',
        flag: 'yes/no (0/1)',
        category: 'category'
      }
    },
    branch: {
      title: 'Bank and branch on decision sheets',
      bank: 'Bank',
      branch: 'Branch (name and code)',
      saved: 'Saved: decision sheets now print them.'
    }
  },
  {
    purpose: 'उद्देश्य',
    purposeHelp: 'मॉडल किस लिए है, जैसा शाखा अधिकारी अपने शीर्षक में पढ़ते हैं (जैसे "खुदरा ऋण — चूक जोखिम")।',
    purposePlaceholder: 'ऋण चूक जोखिम',
    by: 'आपका नाम',
    byHelp: 'हर बदलाव उसे करने वाले के नाम के साथ दर्ज होता है।',
    save: 'सहेजें',
    saved: 'सहेजा गया।',
    saveFailed: 'सहेजा नहीं जा सका',
    reset: 'डिफ़ॉल्ट पर लौटें',
    isDefault: 'डिफ़ॉल्ट',
    isEdited: '{name} द्वारा {time} को संपादित',
    policy: {
      title: 'आकलन से पहले नीति जाँच',
      intro:
        'ऐप, ptm score, बैच फ़ाइलों और /predict पर एक समान लागू। खाली छोड़ी गई आवश्यक जानकारी या असंभव मान आकलन रोक देता है (कुछ तय या दर्ज नहीं होता); भेजने का नियम मामला वरिष्ठ अधिकारी को भेजता है।',
      required: 'आवश्यक जानकारियाँ',
      requiredHelp: 'इनमें से किसी के बिना आवेदक का आकलन नहीं होता।',
      limits: 'कठोर सीमाएँ',
      limitsHelp: 'इनसे बाहर के मान असंभव हैं: जानकारी का नाम बताया जाता है और आकलन नहीं होता। खाली: कोई सीमा नहीं।',
      field: 'जानकारी',
      min: 'कम से कम',
      max: 'अधिक से अधिक',
      addLimit: 'सीमा जोड़ें',
      referrals: 'भेजने के नियम',
      referralsHelp: 'कोई भी नियम लागू होने पर निर्णय “वरिष्ठ अधिकारी को भेजें” हो जाता है।',
      addReferral: 'नियम जोड़ें',
      kind: 'नियम',
      kindBelow: 'जानकारी इससे कम',
      kindAbove: 'जानकारी इससे अधिक',
      kindBetween: 'चूक का जोखिम इनके बीच',
      kindNotProvided: 'न दी गई जानकारियाँ, कम से कम',
      value: 'मान',
      from: 'से (%)',
      to: 'तक (%)',
      count: 'कितनी'
    },
    dictionary: {
      title: 'डेटा शब्दकोश',
      intro:
        'फ़ॉर्म, कारणों, चार्ट, आकलित फ़ाइल और निर्णय पत्रों पर हर जानकारी का नाम, लिखने और भरने का तरीका, अंग्रेज़ी और हिंदी में।',
      field: 'कॉलम',
      labelEn: 'नाम (अंग्रेज़ी)',
      labelHi: 'नाम (हिंदी)',
      unit: 'इकाई',
      description: 'विवरण',
      units: {
        inr: '₹ राशि',
        percent: '% जैसा लिखा',
        share: '1 का % (0.4 = 40 %)',
        months: 'महीने',
        years: 'वर्ष',
        count: 'गिनती',
        score: 'स्कोर',
        ratio: 'अनुपात',
        number: 'संख्या',
        flag: 'हाँ/नहीं (0/1)',
        category: 'श्रेणी'
      }
    },
    branch: {
      title: 'निर्णय पत्रों पर बैंक और शाखा',
      bank: 'बैंक',
      branch: 'शाखा (नाम और कोड)',
      saved: 'सहेजा गया: अब निर्णय पत्रों पर ये छपेंगे।'
    }
  }
)
