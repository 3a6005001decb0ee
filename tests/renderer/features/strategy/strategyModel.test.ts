import { describe, expect, it } from 'vitest'
import type { SwapSetView } from '../../../../src/shared/validation'
import {
  axisEnd,
  nearestIndex,
  startingIndex,
  strategyTarget,
  swapCounts,
  swapEntries
} from '../../../../src/renderer/src/features/strategy/strategyModel'
import { point, report } from './fixtures'

describe('the target the Strategy form sends', () => {
  it('turns the percentages typed into shares', () => {
    expect(
      strategyTarget({ kind: 'bad-rate', badRatePercent: 4.5, basis: 'observed', approvalPercent: 70 })
    ).toEqual({ kind: 'bad-rate', maxBadRate: 0.045, basis: 'observed' })
    expect(
      strategyTarget({ kind: 'approval', badRatePercent: 4.5, basis: 'expected', approvalPercent: 62.5 })
    ).toEqual({ kind: 'approval', maxApprovalRate: 0.625 })
    expect(
      strategyTarget({ kind: 'max-profit', badRatePercent: 1, basis: 'expected', approvalPercent: 1 })
    ).toEqual({
      kind: 'max-profit'
    })
  })

  it('sends no target when none is asked for', () => {
    expect(
      strategyTarget({ kind: 'none', badRatePercent: 5, basis: 'expected', approvalPercent: 70 })
    ).toBeUndefined()
  })
})

describe('which curve point a cut-off stands on', () => {
  const curve = [point(0.25), point(0.5), point(0.75), point(1)]

  it('is the nearest point', () => {
    expect(nearestIndex(curve, 0.3)).toBe(0)
    expect(nearestIndex(curve, 0.74)).toBe(2)
    expect(nearestIndex(curve, 2)).toBe(3)
    expect(nearestIndex(curve, -1)).toBe(0)
  })

  it('is the lower point when a cut-off lies halfway between two', () => {
    expect(nearestIndex(curve, 0.375)).toBe(0)
    expect(nearestIndex(curve, 0.625)).toBe(1)
  })

  it('is none on an empty curve', () => {
    expect(nearestIndex([], 0.5)).toBe(-1)
  })

  it('starts at the recommended cut-off, else at the model’s threshold, and keeps a cut-off already chosen', () => {
    expect(startingIndex(report(curve, 0.75, 0.25), null)).toBe(0)
    expect(startingIndex(report(curve, 0.75, null), null)).toBe(2)
    expect(startingIndex(report(curve, 0.75, 0.25), 0.52)).toBe(1)
  })
})

describe('the swap set as one list', () => {
  const view: SwapSetView = {
    from: 0.2,
    to: 0.3,
    swapIn: { count: 3, defaults: 1, badRate: 1 / 3, expectedBadRate: 0.25, exposure: 0, expectedLoss: 0 },
    swapOut: { count: 0, defaults: 0, badRate: null, expectedBadRate: null, exposure: 0, expectedLoss: 0 },
    swapInRows: [
      { line: 9, id: 'C9', pd: 0.29, outcome: 1, exposure: 100 },
      { line: 4, id: 'C4', pd: 0.21, outcome: 0, exposure: 200 }
    ],
    swapOutRows: [{ line: 2, id: null, pd: 0.21, outcome: null, exposure: 300 }]
  }

  it('puts the riskiest first, then the earlier line, and says which way each decision changes', () => {
    expect(swapEntries(view).map((e) => [e.line, e.change])).toEqual([
      [9, 'in'],
      [2, 'out'],
      [4, 'in']
    ])
  })

  it('counts everyone who changes and how many main listed', () => {
    expect(swapCounts(view)).toEqual({ total: 3, listed: 3 })
    expect(swapCounts({ ...view, swapIn: { ...view.swapIn, count: 900 } })).toEqual({ total: 900, listed: 3 })
  })
})

describe('where the chart’s cut-off axis ends', () => {
  const curve = [
    point(0.1, { approvalRate: 0.5 }),
    point(0.2, { approvalRate: 0.97 }),
    point(0.33, { approvalRate: 0.98 }),
    point(1, { approvalRate: 1 })
  ]

  it('is past the cut-off approving 98 %, rounded up to 5 % with room beyond it', () => {
    // 0.33 + 0.025 = 0.355 → the next multiple of 0.05 is 0.4.
    expect(axisEnd(curve, [0.1, null])).toBeCloseTo(0.4, 12)
  })

  it('reaches a marked cut-off further right', () => {
    expect(axisEnd(curve, [0.9])).toBeCloseTo(0.95, 12)
    expect(axisEnd(curve, [0.99])).toBe(1)
  })

  it('shows at least 20 %', () => {
    expect(axisEnd([point(0.05, { approvalRate: 1 })], [0.01])).toBeCloseTo(0.2, 12)
  })
})
