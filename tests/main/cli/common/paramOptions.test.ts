import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { addParamOptions, readParams } from '../../../../src/main/cli/common/paramOptions'
import { GenerateParamsSchema, generateParamShape } from '../../../../src/shared/params/generateParams'
import { TrainParamsSchema, trainParamShape } from '../../../../src/shared/params/trainParams'

/** Parses `args` as `ptm train` would (errors thrown, not printed) and reads the training settings. */
function train(...args: string[]) {
  const command = addParamOptions(new Command('train'), trainParamShape)
  command.exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined })
  command.parse(args, { from: 'user' })
  return readParams(TrainParamsSchema, command.opts())
}

/** The message commander gives for `args`, or null when they parse. */
function refusal(...args: string[]): string | null {
  try {
    train(...args)
    return null
  } catch (error) {
    return (error as Error).message
  }
}

/** The auto search's, the scorecard's and boosting's settings, untouched by the forest flags below (the README's defaults). */
const OTHER_ENGINES_DEFAULTS = {
  budgetSeconds: 180,
  pdo: 20,
  basePoints: 600,
  baseOdds: 50,
  minBinShare: 0.05,
  maxBins: 8,
  minIv: 0.02,
  binTrend: 'monotone',
  l2: 1,
  rounds: 500,
  learningRate: 0.05,
  gbmDepth: 3,
  leaves: 8,
  subsample: 0.8,
  colsample: 0.8,
  minChildWeight: 1,
  earlyStopping: 50,
  validationShare: 0.15
}

describe('training options derived from the parameter schema', () => {
  it('defaults to the README’s train line: 200 trees, depth 15, leaf 1, sqrt, no SMOTE (k 5 when on), 20 % test, seed 42', () => {
    expect(train()).toEqual({
      engine: 'forest',
      trees: 200,
      maxDepth: 15,
      minSamplesLeaf: 1,
      maxFeatures: 'sqrt',
      smote: false,
      smoteK: 5,
      testSize: 0.2,
      seed: 42,
      calibration: 'isotonic',
      highRiskCut: 600,
      map: {},
      threads: 2,
      ...OTHER_ENGINES_DEFAULTS
    })
  })

  it('reads every flag, numbers as people type them', () => {
    expect(
      train(
        '--trees',
        '1_000',
        '--depth',
        ' 8 ',
        '--min-leaf',
        '3',
        '--max-features',
        'log2',
        '--smote',
        '--smote-k',
        '7',
        '--test-size',
        '0.25',
        '--seed',
        '4294967295',
        '--engine',
        'ml-random-forest',
        '--calibration',
        'platt',
        '--high-risk-cut',
        '-12.5',
        '--threads',
        '4'
      )
    ).toEqual({
      engine: 'ml-random-forest',
      trees: 1000,
      maxDepth: 8,
      minSamplesLeaf: 3,
      maxFeatures: 'log2',
      smote: true,
      smoteK: 7,
      testSize: 0.25,
      seed: 4294967295,
      calibration: 'platt',
      highRiskCut: -12.5,
      map: {},
      threads: 4,
      ...OTHER_ENGINES_DEFAULTS
    })
    expect(train('--max-features', '7').maxFeatures).toBe(7)
    expect(train('--max-features', ' all ').maxFeatures).toBe('all')
  })

  it.each([
    [
      ['--trees', '0'],
      "option '--trees <n>' argument '0' is invalid. expected a whole number from 1 to 5000"
    ],
    [['--trees', '5001'], 'expected a whole number from 1 to 5000'],
    [['--trees', '2.5'], 'expected a whole number from 1 to 5000'],
    [['--trees', 'many'], 'expected a whole number from 1 to 5000'],
    [['--trees', ''], 'expected a whole number from 1 to 5000'],
    [
      ['--test-size', '0.95'],
      "option '--test-size <share>' argument '0.95' is invalid. expected a number from 0 to 0.9"
    ],
    [['--seed', '-1'], 'expected a whole number from 0 to 4294967295'],
    [['--max-features', 'half'], 'expected sqrt, log2, all or a whole number from 1 to 10000'],
    [['--max-features', '0'], 'expected sqrt, log2, all or a whole number from 1 to 10000'],
    [
      ['--engine', 'xgboost'],
      "argument 'xgboost' is invalid. Allowed choices are forest, ml-random-forest, scorecard, gbm, blend, auto."
    ],
    [['--calibration', 'beta'], 'Allowed choices are isotonic, platt, none.']
  ])('refuses %j: %s', (args, message) => {
    expect(refusal(...args)).toContain(message)
  })

  it('collects --map ROLE=column pairs and refuses unknown roles and malformed pairs', () => {
    expect(train('--map', 'Age=age_years', '--map', ' Credit_Score = cibil ').map).toEqual({
      Age: 'age_years',
      Credit_Score: 'cibil'
    })
    expect(refusal('--map', 'Salary=income')).toContain(
      '"Salary" is not one of Credit_Score, Loan_Amount, Account_Balance, Age'
    )
    expect(refusal('--map', 'Age')).toContain('expected NAME=VALUE, got "Age"')
    expect(refusal('--map', '=age')).toContain('expected NAME=VALUE, got "=age"')
    expect(refusal('--map', 'Age=')).not.toBeNull()
  })

  it('shows defaults in the help and offers both --smote and --no-smote', () => {
    const options = addParamOptions(new Command('train'), trainParamShape).options
    const help = (flag: string): string | undefined => options.find((o) => o.long === flag)?.description
    expect(help('--trees')).toBe('number of trees (default: 200)')
    expect(help('--test-size')).toBe(
      'share of rows held out for evaluation (0 = evaluate on out-of-sample training scores) (default: 0.2)'
    )
    expect(help('--no-smote')).toBe(
      'do not balance the training rows with SMOTE-NC (inside the training split, and inside each cross-fitting fold, only)'
    )
    expect(help('--smote')).toBe(
      'balance the training rows with SMOTE-NC (inside the training split, and inside each cross-fitting fold, only)'
    )
    expect(help('--map')).toBe(
      'use a column for an engineered feature role: Credit_Score, Loan_Amount, Account_Balance, Age (repeatable)'
    )
    expect(options.find((o) => o.long === '--engine')?.argChoices).toEqual([
      'forest',
      'ml-random-forest',
      'scorecard',
      'gbm',
      'blend',
      'auto'
    ])
    expect(options.find((o) => o.long === '--trees')?.flags).toBe('--trees <n>')
  })
})

