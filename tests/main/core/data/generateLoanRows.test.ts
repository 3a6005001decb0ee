import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../src/main/core/base/random'
import { drawRow, LOAN_COLUMNS, type LoanCell } from '../../../../src/main/core/data/generateLoans'

/**
 * One row at a time, worked out by hand: the stream answers uniform, normal and integer draws
 * from three scripts, in the order the generator documents its draws, so every column and the
 * default logit can be computed from the generator's stated formulas for that one applicant.
 * The book-level tests (generateLoans.test.ts) check shares and ranges over 20,000 rows; a
 * coefficient or an operator that moves a row only slightly shows here.
 */
class ScriptedStream extends Rng {
  constructor(
    private readonly uniforms: number[],
    private readonly normals: number[],
    private readonly ints: number[] = []
  ) {
    super(0)
  }
  override next(): number {
    return take(this.uniforms, 'uniform')
  }
  override normal(): number {
    return take(this.normals, 'normal')
  }
  override int(n: number): number {
    const k = take(this.ints, 'integer')
    if (k >= n) throw new Error(`ScriptedStream: integer ${k} asked below ${n}`)
    return k
  }
  /** Draws the row did not use: a script longer than the row's draws is a mistake in the test. */
  get unused(): number {
    return this.uniforms.length + this.normals.length + this.ints.length
  }
}

function take(script: number[], what: string): number {
  const value = script.shift()
  if (value === undefined) throw new Error(`ScriptedStream: no ${what} left`)
  return value
}

interface Drawn {
  row: Record<string, LoanCell>
  logit: number
}

function draw(uniforms: number[], normals: number[], ints: number[] = [], index = 0): Drawn {
  const stream = new ScriptedStream([...uniforms], [...normals], [...ints])
  const logit = new Float64Array(1)
  const cells = drawRow(stream, index, logit)
  expect(stream.unused).toBe(0)
  return { row: Object.fromEntries(LOAN_COLUMNS.map((c, i) => [c.name, cells[i]])), logit: logit[0] }
}

/** Yearly repayment per rupee of an annuity at `rate` % a year over `months`. */
function annuityPerRupee(rate: number, months: number): number {
  const r = rate / 1200
  return (12 * r) / (1 - (1 + r) ** -months)
}

/** A salaried urban borrower of 37 in the North, with a history, taking a secured home loan. */
const SALARIED_HOME = {
  uniforms: [
    0, // region: North (first of the mix)
    0, // area: Urban
    0, // occupation: Salaried
    0.5, // years with the bank: floor((37 − 18) × 0.5^1.3) = 7
    0.5, // not in the distressed 8 %
    0.5, // has a credit history (urban, 37: the 0.2 % rate)
    0.9, // delinquencies, Poisson(0.25 e^(−0.9 × 0.5) = 0.1594): 0.9 > e^−λ = 0.8527 …
    0.5, // … 0.9 × 0.5 = 0.45 below it: one episode
    0.3, // existing loans, Poisson(0.75 (income / 5 lakh)^0.2 = 0.8297): 0.3 < e^−λ = 0.4362: none
    0.5, // balance not zero (2 % for the salaried)
    0.1, // purpose: Home (the salaried mix starts with Home at 0.3)
    0.5, // tenure: Home's mix 0.1, 0.25, 0.3 … gives the third choice, 240 months
    0.5, // secured (99 % of home loans)
    0.5, // the 60 % sanction rule is checked (85 %) but does not bind
    0.5, // occupation shown
    0.5, // income shown
    0.5 // years shown
  ],
  normals: [
    0, // age: 37 + 9 × 0 = 37
    0, // income noise
    0.5, // creditworthiness
    0.2, // score noise
    0.1, // balance noise
    0, // amount noise
    0.4, // rate noise
    0, // existing repayments' noise (no existing loans)
    0, // DTI noise
    0 // logit noise
  ]
}

/** A young unemployed borrower of an education loan above 7.5 lakh, cut to the 60 % sanction rule. */
const STUDENT = {
  uniforms: [
    0.3, // region: South (0.22 to 0.48)
    0.5, // area: Semi-Urban
    0.97, // occupation in a semi-urban branch: Unemployed (from 0.94)
    0.9, // years: floor((27 − 18) × 0.9^1.3) = 7
    0.08, // exactly the distressed share: not distressed (the share is a strict bound)
    0.036, // no credit history: under 28, the 3.7 % rate applies
    0.2, // existing loans, Poisson(0.35 (income / 5 lakh)^0.2): 0.2 below e^−λ: none
    0.12, // exactly the unemployed's 12 % of dormant accounts: not dormant
    0.3, // purpose: Education (an unemployed borrower's mix: 0.25 to 0.5)
    0.95, // tenure: Education's last choice, 180 months
    0.85, // secured: loans above 7.5 lakh are in 90 % of cases
    0.5, // the sanction rule is checked and binds
    0.01, // exactly the 1 % missing share: shown
    0.03, // exactly the unemployed's 3 %: shown
    0.02 // exactly the 2 %: shown
  ],
  normals: [
    -1.2, // age: 32 − 12 = 20, below 21: drawn again
    -0.5, // age: 32 − 5 = 27
    0, // income noise
    0, // creditworthiness
    0, // balance noise
    0.6, // amount noise
    0, // rate noise
    0, // existing repayments' noise
    0.5, // DTI noise
    -1 // logit noise
  ]
}

