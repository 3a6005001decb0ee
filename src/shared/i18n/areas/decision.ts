import { area } from '../types'
import hi from '../locales/hi/decision.json'

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
  hi
)
