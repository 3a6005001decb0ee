/**
 * The columns engineered features read, by role (the spec's column names). Apart from the
 * training schema (trainParams), which re-exports them, so that scoring threads, which
 * compute the engineered features, load no schema library.
 */
export const ENGINEERING_ROLES = ['Credit_Score', 'Loan_Amount', 'Account_Balance', 'Age'] as const
export type EngineeringRole = (typeof ENGINEERING_ROLES)[number]