/** A farmer with a score above 900, income below the floor and a small unsecured agricultural loan. */
const FARMER = {
  uniforms: [
    0.9, // region: Central (0.85 to 0.95)
    0.75, // area: Rural
    0.5, // occupation in a rural branch: Agriculture (0.48 to 0.90)
    0, // years with the bank: 0
    0.5, // not distressed
    0.5, // a credit history
    0.5, // delinquencies, Poisson(0.25 e^(−3.15)): none
    0.7, // existing loans, Poisson(0.7 (60,000 / 5 lakh)^0.2 = 0.458): 0.7 above e^−λ = 0.633 …
    0.5, // … 0.35 below: one
    0.06, // exactly the farmers' 6 % of dormant accounts: not dormant
    0.6, // purpose: Agriculture (a farmer's mix: from 0.54)
    0.7, // tenure: Agriculture's third choice, 36 months
    0.5, // not secured: loans up to 1.6 lakh are in 20 % of cases
    0.1, // the sanction rule is checked, not binding
    0.5,
    0.5,
    0.5
  ],
  normals: [
    0, // age: 41
    -3, // income noise: below the ₹60,000 floor
    3.5, // creditworthiness
    2, // score noise: above 900
    0, // balance noise
    0, // amount noise
    -8, // rate noise: below Agriculture's 6.5 % floor
    0, // existing repayments' noise
    0, // DTI noise
    0 // logit noise
  ]
}

