import { area } from '../types'

/**
 * The words of a decision, said the same way on the screen, the decision sheet, the CLI
 * and /predict: the one verdict vocabulary, reasons, the fields not provided, the policy
 * checks and referrals, and the officer's override.
 */
export const decision = area(
  {
    verdict: {
      approve: 'Approve',
      decline: 'Decline',
      refer: 'Refer to a senior officer'
    },
    verdictWhy: {
      approve: "The risk of default, {probability}, is below the bank's cut-off of {threshold}.",
      decline: "The risk of default, {probability}, is at or above the bank's cut-off of {threshold}.",
      refer: 'A person must decide: {rules}.'
    },
    modelLeaning: {
      approve: 'On the risk alone the model would approve.',
      decline: 'On the risk alone the model would decline.'
    },
    risk: 'Risk of default {probability}',
    grade: 'Risk grade {grade}',
    gradeLabel: {
      A: 'very low risk',
      B: 'low risk',
      C: 'moderate risk',
      D: 'high risk',
      E: 'very high risk'
    },
    reason: {
      raises: '{field}: {value} — raised the risk by {points}',
      lowers: '{field}: {value} — lowered the risk by {points}',
      lessThan: 'less than {points}'
    },
    notProvided:
      '{n} field not provided ({fields}): filled with a typical value, which moved the risk by {points}. | {n} fields not provided ({fields}): filled with typical values, which moved the risk by {points}.',
    allProvided: 'Every field was provided.',
    policy: {
      required: "{field} is required by the bank's policy: enter it.",
      belowMin: '{field} {value} is not possible: it must be at least {min}.',
      aboveMax: '{field} {value} is not possible: it must be at most {max}.',
      blocked: 'Not scored. Correct these first: {problems}',
      outsideTraining:
        '{field} {value} is outside anything the model learnt from ({min} to {max}): treat the result with care.',
      unseenCategory: '{field} "{value}" was never seen when the model learnt: it is treated as "{fill}".'
    },
    referral: {
      below: '{field} {value} is below the referral cut of {cut}',
      above: '{field} {value} is above the referral cut of {cut}',
      probabilityBetween: 'the risk of default, {probability}, lies between {from} and {to}',
      notProvided: '{n} fields were not provided (the policy refers from {atLeast})'
    },
    override: {
      title: "Officer's decision",
      line: '{decision} by {officer} on {date}: {reason}',
      against: 'against the model ({verdict})',
      note: 'Note: {note}',
      none: 'No officer has recorded a decision yet.'
    },
    overrideReason: {
      documents: 'Additional documents verified',
      collateral: 'Additional security or guarantee',
      income: 'Income verified',
      relationship: 'Long and sound banking relationship',
      adverse: 'Adverse information the model did not see',
      policy: "Outside the bank's lending policy",
      other: 'Other (see the note)'
    },
    finalDecision: {
      approve: 'Approved',
      decline: 'Declined'
    }
  },
  {
    verdict: {
      approve: 'स्वीकृत करें',
      decline: 'अस्वीकार करें',
      refer: 'वरिष्ठ अधिकारी को भेजें'
    },
    verdictWhy: {
      approve: 'चूक का जोखिम, {probability}, बैंक की सीमा {threshold} से कम है।',
      decline: 'चूक का जोखिम, {probability}, बैंक की सीमा {threshold} के बराबर या उससे अधिक है।',
      refer: 'निर्णय किसी अधिकारी को लेना होगा: {rules}।'
    },
    modelLeaning: {
      approve: 'केवल जोखिम के आधार पर मॉडल स्वीकृति देता।',
      decline: 'केवल जोखिम के आधार पर मॉडल अस्वीकार करता।'
    },
    risk: 'चूक का जोखिम {probability}',
    grade: 'जोखिम श्रेणी {grade}',
    gradeLabel: {
      A: 'बहुत कम जोखिम',
      B: 'कम जोखिम',
      C: 'मध्यम जोखिम',
      D: 'उच्च जोखिम',
      E: 'बहुत उच्च जोखिम'
    },
    reason: {
      raises: '{field}: {value} — जोखिम {points} बढ़ा',
      lowers: '{field}: {value} — जोखिम {points} घटा',
      lessThan: '{points} से कम'
    },
    notProvided:
      '{n} जानकारी नहीं दी गई ({fields}): उसकी जगह सामान्य मान भरा गया, जिससे जोखिम {points} बदला। | {n} जानकारियाँ नहीं दी गईं ({fields}): उनकी जगह सामान्य मान भरे गए, जिनसे जोखिम {points} बदला।',
    allProvided: 'सभी जानकारियाँ दी गई हैं।',
    policy: {
      required: 'बैंक की नीति के अनुसार {field} आवश्यक है: इसे भरें।',
      belowMin: '{field} {value} संभव नहीं है: यह कम से कम {min} होना चाहिए।',
      aboveMax: '{field} {value} संभव नहीं है: यह अधिक से अधिक {max} होना चाहिए।',
      blocked: 'जोखिम का आकलन नहीं हुआ। पहले इन्हें ठीक करें: {problems}',
      outsideTraining:
        '{field} {value} उस सीमा ({min} से {max}) से बाहर है जिससे मॉडल ने सीखा: परिणाम को सावधानी से देखें।',
      unseenCategory: '{field} "{value}" मॉडल ने सीखते समय कभी नहीं देखा: इसे "{fill}" माना गया है।'
    },
    referral: {
      below: '{field} {value} भेजने की सीमा {cut} से कम है',
      above: '{field} {value} भेजने की सीमा {cut} से अधिक है',
      probabilityBetween: 'चूक का जोखिम, {probability}, {from} और {to} के बीच है',
      notProvided: '{n} जानकारियाँ नहीं दी गईं (नीति {atLeast} से भेजती है)'
    },
    override: {
      title: 'अधिकारी का निर्णय',
      line: '{decision}, {officer} द्वारा, {date}: {reason}',
      against: 'मॉडल के विपरीत ({verdict})',
      note: 'टिप्पणी: {note}',
      none: 'किसी अधिकारी ने अभी निर्णय दर्ज नहीं किया है।'
    },
    overrideReason: {
      documents: 'अतिरिक्त दस्तावेज़ सत्यापित',
      collateral: 'अतिरिक्त जमानत या गारंटी',
      income: 'आय सत्यापित',
      relationship: 'लंबा और अच्छा बैंकिंग संबंध',
      adverse: 'प्रतिकूल जानकारी जो मॉडल ने नहीं देखी',
      policy: 'बैंक की ऋण नीति से बाहर',
      other: 'अन्य (टिप्पणी देखें)'
    },
    finalDecision: {
      approve: 'स्वीकृत',
      decline: 'अस्वीकृत'
    }
  }
)
