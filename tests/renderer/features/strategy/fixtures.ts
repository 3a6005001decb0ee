import type { StrategyPoint, StrategyReport } from '../../../../src/shared/validation'

/** A curve point with round figures; `over` sets the ones a test cares about. */
export function point(cutoff: number, over: Partial<StrategyPoint> = {}): StrategyPoint {
  return {
    cutoff,
    approved: 0,
    approvalRate: 0,
    badRate: null,
    expectedBadRate: null,
    exposure: 0,
    expectedLoss: 0,
    expectedIncome: 0,
    expectedProfit: 0,
    ...over
  }
}

/** A strategy report over `curve`, with the model's threshold and an optional recommended cut-off. */
export function report(
  curve: StrategyPoint[],
  threshold: number,
  recommended: number | null
): StrategyReport {
  const at = curve.find((p) => p.cutoff === threshold)!
  const rec = recommended === null ? null : curve.find((p) => p.cutoff === recommended)!
  return {
    model: { id: 3, name: 'm', threshold },
    data: { label: 'held-out rows', rows: 100, skipped: [] },
    result: {
      rows: 100,
      defaults: 10,
      curve,
      modelThreshold: threshold,
      atModelThreshold: at,
      recommended: rec && { target: { kind: 'max-profit' }, cutoff: rec.cutoff, point: rec, reason: '' },
      conventions: {
        decision: '',
        period: '',
        ead: '',
        lgd: '',
        margin: 0.03,
        lgdPolicy: { secured: 0.25, unsecured: 0.65, flat: 0.45 },
        lgdSource: 'flat',
        lgdMissing: 0
      }
    }
  }
}
