/**
 * Synthetic retail loan book of an Indian public-sector bank branch network (the spec's
 * step 1, which used `make_classification`; here the columns depend on each other the way
 * a real book's do, and the default flag is a noisy non-linear function of them).
 *
 * Reproducibility: every row is drawn, in order, from one stream seeded by `seed`, and the
 * intercept that sets the default rate comes from a fixed-size pilot sample on a second
 * stream. So row i depends only on (seed, defaultRate, i): not on `rows`, not on the batch size.
 */

import { InputError } from '../base/errors'
import { deriveSeed, Rng } from '../base/random'
import type { ColumnKind } from './Table'

export interface GenerateOptions {
  rows: number
  seed: number
  /** Share of rows with Default = 1 to aim for; 0.10 when omitted. */
  defaultRate?: number
}

/** One cell of a generated row: numbers for numeric and target columns, text otherwise, null when missing. */
export type LoanCell = string | number | null

export interface LoanColumn {
  name: string
  kind: ColumnKind
  description: string
  /** Allowed values of a categorical column. */
  values?: readonly string[]
  /** Inclusive range of a numeric column. */
  min?: number
  max?: number
  /** Expected share of nulls (0 when the column is always filled). */
  missingRate: number
}

export const MAX_GENERATED_ROWS = 10_000_000
export const DEFAULT_DEFAULT_RATE = 0.1

const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'North-East'] as const
const AREA_TYPES = ['Urban', 'Semi-Urban', 'Rural'] as const
const EMPLOYMENT = ['Salaried', 'Self-Employed', 'Business', 'Agriculture', 'Retired', 'Unemployed'] as const
const PURPOSES = ['Home', 'Vehicle', 'Personal', 'Education', 'Business', 'Gold', 'Agriculture'] as const
const YES_NO = ['Yes', 'No'] as const

// Indices into the tables above, for the hot loop.
const AREA_RURAL = 2
const EMP_SALARIED = 0
const EMP_RETIRED = 4
const EMP_UNEMPLOYED = 5
const P_HOME = 0
const P_EDUCATION = 3
const P_GOLD = 5
const P_AGRICULTURE = 6

const MIN_INCOME = 60_000
const MAX_INCOME = 20_000_000
const MAX_BALANCE = 50_000_000
const MIN_SCORE = 300
const MAX_SCORE = 900
const MAX_DTI = 3
const MAX_FOIR = 0.6
const FOIR_ENFORCED = 0.85

/** Missing shares; Annual_Income and Credit_Score vary by segment around these means (see drawRow). */
const MISSING_EMPLOYMENT = 0.01
const MISSING_YEARS = 0.02
// Undocumented income is commoner among the self-employed and farmers; weighted mean ≈ 3 %.
const MISSING_INCOME_BY_EMP = [0.012, 0.045, 0.035, 0.05, 0.01, 0.03]
// "No credit history" (new to credit) is commoner among the young and in rural areas; mean ≈ 1.5 %.
const NO_HISTORY_YOUNG_OR_RURAL = 0.037
const NO_HISTORY_OTHER = 0.002

// Per purpose: loan amount bounds (₹), term bounds (months) and interest-rate bounds (%).
const LOAN_MIN = [300_000, 50_000, 25_000, 50_000, 50_000, 10_000, 25_000]
const LOAN_MAX = [15_000_000, 3_000_000, 2_500_000, 5_000_000, 20_000_000, 2_500_000, 2_500_000]
const RATE_MIN = [7.0, 7.5, 10.0, 8.0, 8.5, 7.5, 6.5]
const RATE_MAX = [12.5, 14.0, 18.0, 14.0, 16.0, 13.0, 12.0]
const TERM_MIN = 12
const TERM_MAX = 360

