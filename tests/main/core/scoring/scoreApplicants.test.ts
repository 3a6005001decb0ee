import { describe, expect, it } from 'vitest'
import { rescale } from '../../../../src/main/core/scoring/scoreApplicants'

describe('rescale (raw contributions to calibrated points)', () => {
  const calibration = { kind: 'isotonic' as const, x: [0, 0.4, 0.6, 1], y: [0, 0.3, 0.3, 1] }

  it('is the chord slope between the base and the row when calibration moves between them', () => {
    // g(0.2) = 0.15, g(0.8) = 0.65
    expect(rescale(calibration, 0.8, 0.2, 0.65, 0.15)).toBeCloseTo(0.5 / 0.6, 12)
  })

  it('widens the chord on a flat isotonic step, so reasons never all vanish', () => {
    // Both 0.45 and 0.5 map to 0.3: the plain chord is flat.
    const scale = rescale(calibration, 0.45, 0.5, 0.3, 0.3)
    expect(scale).toBeGreaterThan(0)
    // lo = 0.35 → 0.2625, hi = 0.6 → 0.3 after one widening step
    expect(scale).toBeCloseTo((0.3 - 0.2625) / (0.6 - 0.35), 12)
  })

  it('falls back to 1 when calibration is flat everywhere', () => {
    expect(rescale({ kind: 'isotonic', x: [0, 1], y: [0.2, 0.2] }, 0.3, 0.5, 0.2, 0.2)).toBe(1)
  })
})
