import { area } from '../types'
import hi from '../locales/hi/governance.json'

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
  hi
)