/** The generated columns, in row order, with the ranges the generator guarantees. */
export const LOAN_COLUMNS: readonly LoanColumn[] = [
  {
    name: 'Customer_ID',
    kind: 'identifier',
    description: 'CUST + row number (7 digits or more), unique',
    missingRate: 0
  },
  { name: 'Age', kind: 'numeric', description: 'years, integer', min: 21, max: 70, missingRate: 0 },
  { name: 'Region', kind: 'categorical', description: 'zone of the branch', values: REGIONS, missingRate: 0 },
  {
    name: 'Area_Type',
    kind: 'categorical',
    description: 'branch population group',
    values: AREA_TYPES,
    missingRate: 0
  },
  {
    name: 'Employment_Status',
    kind: 'categorical',
    description: 'borrower occupation',
    values: EMPLOYMENT,
    missingRate: MISSING_EMPLOYMENT
  },
  {
    name: 'Annual_Income',
    kind: 'numeric',
    description: '₹ per year, whole rupees, log-normal by occupation, area and age',
    min: MIN_INCOME,
    max: MAX_INCOME,
    missingRate: 0.03
  },
  {
    name: 'Account_Balance',
    kind: 'numeric',
    description: '₹ average balance, whole rupees, heavily skewed, 0 for dormant accounts',
    min: 0,
    max: MAX_BALANCE,
    missingRate: 0
  },
  {
    name: 'Credit_Score',
    kind: 'numeric',
    description: 'CIBIL-like, integer; null = no credit history',
    min: MIN_SCORE,
    max: MAX_SCORE,
    missingRate: 0.015
  },
  {
    name: 'Years_With_Bank',
    kind: 'numeric',
    description: 'whole years as a customer, at most age − 18',
    min: 0,
    max: 40,
    missingRate: MISSING_YEARS
  },
  {
    name: 'Existing_Loans',
    kind: 'numeric',
    description: 'other open loans',
    min: 0,
    max: 6,
    missingRate: 0
  },
  {
    name: 'Past_Delinquencies',
    kind: 'numeric',
    description: 'missed-payment episodes in the bureau record (0 without history)',
    min: 0,
    max: 10,
    missingRate: 0
  },
  { name: 'Loan_Purpose', kind: 'categorical', description: 'product', values: PURPOSES, missingRate: 0 },
  {
    name: 'Loan_Amount',
    kind: 'numeric',
    description: '₹ sanctioned, multiple of 1,000, scaled to income by purpose',
    min: Math.min(...LOAN_MIN),
    max: Math.max(...LOAN_MAX),
    missingRate: 0
  },
  {
    name: 'Loan_Term_Months',
    kind: 'numeric',
    description: 'tenure: Gold 12, Personal 12–60, Vehicle 36–84, Home 60–360 …',
    min: TERM_MIN,
    max: TERM_MAX,
    missingRate: 0
  },
  {
    name: 'Interest_Rate',
    kind: 'numeric',
    description: '% per year, 2 decimals, by purpose plus a premium that grows as the score falls',
    min: Math.min(...RATE_MIN),
    max: Math.max(...RATE_MAX),
    missingRate: 0
  },
  {
    name: 'Collateral',
    kind: 'categorical',
    description: 'secured loan (mostly Yes for Home, Vehicle, Gold)',
    values: YES_NO,
    missingRate: 0
  },
  {
    name: 'Debt_to_Income',
    kind: 'numeric',
    description: 'yearly EMIs of this and existing loans ÷ income, 3 decimals',
    min: 0,
    max: MAX_DTI,
    missingRate: 0
  },
  {
    name: 'Default',
    kind: 'target',
    description: '1 = defaulted',
    values: ['0', '1'],
    min: 0,
    max: 1,
    missingRate: 0
  }
]

// Stream indices for deriveSeed: rows and the intercept pilot never share random numbers.
const ROW_STREAM = 0
const PILOT_STREAM = 1
/** Pilot rows used to solve for the intercept; fixed so that the intercept does not depend on `rows`. */
const PILOT_ROWS = 40_000

/**
 * Yields the synthetic loan book in batches of at most `batchSize` rows, one cell per
 * LOAN_COLUMNS entry. Options are validated before the first batch is asked for.
 */
export function generateLoanBatches(
  options: GenerateOptions,
  batchSize = 10_000
): Generator<LoanCell[][], void, undefined> {
  const defaultRate = validateOptions(options, batchSize)
  return _generateLoanBatches(options.rows, options.seed, defaultRate, batchSize)
}

