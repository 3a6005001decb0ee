import { afterEach, describe, expect, it } from 'vitest'
import type { Recommendation, StrategyConventions } from '../../../../src/shared/validation'
import { setLang } from '../../../../src/renderer/src/i18n'
import {
  applyImpactWords,
  conventionWords,
  formatLakhCrore,
  recommendationWords,
  strategyTiles,
  swapGroupWords
} from '../../../../src/renderer/src/features/strategy/strategyText'
import { point } from './fixtures'

afterEach(() => setLang('en'))

describe('rupees in lakh and crore', () => {
  it('writes amounts as a committee says them, with two decimals at most', () => {
    expect(formatLakhCrore(3_178_255.78)).toBe('₹31.78 lakh')
    expect(formatLakhCrore(15_482_138.6)).toBe('₹1.55 crore')
    expect(formatLakhCrore(120_000_000)).toBe('₹12 crore')
    expect(formatLakhCrore(84_000)).toBe('₹84 thousand')
    expect(formatLakhCrore(950)).toBe('₹950')
  })

  it('puts the minus before the rupee sign of a loss', () => {
    expect(formatLakhCrore(-540_988.8)).toBe('−₹5.41 lakh')
  })

  it('writes a missing amount as a dash', () => {
    expect(formatLakhCrore(null)).toBe('—')
    expect(formatLakhCrore(Number.NaN)).toBe('—')
  })

  it('says lakh and crore in Hindi too, with Latin digits', () => {
    setLang('hi')
    expect(formatLakhCrore(3_178_255.78)).toBe('₹31.78 लाख')
    expect(formatLakhCrore(15_482_138.6)).toBe('₹1.55 करोड़')
  })
})

describe('the tiles of a cut-off', () => {
  it('give each figure of the point beside the same figure at the current threshold', () => {
    const chosen = point(0.08, {
      approved: 343,
      approvalRate: 343 / 600,
      badRate: 14 / 343,
      expectedBadRate: 0.0559104,
      expectedLoss: 5_573_318.86,
      expectedProfit: 3_178_255.78
    })
    const now = point(0.256, {
      approved: 555,
      approvalRate: 0.925,
      badRate: 39 / 555,
      expectedBadRate: 0.0798915,
      expectedLoss: 15_482_138.6,
      expectedProfit: -540_988.8
    })
    expect(
      strategyTiles(chosen, now).map((tile) => [tile.key, tile.value, tile.label, tile.now, tile.tone])
    ).toEqual([
      ['approval', '57.2 %', 'Approved (343 loans)', '92.5 %', undefined],
      ['badRate', '4.08 %', 'Bad rate, observed', '7.03 %', undefined],
      ['expectedBadRate', '5.59 %', 'Bad rate, expected', '7.99 %', undefined],
      ['loss', '₹55.73 lakh', 'Expected loss', '₹1.55 crore', undefined],
      ['profit', '₹31.78 lakh', 'Expected profit', '−₹5.41 lakh', undefined]
    ])
    expect(strategyTiles(now, chosen).find((tile) => tile.key === 'profit')!.tone).toBe('bad')
  })

  it('show a dash for the observed bad rate when the loans have no outcomes', () => {
    const tiles = strategyTiles(point(0.1, { expectedBadRate: 0.05 }), point(0.2))
    expect(tiles.find((tile) => tile.key === 'badRate')!.value).toBe('—')
  })
})

