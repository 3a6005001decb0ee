import { area } from '../types'
import hi from '../locales/hi/sheet.json'

/** The one-page credit decision sheet a branch prints for an applicant (ptm decision --lang en|hi). */
export const sheet = area(
  {
    title: 'Loan application — credit decision sheet',
    docTitle: 'Credit decision sheet, audit record {id}',
    bank: 'Bank',
    branch: 'Branch',
    seal: 'Branch seal',
    date: 'Date of assessment',
    reference: 'Reference',
    referenceValue: 'Audit record {id}',
    applicant: 'Applicant',
    noApplicant: 'not recorded',
    model: 'Model',
    modelValue: '{purpose} · model {id}, trained {date}',
    assessment: 'The assessment',
    riskLine: 'Risk of default {probability} · risk grade {grade} ({label}) · the bank’s cut-off {threshold}',
    bookRate: 'For comparison: {rate} of the loans in the book the model learnt from defaulted.',
    support:
      'A statistical assessment to support the branch; the decision on the loan is taken by the sanctioning officer.',
    officerDecision: 'Officer’s decision recorded',
    reasons: 'Main reasons',
    reasonsIntro: 'The details of this application that moved the risk of default the most.',
    raised: 'What raised the risk',
    lowered: 'What lowered the risk',
    noneRaised: 'No detail of this application raised the risk.',
    noneLowered: 'No detail of this application lowered the risk.',
    mustState:
      'The model did not single out any detail for this score. The officer must state the principal reasons here:',
    details: 'The applicant’s details as entered',
    noDetails: '(no fields were recorded with this score)',
    moreDetails: '… and {n} more fields (audit record {id})',
    checks: 'Points to check',
    noChecks: 'None.',
    decide: 'Officer’s decision',
    sanctioned: 'Sanctioned',
    declined: 'Declined',
    referredUp: 'Referred to higher authority',
    moreDocuments: 'More documents requested',
    remarks: 'Remarks',
    forApplicant: 'For the applicant',
    applicantNote:
      'You may ask the branch for the main reasons for this decision in writing, and for your application to be reviewed by a bank officer, who can take into account information the model did not see (for example documents, guarantees or a change in your circumstances). Please quote reference audit record {id}.',
    assessedBy: 'Assessed by (bank officer)',
    receivedBy: 'Received by (applicant)',
    nameDesignation: 'Name and designation',
    name: 'Name',
    signatureDate: 'Signature and date',
    footer: 'Credit decision sheet · audit record {id} · model {model}',
    printed: 'Printed {printed} by the Loan Default Workbench from the audit record of {scored}',
    page: 'Page {page} of {pages}',
    defaultPurpose: 'Loan default risk'
  },
  hi
)