function validateOptions(options: GenerateOptions, batchSize: number): number {
  const { rows, seed } = options
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_GENERATED_ROWS) {
    throw new InputError(
      `Option "rows" must be a whole number from 1 to ${MAX_GENERATED_ROWS.toLocaleString('en-IN')}; got ${String(rows)}.`,
      { option: 'rows', value: rows }
    )
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new InputError(`Option "seed" must be a whole number from 0 to 4294967295; got ${String(seed)}.`, {
      option: 'seed',
      value: seed
    })
  }
  const defaultRate = options.defaultRate ?? DEFAULT_DEFAULT_RATE
  if (typeof defaultRate !== 'number' || !(defaultRate > 0 && defaultRate < 1)) {
    throw new InputError(
      `Option "defaultRate" must be a number strictly between 0 and 1 (e.g. 0.1 for 10 %); got ${String(defaultRate)}.`,
      { option: 'defaultRate', value: defaultRate }
    )
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InputError(
      `Option "batchSize" must be a whole number of at least 1; got ${String(batchSize)}.`,
      {
        option: 'batchSize',
        value: batchSize
      }
    )
  }
  return defaultRate
}

function* _generateLoanBatches(
  rows: number,
  seed: number,
  defaultRate: number,
  batchSize: number
): Generator<LoanCell[][], void, undefined> {
  const intercept = calibrateIntercept(seed, defaultRate)
  const rng = new Rng(deriveSeed(seed, ROW_STREAM))
  const logit = new Float64Array(1)
  const defaultIndex = LOAN_COLUMNS.length - 1
  for (let start = 0; start < rows; start += batchSize) {
    const end = Math.min(rows, start + batchSize)
    // Stryker disable next-line ArrayDeclaration: every slot is assigned below, so the initial length changes nothing
    const batch: LoanCell[][] = new Array(end - start)
    for (let i = start; i < end; i++) {
      const row = drawRow(rng, i, logit)
      // Stryker disable next-line EqualityOperator: a uniform exactly equal to the probability has probability 0
      row[defaultIndex] = rng.next() < 1 / (1 + Math.exp(-(intercept + logit[0]))) ? 1 : 0
      batch[i - start] = row
    }
    yield batch
  }
}

/**
 * The intercept b with mean(sigmoid(b + logit)) = defaultRate over a fixed pilot sample
 * (bisection: the mean is increasing in b). Depends only on (seed, defaultRate).
 */