describe('readParams', () => {
  it('names the flag of a value that reached it unchecked', () => {
    expect(() => readParams(TrainParamsSchema, { trees: 0 })).toThrow(
      '--trees: expected a whole number from 1 to 5000'
    )
    expect(() => readParams(TrainParamsSchema, { maxFeatures: 'half' })).toThrow(
      '--max-features: expected sqrt, log2, all or a whole number from 1 to 10000'
    )
    expect(() => readParams(TrainParamsSchema, { calibration: 'beta' })).toThrow(/^--calibration: /)
  })

  it('reads commander’s attribute names (--depth → depth, --min-leaf → minLeaf) into the schema’s keys', () => {
    expect(readParams(TrainParamsSchema, { depth: 3, minLeaf: 4, smote: false })).toMatchObject({
      maxDepth: 3,
      minSamplesLeaf: 4,
      smote: false
    })
  })

  it('fills the generate defaults and refuses a default rate of 0 or 1', () => {
    const command = addParamOptions(new Command('generate'), generateParamShape)
    command.exitOverride().configureOutput({ writeErr: () => undefined })
    command.parse([], { from: 'user' })
    expect(readParams(GenerateParamsSchema, command.opts())).toEqual({
      rows: 10_000,
      seed: 42,
      defaultRate: 0.1
    })
    for (const rate of ['0', '1'])
      expect(() =>
        addParamOptions(new Command('g'), generateParamShape)
          .exitOverride()
          .configureOutput({ writeErr: () => undefined })
          .parse(['--default-rate', rate], { from: 'user' })
      ).toThrow('expected a number from 0 to 1')
  })
})
