import { describe, expect, it } from 'vitest'
import { applyCalibration, type CalibrationModel } from '../../../../src/main/core/ml/calibration'
import { rescale } from '../../../../src/main/core/scoring/scoreApplicants'

describe('rescale (margin contributions to calibrated points)', () => {
  const calibration = { kind: 'isotonic' as const, x: [0, 0.4, 0.6, 1], y: [0, 0.3, 0.3, 1] }
  const through = (c: CalibrationModel) => (m: number) => applyCalibration(c, m)

  it('is the chord slope between the base and the row when calibration moves between them', () => {
    // g(0.2) = 0.15, g(0.8) = 0.65
    expect(rescale(through(calibration), 'identity', 0.8, 0.2, 0.65, 0.15)).toBeCloseTo(0.5 / 0.6, 12)
  })

  it('widens the chord on a flat isotonic step, so reasons never all vanish', () => {
    // Both 0.45 and 0.5 map to 0.3: the plain chord is flat.
    const scale = rescale(through(calibration), 'identity', 0.45, 0.5, 0.3, 0.3)
    expect(scale).toBeGreaterThan(0)
    // lo = 0.35 → 0.2625, hi = 0.6 → 0.3 after one widening step
    expect(scale).toBeCloseTo((0.3 - 0.2625) / (0.6 - 0.35), 12)
  })

  it('falls back to 1 when calibration is flat everywhere', () => {
    const flat = through({ kind: 'isotonic', x: [0, 1], y: [0.2, 0.2] })
    expect(rescale(flat, 'identity', 0.3, 0.5, 0.2, 0.2)).toBe(1)
  })

  it('widens a log-odds margin beyond [0, 1]: a flat step around margins 2 and 2.1 still gives a slope', () => {
    // Calibration flat at 0.85 for scores in [0.8, 0.9]; sigmoid(2) ≈ 0.881, sigmoid(2.1) ≈ 0.891.
    const step = { kind: 'isotonic' as const, x: [0, 0.8, 0.9, 1], y: [0, 0.85, 0.85, 1] }
    const sigmoid = (m: number): number => 1 / (1 + Math.exp(-m))
    const toP = (m: number): number => applyCalibration(step, sigmoid(m))
    const scale = rescale(toP, 'logistic', 2.1, 2, 0.85, 0.85)
    // First widening: [1.75, 2.35]; sigmoid(1.75) = 0.8520 (flat), sigmoid(2.35) = 0.9129 → 0.9129 calibrated.
    const expected = (toP(2.35) - toP(1.75)) / 0.6
    expect(expected).toBeGreaterThan(0)
    expect(scale).toBeCloseTo(expected, 12)
  })
})