function calibrateIntercept(seed: number, defaultRate: number): number {
  const rng = new Rng(deriveSeed(seed, PILOT_STREAM))
  const logits = new Float64Array(PILOT_ROWS)
  const logit = new Float64Array(1)
  // Stryker disable next-line EqualityOperator: one more pilot row falls outside the typed array and the sums below
  for (let i = 0; i < PILOT_ROWS; i++) {
    drawRow(rng, i, logit)
    logits[i] = logit[0]
  }
  let lo = -40
  let hi = 40
  // Stryker disable next-line EqualityOperator: a 61st halving moves the intercept by 80 / 2^61, below a double's precision at its size
  for (let iter = 0; iter < 60; iter++) {
    const mid = (lo + hi) / 2
    let sum = 0
    for (let i = 0; i < PILOT_ROWS; i++) sum += 1 / (1 + Math.exp(-(mid + logits[i])))
    // Stryker disable next-line EqualityOperator: a mean exactly equal to the rate is the root, which either branch then closes in on
    if (sum / PILOT_ROWS < defaultRate) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

// ---- categorical mixes (weights need not sum to 1) ----

const REGION_CUM = cumulative([0.22, 0.26, 0.17, 0.2, 0.1, 0.05])
const AREA_CUM = cumulative([0.38, 0.32, 0.3])
// Occupation by area: farming dominates rural branches, salaried borrowers urban ones.
const EMPLOYMENT_CUM_BY_AREA = [
  cumulative([0.5, 0.18, 0.16, 0.02, 0.08, 0.06]),
  cumulative([0.36, 0.22, 0.15, 0.14, 0.07, 0.06]),
  cumulative([0.18, 0.2, 0.1, 0.42, 0.05, 0.05])
]
// Purpose by occupation (Home, Vehicle, Personal, Education, Business, Gold, Agriculture).
const PURPOSE_CUM_BY_EMP = [
  cumulative([0.3, 0.18, 0.3, 0.08, 0.02, 0.12, 0]),
  cumulative([0.2, 0.15, 0.18, 0.06, 0.25, 0.14, 0.02]),
  cumulative([0.18, 0.14, 0.08, 0.05, 0.45, 0.1, 0]),
  cumulative([0.06, 0.06, 0.04, 0.04, 0.04, 0.3, 0.46]),
  cumulative([0.12, 0.08, 0.3, 0.02, 0, 0.48, 0]),
  cumulative([0.02, 0.03, 0.2, 0.25, 0, 0.5, 0])
]
// Tenure choices (months) and their weights, per purpose.
const TERMS = [
  [120, 180, 240, 300, 360],
  [36, 48, 60, 72, 84],
  [12, 24, 36, 48, 60],
  [60, 84, 120, 180],
  [12, 36, 60, 84, 120],
  [12],
  [12, 24, 36, 60]
]
const TERM_CUM = [
  cumulative([0.1, 0.25, 0.3, 0.2, 0.15]),
  cumulative([0.15, 0.2, 0.35, 0.2, 0.1]),
  cumulative([0.1, 0.2, 0.3, 0.2, 0.2]),
  cumulative([0.3, 0.3, 0.3, 0.1]),
  cumulative([0.25, 0.2, 0.3, 0.15, 0.1]),
  cumulative([1]),
  cumulative([0.5, 0.15, 0.15, 0.2])
]

// ---- numeric parameters per occupation / area / purpose ----

const INCOME_MEDIAN_BY_EMP = [600_000, 450_000, 700_000, 240_000, 360_000, 150_000]
const INCOME_SIGMA_BY_EMP = [0.5, 0.65, 0.75, 0.55, 0.45, 0.5]
const INCOME_FACTOR_BY_AREA = [1.3, 1, 0.75]
const EXISTING_LOANS_BY_EMP = [0.75, 0.85, 1.05, 0.7, 0.4, 0.35]
const ZERO_BALANCE_BY_EMP = [0.02, 0.03, 0.02, 0.06, 0.02, 0.12]
// Loan amount = income × multiple × log-normal noise; Education has a fixed median (fees ignore income).
const LOAN_MULTIPLE = [3.2, 0.9, 0.6, 0, 1.2, 0.25, 0.7]
const LOAN_SIGMA = [0.45, 0.7, 0.6, 0.7, 0.8, 0.7, 0.6]
const EDUCATION_MEDIAN = 500_000
const BASE_RATE = [8.5, 9.0, 11.5, 9.8, 10.2, 8.9, 7.5]
const COLLATERAL_YES = [0.99, 0.95, 0.05, 0.1, 0.6, 1, 0.2]

// ---- default logit weights ----

const DEFAULT_BY_EMP = [0, 0.25, 0.15, 0.35, 0.2, 1.1]
const DEFAULT_BY_PURPOSE = [-0.3, 0, 0.35, 0.2, 0.3, -0.5, 0.25]
const DEFAULT_BY_REGION = [0, -0.05, 0.1, -0.05, 0.05, 0.15]

/**
 * Draws row `index` from `rng` (all columns but Default, which is left null) and writes
 * its default logit without the intercept to `logitOut[0]`. Exported for its tests, which
 * feed it a scripted stream and work each column of the row out by hand.
 */
export function drawRow(rng: Rng, index: number, logitOut: Float64Array): LoanCell[] {
  const region = pick(REGION_CUM, rng.next())
  const area = pick(AREA_CUM, rng.next())
  const emp = pick(EMPLOYMENT_CUM_BY_AREA[area], rng.next())

  // Retirees are 58+, salaried borrowers retire at 60, the unemployed skew young.
  let age: number
  if (emp === EMP_RETIRED) age = 58 + rng.int(13)
  else if (emp === EMP_SALARIED) age = truncatedNormalInt(rng, 37, 9, 21, 60)
  else if (emp === EMP_UNEMPLOYED) age = truncatedNormalInt(rng, 32, 10, 21, 70)
  else age = truncatedNormalInt(rng, 41, 11, 21, 70)

  // Earnings rise until about 50 (pensions do not).
  const ageFactor = emp === EMP_RETIRED ? 1 : Math.exp(0.03 * (Math.min(age, 50) - 35))
  const income = clamp(
    Math.round(
      INCOME_MEDIAN_BY_EMP[emp] *
        INCOME_FACTOR_BY_AREA[area] *
        ageFactor *
        Math.exp(INCOME_SIGMA_BY_EMP[emp] * rng.normal())
    ),
    MIN_INCOME,
    MAX_INCOME
  )
  const years = Math.min(40, Math.floor((age - 18) * Math.pow(rng.next(), 1.3)))

  // Latent creditworthiness: mostly normal with a distressed minority, which fattens the low-score tail.
  let worth = rng.normal()
  if (rng.next() < 0.08) worth -= 1.2 * Math.abs(rng.normal())

  const noHistory =
    rng.next() < (age < 28 || area === AREA_RURAL ? NO_HISTORY_YOUNG_OR_RURAL : NO_HISTORY_OTHER)
  const delinquencies = noHistory ? 0 : poisson(rng, 0.25 * Math.exp(-0.9 * worth), 10)
  const score = noHistory
    ? // Stryker disable next-line UnaryOperator: a placeholder never read (every use asks noHistory first)
      -1
    : Math.round(
        clamp(
          715 +
            65 * (0.85 * worth + 0.35 * rng.normal()) +
            6 * Math.log(income / 500_000) +
            0.8 * Math.min(years, 20) -
            12 * delinquencies,
          MIN_SCORE,
          MAX_SCORE
        )
      )
  const existingLoans = poisson(rng, EXISTING_LOANS_BY_EMP[emp] * Math.pow(income / 500_000, 0.2), 6)

  const balance =
    rng.next() < ZERO_BALANCE_BY_EMP[emp]
      ? 0
      : clamp(
          Math.round(income * 0.12 * (1 + years / 15) * Math.exp(0.25 * worth + 1.1 * rng.normal())),
          0,
          MAX_BALANCE
        )

  const purpose = pick(PURPOSE_CUM_BY_EMP[emp], rng.next())
  const amountMedian = purpose === P_EDUCATION ? EDUCATION_MEDIAN : income * LOAN_MULTIPLE[purpose]
  const requested =
    Math.round(
      clamp(
        amountMedian * Math.exp(LOAN_SIGMA[purpose] * rng.normal()),
        LOAN_MIN[purpose],
        LOAN_MAX[purpose]
      ) / 1000
    ) * 1000
  let term = TERMS[purpose][pick(TERM_CUM[purpose], rng.next())]
  // Home loans must be repaid by about 75.
  if (purpose === P_HOME) term = Math.max(60, Math.min(term, Math.floor(75 - age) * 12))

  const secured =
    purpose === P_EDUCATION
      ? rng.next() < (requested > 750_000 ? 0.9 : 0.1)
      : purpose === P_AGRICULTURE
        ? rng.next() < (requested > 160_000 ? 0.85 : 0.2)
        : rng.next() < COLLATERAL_YES[purpose]

  // Risk-based pricing: a premium that steepens below 650; no history prices like 700 plus a
  // margin; unsecured loans pay 0.5 more (gold loans are always secured).
  const pricedScore = noHistory ? 700 : score
  const premium =
    (0.9 * Math.max(0, 800 - pricedScore)) / 100 +
    (1.5 * Math.max(0, 650 - pricedScore)) / 100 +
    (noHistory ? 0.5 : 0) +
    (secured ? 0 : 0.5)
  const rate =
    Math.round(
      clamp(BASE_RATE[purpose] + premium + 0.25 * rng.normal(), RATE_MIN[purpose], RATE_MAX[purpose]) * 100
    ) / 100

  // Yearly repayment per rupee lent: an annuity, except gold loans (interest monthly, principal at maturity).
  const monthlyRate = rate / 1200
  const yearlyPerRupee =
    purpose === P_GOLD ? rate / 100 : (12 * monthlyRate) / (1 - Math.pow(1 + monthlyRate, -term))
  // Sanction rule: repayments may take at most MAX_FOIR of income, waived for about one loan in seven.
  const amount =
    // Stryker disable next-line EqualityOperator: repayments exactly at 60 % of income give the same amount either way
    rng.next() < FOIR_ENFORCED && requested * yearlyPerRupee > MAX_FOIR * income
      ? Math.max(LOAN_MIN[purpose], Math.floor((MAX_FOIR * income) / yearlyPerRupee / 1000) * 1000)
      : requested
  const existingRepayments = existingLoans * income * 0.07 * Math.exp(0.5 * rng.normal())
  const dti =
    Math.round(
      clamp(
        ((amount * yearlyPerRupee + existingRepayments) / income) * Math.exp(0.1 * rng.normal()),
        0,
        MAX_DTI
      ) * 1000
    ) / 1000

  // Default logit: threshold effects in score and DTI, an age U-shape, loan-to-balance hurting
  // low earners most, and creditworthiness the score does not capture plus plain noise.
  const scoreTerm = noHistory
    ? 0.3
    : -0.005 * (score - 700) + 0.01 * Math.max(0, 600 - score) + 0.005 * Math.max(0, 650 - score)
  const dtiCapped = Math.min(dti, 1.5)
  const loanToBalance = amount / (balance + 5000)
  const logit =
    scoreTerm +
    1.2 * dtiCapped +
    2.5 * Math.max(0, dtiCapped - 0.45) +
    0.35 * Math.min(delinquencies, 4) +
    0.1 * Math.max(0, delinquencies - 4) +
    DEFAULT_BY_EMP[emp] +
    (income < 300_000 ? 0.3 : 0.08) * Math.log1p(loanToBalance) +
    0.001 * (age - 42) * (age - 42) +
    DEFAULT_BY_PURPOSE[purpose] +
    (secured ? 0 : 0.25) +
    0.12 * existingLoans -
    0.015 * Math.min(years, 25) +
    DEFAULT_BY_REGION[region] -
    0.35 * worth +
    0.6 * rng.normal()
  logitOut[0] = logit

  // A missing value only hides the drawn one: Default and Debt_to_Income still use it,
  // as the bank's own files would.
  const employmentMissing = rng.next() < MISSING_EMPLOYMENT
  const incomeMissing = rng.next() < MISSING_INCOME_BY_EMP[emp]
  const yearsMissing = rng.next() < MISSING_YEARS

  return [
    'CUST' + String(index + 1).padStart(7, '0'),
    age,
    REGIONS[region],
    AREA_TYPES[area],
    employmentMissing ? null : EMPLOYMENT[emp],
    incomeMissing ? null : income,
    balance,
    noHistory ? null : score,
    yearsMissing ? null : years,
    existingLoans,
    delinquencies,
    PURPOSES[purpose],
    amount,
    term,
    rate,
    secured ? 'Yes' : 'No',
    dti,
    null
  ]
}

function cumulative(weights: readonly number[]): Float64Array {
  const total = weights.reduce((a, b) => a + b, 0)
  const cum = new Float64Array(weights.length)
  let acc = 0
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] / total
    cum[i] = acc
  }
  // Guards against rounding: pick() must stop at the last entry of positive weight for any u < 1.
  for (let i = weights.length - 1; i >= 0; i--) {
    cum[i] = 1
    if (weights[i] > 0) break
  }
  return cum
}

/** Index k of the first cumulative weight above u (u in [0, 1)). */
function pick(cum: Float64Array, u: number): number {
  let k = 0
  while (u >= cum[k]) k++
  return k
}

function clamp(x: number, lo: number, hi: number): number {
  // Stryker disable next-line EqualityOperator: at a bound, returning the bound or x is the same
  return x < lo ? lo : x > hi ? hi : x
}

/** Rounded normal deviate redrawn until it falls in [lo, hi] (no pile-up at the bounds). */
function truncatedNormalInt(rng: Rng, mean: number, sd: number, lo: number, hi: number): number {
  for (;;) {
    const x = Math.round(mean + sd * rng.normal())
    if (x >= lo && x <= hi) return x
  }
}

/** Poisson deviate (Knuth; the rates here are small), capped at `max`. */
function poisson(rng: Rng, lambda: number, max: number): number {
  const limit = Math.exp(-lambda)
  let k = 0
  let p = rng.next()
  while (p > limit && k < max) {
    k++
    p *= rng.next()
  }
  return k
}