describe('the recommendation in words', () => {
  const rec = (over: Partial<Recommendation>): Recommendation => ({
    target: { kind: 'max-profit' },
    cutoff: 0.08,
    point: point(0.08, {
      approvalRate: 0.572,
      expectedProfit: 3_178_256,
      expectedBadRate: 0.0559,
      badRate: 0.0408
    }),
    reason: '',
    ...over
  })

  it('names the cut-off and what it achieves for each target', () => {
    expect(recommendationWords(rec({}), true)).toBe(
      'Recommended: 8.0 %, the highest expected profit, ₹31.78 lakh, approving 57.2 %.'
    )
    expect(recommendationWords(rec({ target: { kind: 'approval', maxApprovalRate: 0.6 } }), true)).toBe(
      'Recommended: 8.0 %, the most approvals within 60.0 %: 57.2 %.'
    )
    expect(
      recommendationWords(rec({ target: { kind: 'bad-rate', maxBadRate: 0.06, basis: 'expected' } }), true)
    ).toBe(
      'Recommended: 8.0 %, the most approvals (57.2 %) with an expected bad rate of 5.59 %, within 6.00 %.'
    )
    expect(
      recommendationWords(rec({ target: { kind: 'bad-rate', maxBadRate: 0.05, basis: 'observed' } }), true)
    ).toBe(
      'Recommended: 8.0 %, the most approvals (57.2 %) with an observed bad rate of 4.08 %, within 5.00 %.'
    )
  })

  it('says when no cut-off is profitable, and the smallest loss', () => {
    const losing = rec({ point: point(0.02, { approvalRate: 0.1, expectedProfit: -25_000 }), cutoff: 0.02 })
    expect(recommendationWords(losing, true)).toBe(
      'No cut-off makes a profit at this margin. Recommended: 2.0 %, the smallest loss, ₹25 thousand, approving 10.0 %.'
    )
  })

  it('says why nothing is recommended', () => {
    const none = { cutoff: null, point: null }
    expect(
      recommendationWords(
        rec({ ...none, target: { kind: 'bad-rate', maxBadRate: 0.01, basis: 'observed' } }),
        false
      )
    ).toBe('These loans have no outcomes, so there is no observed bad rate: target the expected one.')
    expect(
      recommendationWords(
        rec({ ...none, target: { kind: 'bad-rate', maxBadRate: 0.01, basis: 'expected' } }),
        true
      )
    ).toBe('Even the strictest cut-off has a bad rate above 1.00 %: no cut-off is recommended.')
    expect(
      recommendationWords(rec({ ...none, target: { kind: 'approval', maxApprovalRate: 0.001 } }), true)
    ).toBe('No cut-off approves anybody while staying within 0.1 %.')
  })
})

describe('the assumptions and the swap set in words', () => {
  const conventions: StrategyConventions = {
    decision: '',
    period: '',
    ead: '',
    lgd: '',
    margin: 0.03,
    lgdPolicy: { secured: 0.25, unsecured: 0.65, flat: 0.45 },
    lgdSource: 'collateral',
    lgdMissing: 2
  }

  it('states the LGD used: by collateral, with the rows that had no flag, or flat', () => {
    const lines = conventionWords(conventions)
    expect(lines[1]).toContain('× 3.0 %')
    expect(lines[2]).toBe(
      'LGD 25 % for secured and 65 % for unsecured loans (Collateral column). 2 loans without a collateral flag take 45 %.'
    )
    expect(conventionWords({ ...conventions, lgdMissing: 1 })[2]).toContain(
      '1 loan without a collateral flag takes 45 %.'
    )
    expect(conventionWords({ ...conventions, lgdSource: 'flat' })[2]).toBe(
      'LGD 45 % for every loan (the data has no Collateral column).'
    )
  })

  it('counts each side of the swap set with its bad rate and ₹', () => {
    const group = {
      count: 1212,
      defaults: 25,
      badRate: 25 / 212,
      expectedBadRate: 0.119,
      exposure: 235_100_000,
      expectedLoss: 9_909_000
    }
    expect(swapGroupWords(group, 'out')).toBe(
      '1,212 applicants declined only under the new cut-off: bad rate 11.8 % (expected 11.9 %), exposure ₹23.51 crore, expected loss ₹99.09 lakh.'
    )
    expect(swapGroupWords({ ...group, count: 1 }, 'in')).toMatch(
      /^1 applicant approved only under the new cut-off/
    )
  })

  it('tells what applying a cut-off changes', () => {
    const now = point(0.256, { approvalRate: 0.925, expectedBadRate: 0.0799, expectedProfit: -541_000 })
    const next = point(0.08, { approvalRate: 0.572, expectedBadRate: 0.0559, expectedProfit: 3_178_000 })
    expect(applyImpactWords(now, next)).toBe(
      'Approves 57.2 % instead of 92.5 %; expected bad rate 5.59 % instead of 7.99 %; expected profit ₹31.78 lakh instead of −₹5.41 lakh a year.'
    )
  })
})
