import { afterEach, describe, expect, it } from 'vitest'
import { TrainInput } from '../../../../src/shared/api'
import { messages } from '../../../../src/shared/i18n'
import { lookup } from '../../../../src/shared/i18n/translate'
import {
  DEFAULT_TRAIN_PARAMS,
  ENGINE_CHOICES,
  engineParamKeys
} from '../../../../src/shared/params/trainParams'
import {
  defaultEngineSettings,
  engineChoices,
  engineSettingsInput,
  niceStep,
  numberLimits,
  settingFields
} from '../../../../src/renderer/src/features/train/engineSettings'
import { trainInput } from '../../../../src/renderer/src/features/train/trainForm'
import { defaultTrainForm } from '../../../../src/renderer/src/features/train/trainParameters'
import { setLang } from '../../../../src/renderer/src/i18n'

afterEach(() => setLang('en'))

describe('the engine chooser', () => {
  it('offers every engine of the shared list, then auto, each with a one-line hint', () => {
    const choices = engineChoices()
    expect(choices.map((c) => c.id)).toEqual([...ENGINE_CHOICES])
    expect(choices.at(-1)).toMatchObject({ id: 'auto', name: 'Auto (champion/challenger)' })
    for (const c of choices) expect(c.hint, c.id).toMatch(/^\S.{20,120}$/)
  })

  it('names every engine in Hindi too', () => {
    setLang('hi')
    for (const c of engineChoices())
      if (c.id !== 'ml-random-forest') expect(c.name, c.id).toMatch(/[\u0900-\u097f]/)
  })
})

describe('the settings of each engine', () => {
  // The flags `ptm train --help` lists for each engine (README, docs/scorecard.md).
  it('shows the settings each engine reads, by their CLI flags', () => {
    const flags = (choice: (typeof ENGINE_CHOICES)[number]) =>
      settingFields(choice).map((f) => f.id.replace(/^train-/, ''))
    expect(flags('forest')).toEqual(['trees', 'depth', 'min-leaf', 'max-features'])
    expect(flags('ml-random-forest')).toEqual(['trees', 'depth', 'min-leaf', 'max-features'])
    expect(flags('scorecard')).toEqual([
      'pdo',
      'base-points',
      'base-odds',
      'min-bin-share',
      'max-bins',
      'min-iv',
      'bin-trend',
      'l2'
    ])
    expect(flags('auto')).toEqual(['budget-s'])
  })

  it('has words in both languages for every setting an engine reads', () => {
    for (const choice of ENGINE_CHOICES)
      for (const key of engineParamKeys(choice))
        for (const lang of ['en', 'hi'] as const)
          for (const part of ['label', 'hint'])
            expect(
              lookup(messages[lang], `train.settings.${key}.${part}`),
              `${lang} ${key}.${part}`
            ).toBeTruthy()
  })

  it('draws each setting with the control its schema calls for', () => {
    const byKey = Object.fromEntries(settingFields('scorecard').map((f) => [f.key, f.control]))
    expect(byKey.binTrend).toEqual({
      kind: 'choice',
      options: [
        { value: 'monotone', label: 'Rising or falling' },
        { value: 'shaped', label: 'Also one peak or valley' }
      ]
    })
    // A share of 0.01–0.5 is typed as 1–50 %.
    expect(byKey.minBinShare).toEqual({
      kind: 'number',
      percent: true,
      limits: { min: 1, max: 50, step: 1, precision: 1 }
    })
    // PDO must be above 0 (z.gt): the form starts one step above; 20 steps by 1.
    expect(byKey.pdo).toMatchObject({ kind: 'number', limits: { min: 1, max: 1000, step: 1 } })
    const forest = Object.fromEntries(settingFields('forest').map((f) => [f.key, f.control]))
    expect(forest.maxFeatures).toMatchObject({
      kind: 'ruleOrNumber',
      options: [{ value: 'sqrt' }, { value: 'log2' }, { value: 'all' }],
      limits: { min: 1, max: 10_000 }
    })
    expect(forest.trees).toMatchObject({ limits: { min: 1, max: 5000, step: 10, precision: 0 } })
  })

  it('opens every setting on the schema’s default, within the form’s bounds, and main accepts those bounds', () => {
    const settings = defaultEngineSettings()
    expect(settings).toMatchObject({ trees: 200, pdo: 20, basePoints: 600, baseOdds: 50, minBinShare: 5 })
    for (const choice of ENGINE_CHOICES) {
      for (const field of settingFields(choice)) {
        if (field.control.kind !== 'number') continue
        const { min, max } = field.control.limits
        const value = settings[field.key] as number
        expect(value, field.key).toBeGreaterThanOrEqual(min)
        expect(value, field.key).toBeLessThanOrEqual(max)
        // An unbounded setting (the base score) takes any finite number.
        for (const edge of [min, max].filter(Number.isFinite)) {
          const input = {
            datasetId: 1,
            engine: choice,
            ...engineSettingsInput(choice, { [field.key]: edge })
          }
          expect(TrainInput.safeParse(input).success, `${field.key} = ${edge}`).toBe(true)
        }
      }
    }
  })
})

describe('what the form sends', () => {
  it('sends only the chosen engine’s settings, shares as main takes them', () => {
    const form = defaultTrainForm()
    form.engine = 'scorecard'
    form.settings.minBinShare = 7.5
    form.settings.pdo = 40
    const input = trainInput(form, 2)
    expect(input).toMatchObject({ engine: 'scorecard', minBinShare: 0.075, pdo: 40, basePoints: 600 })
    expect(input).not.toHaveProperty('trees')
    expect(input).not.toHaveProperty('budgetSeconds')
    const parsed = TrainInput.parse(input)
    // Left out means main's defaults: the trees setting a scorecard never reads.
    expect(parsed.trees).toBe(DEFAULT_TRAIN_PARAMS.trees)
  })

  it('sends the budget for auto and no name (auto names each model it keeps)', () => {
    const form = defaultTrainForm()
    form.engine = 'auto'
    form.settings.budgetSeconds = 30
    form.name = 'My model'
    const input = trainInput(form, 2)
    expect(input).toMatchObject({ engine: 'auto', budgetSeconds: 30 })
    expect(input).not.toHaveProperty('name')
    expect(input).not.toHaveProperty('pdo')
    expect(TrainInput.safeParse(input).success).toBe(true)
  })

  it('keeps a rule or a number of features per split', () => {
    const form = defaultTrainForm()
    expect(trainInput(form, 1).maxFeatures).toBe('sqrt')
    form.settings.maxFeatures = 6
    expect(trainInput(form, 1).maxFeatures).toBe(6)
  })
})

describe('number steps', () => {
  it('steps by about a tenth of the default’s order of magnitude', () => {
    expect(niceStep(200, true)).toBe(10)
    expect(niceStep(15, true)).toBe(1)
    expect(niceStep(1, true)).toBe(1)
    expect(niceStep(600, false)).toBe(10)
    expect(niceStep(1, false)).toBeCloseTo(0.1, 12)
    expect(niceStep(0.02, false)).toBeCloseTo(0.001, 12)
    expect(niceStep(0, false)).toBe(0.1)
  })

  it('starts a share above zero at one per cent when the schema excludes zero', () => {
    expect(numberLimits({ min: 0, max: 1, integer: false, exclusiveMin: true }, 0.8, true)).toEqual({
      min: 1,
      max: 100,
      step: 1,
      precision: 1
    })
  })
})