describe('drawRow: rows worked out by hand from the generator’s formulas', () => {
  it('a salaried urban home-loan borrower in the North with a credit history', () => {
    const { row, logit } = draw(SALARIED_HOME.uniforms, SALARIED_HOME.normals)
    const income = Math.round(600_000 * 1.3 * Math.exp(0.03 * (37 - 35)))
    expect(income).toBe(828_233)
    const score = Math.round(
      715 + 65 * (0.85 * 0.5 + 0.35 * 0.2) + 6 * Math.log(income / 500_000) + 0.8 * 7 - 12 * 1
    )
    expect(score).toBe(744)
    const balance = Math.round(income * 0.12 * (1 + 7 / 15) * Math.exp(0.25 * 0.5 + 1.1 * 0.1))
    const amount = Math.round((income * 3.2) / 1000) * 1000
    // Premium: 0.9 points per 100 below 800; secured, so no unsecured margin.
    const rate = Math.round((8.5 + (0.9 * (800 - 744)) / 100 + 0.25 * 0.4) * 100) / 100
    expect(rate).toBe(9.1)
    const dti = Math.round(((amount * annuityPerRupee(rate, 240)) / income) * 1000) / 1000
    expect(dti).toBe(0.348)
    expect(row).toEqual({
      Customer_ID: 'CUST0000001',
      Age: 37,
      Region: 'North',
      Area_Type: 'Urban',
      Employment_Status: 'Salaried',
      Annual_Income: income,
      Account_Balance: balance,
      Credit_Score: score,
      Years_With_Bank: 7,
      Existing_Loans: 0,
      Past_Delinquencies: 1,
      Loan_Purpose: 'Home',
      Loan_Amount: amount,
      Loan_Term_Months: 240,
      Interest_Rate: rate,
      Collateral: 'Yes',
      Debt_to_Income: dti,
      Default: null
    })
    const expectedLogit =
      -0.005 * (744 - 700) + // score above 650: the linear part only
      1.2 * dti + // DTI below 0.45: no threshold term
      0.35 * 1 + // one delinquency
      0 + // salaried
      0.08 * Math.log1p(amount / (balance + 5000)) + // income above 3 lakh
      0.001 * (37 - 42) ** 2 +
      -0.3 + // home loan
      0 + // secured
      0.12 * 0 -
      0.015 * 7 +
      0 - // North
      0.35 * 0.5
    expect(logit).toBeCloseTo(expectedLogit, 12)
  })

  it('a retired rural gold-loan borrower without a credit history, distressed, with a dormant account and every gap', () => {
    const { row, logit } = draw(
      [
        0.97, // region: North-East (the mix's last 5 %)
        0.8, // area: Rural (above 0.38 + 0.32)
        0.92, // occupation in a rural branch: Retired (0.90 to 0.95)
        0.5, // years: floor((63 − 18) × 0.5^1.3) = 18
        0.05, // in the distressed 8 %: a second normal lowers worth
        0.03, // no credit history (rural: 3.7 %), so no delinquency or score draws
        0.9, // existing loans, Poisson(0.4 (income / 5 lakh)^0.2): 0.9 above e^−λ …
        0.5, // … 0.45 below it: one loan
        0.01, // dormant account (2 % of retirees): balance 0, no noise drawn
        0.9, // purpose: Gold (a retiree's mix: Gold from 0.52)
        0.5, // tenure: Gold is always 12 months
        0.5, // secured: every gold loan is
        0.5, // sanction rule checked, not binding
        0.005, // occupation missing (1 %)
        0.005, // income missing (1 % of retirees)
        0.01 // years missing (2 %)
      ],
      [
        -0.5, // income noise
        -1, // creditworthiness …
        0.5, // … less 1.2 × |0.5| for distress: −1.6
        0.3, // amount noise
        0, // rate noise
        0.2, // existing repayments' noise
        0, // DTI noise
        0.5 // logit noise
      ],
      [5], // age: 58 + 5
      41
    )
    // A pension does not grow with age: no age factor for retirees.
    const income = Math.round(360_000 * 0.75 * Math.exp(0.45 * -0.5))
    expect(income).toBe(215_599)
    const amount = Math.round((income * 0.25 * Math.exp(0.7 * 0.3)) / 1000) * 1000
    // Priced as a 700 score: 0.9 points per 100 below 800, plus 0.5 for no history.
    const rate = 10.3 // 8.9 + 0.9 + 0.5
    // Gold loans pay interest yearly and the principal at maturity.
    const existingRepayments = 1 * income * 0.07 * Math.exp(0.5 * 0.2)
    const dti = Math.round(((amount * (rate / 100) + existingRepayments) / income) * 1000) / 1000
    expect(row).toEqual({
      Customer_ID: 'CUST0000042',
      Age: 63,
      Region: 'North-East',
      Area_Type: 'Rural',
      Employment_Status: null,
      Annual_Income: null,
      Account_Balance: 0,
      Credit_Score: null,
      Years_With_Bank: null,
      Existing_Loans: 1,
      Past_Delinquencies: 0,
      Loan_Purpose: 'Gold',
      Loan_Amount: amount,
      Loan_Term_Months: 12,
      Interest_Rate: rate,
      Collateral: 'Yes',
      Debt_to_Income: dti,
      Default: null
    })
    const expectedLogit =
      0.3 + // no credit history
      1.2 * dti +
      0 + // no delinquencies
      0.2 + // retired
      0.3 * Math.log1p(amount / (0 + 5000)) + // income below 3 lakh: loan-to-balance weighs more
      0.001 * (63 - 42) ** 2 +
      -0.5 + // gold loan
      0 + // secured
      0.12 * 1 -
      0.015 * 18 +
      0.15 - // North-East
      0.35 * -1.6 +
      0.6 * 0.5
    expect(logit).toBeCloseTo(expectedLogit, 12)
  })

  it('a young unemployed borrower of an education loan above 7.5 lakh, cut to the 60 % sanction rule', () => {
    const { row, logit } = draw(STUDENT.uniforms, STUDENT.normals)
    const income = Math.round(150_000 * 1 * Math.exp(0.03 * (27 - 35)))
    expect(income).toBe(117_994)
    const balance = Math.round(income * 0.12 * (1 + 7 / 15))
    // Education: fees, not income, set the amount (median 5 lakh).
    const requested = Math.round((500_000 * Math.exp(0.7 * 0.6)) / 1000) * 1000
    expect(requested).toBe(761_000)
    const rate = 11.2 // 9.8 + 0.9 + 0.5, priced as a 700 score with no history; secured
    const perRupee = annuityPerRupee(rate, 180)
    expect(requested * perRupee).toBeGreaterThan(0.6 * income)
    const amount = Math.floor((0.6 * income) / perRupee / 1000) * 1000
    expect(amount).toBe(513_000)
    const dti = Math.round(((amount * perRupee) / income) * Math.exp(0.1 * 0.5) * 1000) / 1000
    expect(row).toEqual({
      Customer_ID: 'CUST0000001',
      Age: 27,
      Region: 'South',
      Area_Type: 'Semi-Urban',
      Employment_Status: 'Unemployed',
      Annual_Income: income,
      Account_Balance: balance,
      Credit_Score: null,
      Years_With_Bank: 7,
      Existing_Loans: 0,
      Past_Delinquencies: 0,
      Loan_Purpose: 'Education',
      Loan_Amount: amount,
      Loan_Term_Months: 180,
      Interest_Rate: rate,
      Collateral: 'Yes',
      Debt_to_Income: dti,
      Default: null
    })
    expect(dti).toBeGreaterThan(0.45)
    const expectedLogit =
      0.3 +
      1.2 * dti +
      2.5 * (dti - 0.45) + // above the 0.45 threshold
      1.1 + // unemployed
      0.3 * Math.log1p(amount / (balance + 5000)) +
      0.001 * (27 - 42) ** 2 +
      0.2 + // education
      0 -
      0.015 * 7 +
      -0.05 + // South
      0.6 * -1
    expect(logit).toBeCloseTo(expectedLogit, 12)
  })

  it('a business owner with six delinquencies, a score below 600, six loans and an unsecured personal loan', () => {
    const { row, logit } = draw(
      [
        0.5, // region: East (0.48 to 0.65)
        0.1, // area: Urban
        0.7, // occupation in an urban branch: Business (0.68 to 0.84)
        0.2, // years: floor((52 − 18) × 0.2^1.3) = 4
        0.5, // not distressed
        0.01, // a credit history (urban and 52: the 0.2 % rate)
        ...[0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.3], // delinquencies, Poisson(0.25 e^1.8 = 1.51): 0.9^6 stays above e^−λ = 0.22, × 0.3 falls below: six
        ...[0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99], // existing loans: the product never falls below e^−λ, capped at 6
        0.5, // balance not zero
        0.35, // purpose: Personal (a business owner's mix: 0.32 to 0.40)
        0.5, // tenure: Personal's third choice, 36 months
        0.5, // not secured (5 % of personal loans are)
        0.9, // the sanction rule waived (15 % of loans)
        0.9,
        0.9,
        0.9
      ],
      [
        1, // age: 41 + 11 = 52
        0.5, // income noise
        -2, // creditworthiness
        -0.5, // score noise
        -1, // balance noise
        0, // amount noise
        0, // rate noise
        2.5, // existing repayments' noise
        0, // DTI noise
        0.2 // logit noise
      ]
    )
    // Earnings stop rising at 50.
    const income = Math.round(700_000 * 1.3 * Math.exp(0.03 * (50 - 35)) * Math.exp(0.75 * 0.5))
    const score = Math.round(
      715 + 65 * (0.85 * -2 + 0.35 * -0.5) + 6 * Math.log(income / 500_000) + 0.8 * 4 - 12 * 6
    )
    expect(score).toBeLessThan(600)
    const balance = Math.round(income * 0.12 * (1 + 4 / 15) * Math.exp(0.25 * -2 + 1.1 * -1))
    const amount = Math.min(2_500_000, Math.round((income * 0.6) / 1000) * 1000)
    // Both steps of the premium, and 0.5 for an unsecured loan.
    const rate =
      Math.round((11.5 + (0.9 * (800 - score)) / 100 + (1.5 * (650 - score)) / 100 + 0.5) * 100) / 100
    const perRupee = annuityPerRupee(rate, 36)
    const existingRepayments = 6 * income * 0.07 * Math.exp(0.5 * 2.5)
    const dti = Math.round(((amount * perRupee + existingRepayments) / income) * 1000) / 1000
    expect(dti).toBeGreaterThan(1.5)
    expect(row).toEqual({
      Customer_ID: 'CUST0000001',
      Age: 52,
      Region: 'East',
      Area_Type: 'Urban',
      Employment_Status: 'Business',
      Annual_Income: income,
      Account_Balance: balance,
      Credit_Score: score,
      Years_With_Bank: 4,
      Existing_Loans: 6,
      Past_Delinquencies: 6,
      Loan_Purpose: 'Personal',
      Loan_Amount: amount,
      Loan_Term_Months: 36,
      Interest_Rate: rate,
      Collateral: 'No',
      Debt_to_Income: dti,
      Default: null
    })
    const expectedLogit =
      -0.005 * (score - 700) +
      0.01 * (600 - score) + // below 600 …
      0.005 * (650 - score) + // … and 650
      1.2 * 1.5 + // DTI capped at 1.5 in the logit
      2.5 * (1.5 - 0.45) +
      0.35 * 4 + // delinquencies: 0.35 each up to four …
      0.1 * (6 - 4) + // … 0.1 beyond
      0.15 + // business
      0.08 * Math.log1p(amount / (balance + 5000)) +
      0.001 * (52 - 42) ** 2 +
      0.35 + // personal loan
      0.25 + // unsecured
      0.12 * 6 -
      0.015 * 4 +
      0.1 - // East
      0.35 * -2 +
      0.6 * 0.2
    expect(logit).toBeCloseTo(expectedLogit, 12)
  })

  it('a farmer with a score above 900, income below the floor and a small unsecured agricultural loan', () => {
    const { row, logit } = draw(FARMER.uniforms, FARMER.normals)
    const income = 60_000
    expect(240_000 * 0.75 * Math.exp(0.03 * (41 - 35)) * Math.exp(0.55 * -3)).toBeLessThan(income)
    const balance = Math.round(income * 0.12 * Math.exp(0.25 * 3.5))
    const amount = Math.round((income * 0.7) / 1000) * 1000
    expect(amount).toBe(42_000)
    const rate = 6.5
    const dti = Math.round(((amount * annuityPerRupee(rate, 36) + income * 0.07) / income) * 1000) / 1000
    expect(row).toEqual({
      Customer_ID: 'CUST0000001',
      Age: 41,
      Region: 'Central',
      Area_Type: 'Rural',
      Employment_Status: 'Agriculture',
      Annual_Income: income,
      Account_Balance: balance,
      Credit_Score: 900,
      Years_With_Bank: 0,
      Existing_Loans: 1,
      Past_Delinquencies: 0,
      Loan_Purpose: 'Agriculture',
      Loan_Amount: amount,
      Loan_Term_Months: 36,
      Interest_Rate: rate,
      Collateral: 'No',
      Debt_to_Income: dti,
      Default: null
    })
    const expectedLogit =
      -0.005 * (900 - 700) +
      1.2 * dti +
      0.35 + // agriculture as occupation
      0.3 * Math.log1p(amount / (balance + 5000)) +
      0.001 * (41 - 42) ** 2 +
      0.25 + // agricultural loan
      0.25 + // unsecured
      0.12 * 1 -
      0 +
      0.05 - // Central
      0.35 * 3.5
    expect(logit).toBeCloseTo(expectedLogit, 12)
  })

  it('a self-employed home-loan borrower of 66, whose tenure is cut to repay by 75', () => {
    const { row, logit } = draw(
      [
        0.7, // region: West (0.65 to 0.85)
        0.5, // area: Semi-Urban
        0.4, // occupation in a semi-urban branch: Self-Employed (0.36 to 0.58)
        0.5, // years: floor((66 − 18) × 0.5^1.3) = 19
        0.5, // not distressed
        0.01, // a credit history (semi-urban and 66: the 0.2 % rate)
        0.5, // delinquencies, Poisson(0.25): 0.5 below e^−0.25: none
        0.1, // existing loans: none
        0.5, // balance not zero
        0.1, // purpose: Home
        0.95, // tenure: Home's last choice, 360 months …
        0.5, // secured
        0.5, // sanction rule checked, not binding
        0.5,
        0.5,
        0.5
      ],
      [
        2.3, // age: 41 + 11 × 2.3 = 66.3, rounded to 66
        0, // income noise
        0, // creditworthiness
        0, // score noise
        0, // balance noise
        0, // amount noise
        0, // rate noise
        0, // existing repayments' noise
        0, // DTI noise
        0 // logit noise
      ]
    )
    const income = Math.round(450_000 * 1 * Math.exp(0.03 * (50 - 35)))
    const score = Math.round(715 + 6 * Math.log(income / 500_000) + 0.8 * 19)
    const balance = Math.round(income * 0.12 * (1 + 19 / 15))
    const amount = Math.round((income * 3.2) / 1000) * 1000
    const rate = Math.round((8.5 + (0.9 * (800 - score)) / 100) * 100) / 100
    // … cut to (75 − 66) × 12 = 108 months.
    const dti = Math.round(((amount * annuityPerRupee(rate, 108)) / income) * 1000) / 1000
    expect(dti).toBeGreaterThan(0.45)
    expect(row).toMatchObject({
      Age: 66,
      Region: 'West',
      Employment_Status: 'Self-Employed',
      Annual_Income: income,
      Account_Balance: balance,
      Credit_Score: score,
      Years_With_Bank: 19,
      Loan_Amount: amount,
      Loan_Term_Months: 108,
      Interest_Rate: rate,
      Collateral: 'Yes',
      Debt_to_Income: dti
    })
    const expectedLogit =
      -0.005 * (score - 700) +
      1.2 * dti +
      2.5 * (dti - 0.45) +
      0.25 + // self-employed
      0.08 * Math.log1p(amount / (balance + 5000)) +
      0.001 * (66 - 42) ** 2 +
      -0.3 -
      0.015 * 19 +
      -0.05 // West
    expect(logit).toBeCloseTo(expectedLogit, 12)
  })

  it('a salaried borrower of 28 on ₹2 crore, with a ₹5 crore balance and an unsecured education loan of exactly 7.5 lakh', () => {
    const { row, logit } = draw(
      [
        0.1, // region: North
        0.5, // area: Semi-Urban
        0.1, // occupation: Salaried
        0.5, // years: floor((28 − 18) × 0.5^1.3) = 4
        0.5, // not distressed
        0.01, // a credit history: at 28 the young borrowers' 3.7 % no longer applies
        0.9, // delinquencies, Poisson(0.25): 0.9 above e^−0.25 …
        0.5, // … 0.45 below: one
        0.1, // existing loans: none
        0.5, // balance not zero
        0.8, // purpose: Education (the salaried mix: 0.78 to 0.86)
        0.1, // tenure: Education's first choice, 60 months
        0.5, // not secured: loans up to 7.5 lakh are in 10 % of cases
        0.5, // sanction rule checked, not binding
        0.5,
        0.5,
        0.5
      ],
      [
        -1, // age: 37 − 9 = 28
        8, // income noise: above the ₹2 crore ceiling
        0, // creditworthiness
        0, // score noise
        3, // balance noise: above the ₹5 crore ceiling
        Math.log(1.5) / 0.7, // amount noise: 5 lakh × 1.5
        0, // rate noise
        0, // existing repayments' noise
        0, // DTI noise
        0 // logit noise
      ]
    )
    const income = 20_000_000
    const score = Math.round(715 + 6 * Math.log(income / 500_000) + 0.8 * 4 - 12 * 1)
    expect(score).toBe(728)
    const rate = Math.round((9.8 + (0.9 * (800 - 728)) / 100 + 0.5) * 100) / 100
    const dti = Math.round(((750_000 * annuityPerRupee(rate, 60)) / income) * 1000) / 1000
    expect(row).toMatchObject({
      Age: 28,
      Area_Type: 'Semi-Urban',
      Annual_Income: income,
      Account_Balance: 50_000_000,
      Credit_Score: 728,
      Past_Delinquencies: 1,
      Loan_Purpose: 'Education',
      Loan_Amount: 750_000,
      Loan_Term_Months: 60,
      Interest_Rate: rate,
      Collateral: 'No',
      Debt_to_Income: dti
    })
    const expectedLogit =
      -0.005 * (728 - 700) +
      1.2 * dti +
      0.35 +
      0.08 * Math.log1p(750_000 / (50_000_000 + 5000)) +
      0.001 * (28 - 42) ** 2 +
      0.2 + // education
      0.25 - // unsecured
      0.015 * 4
    expect(logit).toBeCloseTo(expectedLogit, 12)
  })

  it('a distressed self-employed farmer-borrower: score at the 300 floor, ten delinquencies, rate and DTI at their ceilings', () => {
    const { row, logit } = draw(
      [
        0.2, // region: North
        0.8, // area: Rural
        0.3, // occupation in a rural branch: Self-Employed (0.18 to 0.38)
        0.5, // years: floor((41 − 18) × 0.5^1.3) = 9
        0.01, // distressed
        0.5, // a credit history
        ...Array<number>(11).fill(0.5), // delinquencies, Poisson(0.25 e^(0.9 × 4.8) ≈ 18.8): capped at ten
        ...Array<number>(7).fill(0.99), // existing loans: capped at six
        0.5, // balance not zero
        0.99, // purpose: Agriculture (the self-employed mix's last 2 %)
        0.9, // tenure: Agriculture's last choice, 60 months
        0.5, // secured: loans above 1.6 lakh are in 85 % of cases
        0.9, // the sanction rule waived
        0.5,
        0.5,
        0.5
      ],
      [
        0, // age: 41
        0, // income noise
        -3, // creditworthiness …
        -1.5, // … less 1.2 × 1.5 for distress: −4.8
        -2, // score noise
        0, // balance noise
        0, // amount noise
        0, // rate noise
        3, // existing repayments' noise
        5, // DTI noise
        0 // logit noise
      ]
    )
    const income = Math.round(450_000 * 0.75 * Math.exp(0.03 * (41 - 35)))
    expect(
      715 + 65 * (0.85 * -4.8 + 0.35 * -2) + 6 * Math.log(income / 500_000) + 0.8 * 9 - 12 * 10
    ).toBeLessThan(300)
    const balance = Math.round(income * 0.12 * (1 + 9 / 15) * Math.exp(0.25 * -4.8))
    const amount = Math.round((income * 0.7) / 1000) * 1000
    expect(amount).toBeGreaterThan(160_000)
    // 8.5 + 0.9 × 5 + 1.5 × 3.5 = 17.25, capped at Agriculture's 12 %.
    expect(row).toMatchObject({
      Employment_Status: 'Self-Employed',
      Annual_Income: income,
      Account_Balance: balance,
      Credit_Score: 300,
      Existing_Loans: 6,
      Past_Delinquencies: 10,
      Loan_Purpose: 'Agriculture',
      Loan_Amount: amount,
      Loan_Term_Months: 60,
      Interest_Rate: 12,
      Collateral: 'Yes',
      Debt_to_Income: 3
    })
    const expectedLogit =
      -0.005 * (300 - 700) +
      0.01 * (600 - 300) +
      0.005 * (650 - 300) +
      1.2 * 1.5 +
      2.5 * (1.5 - 0.45) +
      0.35 * 4 +
      0.1 * (10 - 4) +
      0.25 + // self-employed
      0.08 * Math.log1p(amount / (balance + 5000)) +
      0.001 * (41 - 42) ** 2 +
      0.25 + // agricultural loan
      0.12 * 6 -
      0.015 * 9 -
      0.35 * -4.8
    expect(logit).toBeCloseTo(expectedLogit, 12)
  })

  it('an unemployed borrower of 70 on the income floor: a home loan at the 3 lakh minimum, which the sanction rule cannot cut below', () => {
    const { row, logit } = draw(
      [
        0.3, // region: South
        0.1, // area: Urban
        0.97, // occupation in an urban branch: Unemployed (from 0.94)
        0.5, // years: floor((70 − 18) × 0.5^1.3) = 21
        0.5, // not distressed
        0.5, // a credit history
        0.5, // delinquencies: none
        0.5, // existing loans, Poisson(0.35 × 0.12^0.2 = 0.229): none
        0.5, // balance not zero
        0.01, // purpose: Home (an unemployed borrower's first 2 %)
        0.5, // tenure: 240 months, cut to (75 − 70) × 12 = 60
        0.5, // secured
        0.5, // the sanction rule binds, but not below the product's minimum
        0.5,
        0.5,
        0.5
      ],
      [3.8, -5, 0, 0, 0, 0, 0, 0, 0, 0] // age 32 + 38 = 70; income below the floor; the rest 0
    )
    const score = Math.round(715 + 6 * Math.log(60_000 / 500_000) + 0.8 * 20)
    expect(score).toBe(718)
    const rate = Math.round((8.5 + (0.9 * (800 - 718)) / 100) * 100) / 100
    const perRupee = annuityPerRupee(rate, 60)
    expect(300_000 * perRupee).toBeGreaterThan(0.6 * 60_000)
    const dti = Math.round(((300_000 * perRupee) / 60_000) * 1000) / 1000
    const balance = Math.round(60_000 * 0.12 * (1 + 21 / 15))
    expect(row).toMatchObject({
      Age: 70,
      Annual_Income: 60_000,
      Account_Balance: balance,
      Credit_Score: 718,
      Years_With_Bank: 21,
      Loan_Purpose: 'Home',
      Loan_Amount: 300_000,
      Loan_Term_Months: 60,
      Interest_Rate: rate,
      Debt_to_Income: dti
    })
    const expectedLogit =
      -0.005 * (718 - 700) +
      1.2 * dti +
      2.5 * (dti - 0.45) +
      1.1 +
      0.3 * Math.log1p(300_000 / (balance + 5000)) +
      0.001 * (70 - 42) ** 2 +
      -0.3 -
      0.015 * 21 +
      -0.05
    expect(logit).toBeCloseTo(expectedLogit, 12)
  })

  it('numbers customers from 1 with seven digits or more', () => {
    const script = (): [number[], number[]] => [
      [0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.1, 0.5, 0.1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    ]
    expect(draw(...script(), [], 0).row.Customer_ID).toBe('CUST0000001')
    expect(draw(...script(), [], 9_999_999).row.Customer_ID).toBe('CUST10000000')
  })

  it('never picks a category of zero weight, even for a uniform draw just below 1', () => {
    // A retiree's purpose mix ends with Agriculture at weight 0: the last choice is Gold.
    const retiree = (purposeDraw: number): Drawn =>
      draw(
        [0.97, 0.8, 0.92, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, purposeDraw, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
        [0, 0, 0, 0, 0, 0, 0, 0, 0], // no age normal: a retiree's age is 58 + an integer draw
        [0]
      )
    expect(retiree(0.9).row.Loan_Purpose).toBe('Gold')
    expect(retiree(1 - 2 ** -32).row.Loan_Purpose).toBe('Gold')
    expect(retiree(0.51).row.Loan_Purpose).toBe('Education') // 0.50 to 0.52
  })
})

/** A copy of `draws` with the draws at the given positions replaced. */
function replaced(draws: readonly number[], changes: Record<number, number>): number[] {
  const copy = [...draws]
  for (const [position, value] of Object.entries(changes)) copy[Number(position)] = value
  return copy
}

describe('drawRow: a share is a strict bound, a range includes its lower end', () => {
  it('treats a uniform draw equal to a share as outside it', () => {
    const home = draw(SALARIED_HOME.uniforms, SALARIED_HOME.normals).row
    // 0.2 % of urban 37-year-olds have no history: a draw of 0.002 is not among them.
    expect(draw(replaced(SALARIED_HOME.uniforms, { 5: 0.002 }), SALARIED_HOME.normals).row).toEqual(home)
    // 99 % of home loans are secured: a draw of 0.99 is the unsecured 1 %, which pays 0.5 more.
    const unsecured = draw(replaced(SALARIED_HOME.uniforms, { 12: 0.99 }), SALARIED_HOME.normals).row
    expect(unsecured).toMatchObject({ Collateral: 'No', Interest_Rate: 9.6 })
    // The sanction rule is enforced on 85 %: a draw of 0.85 waives it, and the student gets the 7.61 lakh asked.
    expect(draw(replaced(STUDENT.uniforms, { 11: 0.85 }), STUDENT.normals).row.Loan_Amount).toBe(761_000)
    // 90 % of education loans above 7.5 lakh are secured.
    expect(draw(replaced(STUDENT.uniforms, { 10: 0.9 }), STUDENT.normals).row.Collateral).toBe('No')
    // 20 % of agricultural loans up to 1.6 lakh are secured.
    expect(draw(replaced(FARMER.uniforms, { 12: 0.2 }), FARMER.normals).row.Collateral).toBe('No')
    expect(draw(replaced(FARMER.uniforms, { 12: 0.19 }), FARMER.normals).row.Collateral).toBe('Yes')
  })

  it('counts an agricultural loan of exactly 1.6 lakh as small', () => {
    const { row } = draw(
      replaced(FARMER.uniforms, { 13: 0.9 }), // the sanction rule waived, so the amount stays as asked
      replaced(FARMER.normals, { 5: Math.log(160_000 / 42_000) / 0.6 })
    )
    expect(row).toMatchObject({ Loan_Amount: 160_000, Collateral: 'No' })
  })

  it('puts a draw equal to a cumulative weight into the next category', () => {
    // Area mix 0.38 Urban, 0.32 Semi-Urban, 0.30 Rural: [0, 0.38) is Urban.
    expect(draw(replaced(SALARIED_HOME.uniforms, { 1: 0.38 }), SALARIED_HOME.normals).row.Area_Type).toBe(
      'Semi-Urban'
    )
  })

  it('accepts an age at either end of its range and draws again outside it', () => {
    // Salaried: 37 + 9 × 3 = 64 is past retirement at 60, drawn again; 37 − 16 = 21 is kept.
    const young = draw(
      SALARIED_HOME.uniforms,
      replaced(SALARIED_HOME.normals, { 0: 3 }).toSpliced(1, 0, -16 / 9)
    )
    expect(young.row).toMatchObject({ Age: 21, Years_With_Bank: 1 })
    const sixty = draw(SALARIED_HOME.uniforms, replaced(SALARIED_HOME.normals, { 0: 23 / 9 }))
    expect(sixty.row.Age).toBe(60)
  })

  it('stops the Poisson count when the running product reaches e^−λ', () => {
    // Creditworthiness 0: λ = 0.25 delinquencies; a first draw of exactly e^−0.25 means none.
    const uniforms = [...SALARIED_HOME.uniforms]
    uniforms.splice(6, 2, Math.exp(-0.25))
    const { row } = draw(uniforms, replaced(SALARIED_HOME.normals, { 2: 0 }))
    expect(row.Past_Delinquencies).toBe(0)
  })

  it('weighs loan-to-balance as for earners above 3 lakh at an income of exactly 3 lakh', () => {
    const { row, logit } = draw(
      SALARIED_HOME.uniforms,
      replaced(SALARIED_HOME.normals, { 1: 2 * Math.log(300_000 / (600_000 * 1.3 * Math.exp(0.06))) })
    )
    const score = Math.round(715 + 65 * (0.85 * 0.5 + 0.35 * 0.2) + 6 * Math.log(0.6) + 0.8 * 7 - 12)
    const balance = Math.round(300_000 * 0.12 * (1 + 7 / 15) * Math.exp(0.25 * 0.5 + 1.1 * 0.1))
    const rate = Math.round((8.5 + (0.9 * (800 - score)) / 100 + 0.25 * 0.4) * 100) / 100
    const dti = Math.round(((960_000 * annuityPerRupee(rate, 240)) / 300_000) * 1000) / 1000
    expect(dti).toBeLessThan(0.45)
    expect(row).toMatchObject({
      Annual_Income: 300_000,
      Credit_Score: score,
      Account_Balance: balance,
      Loan_Amount: 960_000,
      Interest_Rate: rate,
      Debt_to_Income: dti
    })
    const expectedLogit =
      -0.005 * (score - 700) +
      1.2 * dti +
      0.35 +
      0.08 * Math.log1p(960_000 / (balance + 5000)) +
      0.001 * (37 - 42) ** 2 -
      0.3 -
      0.015 * 7 -
      0.35 * 0.5
    expect(logit).toBeCloseTo(expectedLogit, 12)
  })
})
