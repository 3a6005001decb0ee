import { describe, expect, it } from 'vitest'
import { JOB_PHASES, jobFraction, secondsLeft } from '../../src/shared/jobs'

describe('a job’s progress over its phases', () => {
  it('adds the phases behind it to the running phase’s own progress', () => {
    // train: preparing 0.05, smote 0.08, training 0.5 → half the trees grown = 0.05 + 0.08 + 0.25
    expect(jobFraction('train', 'training', 100, 200)).toBeCloseTo(0.38, 12)
    expect(jobFraction('train', 'preparing', 0, 1)).toBe(0)
    expect(jobFraction('train', 'evaluating', 1, 1)).toBeCloseTo(1, 12)
    expect(jobFraction('train', 'done', 0, 0)).toBe(1)
    // A phase the run skips (no SMOTE) simply passes: growing trees starts at 0.13.
    expect(jobFraction('train', 'training', 0, 200)).toBeCloseTo(0.13, 12)
    expect(jobFraction('score', 'scoring', 3, 4)).toBeCloseTo(0.75, 12)
    expect(jobFraction('train', 'unknown', 5, 10)).toBe(0)
  })

  it('has phases whose shares add up to the whole job', () => {
    for (const phases of Object.values(JOB_PHASES)) {
      expect(phases.reduce((s, [, share]) => s + share, 0)).toBeCloseTo(1, 12)
    }
  })

  it('starts the time left from the estimate and moves to the measured rate as the job goes on', () => {
    expect(secondsLeft(40, 0, 0)).toBe(40)
    expect(secondsLeft(null, 5, 0)).toBeNull()
    // Halfway after 30 s of a job planned at 40 s: planned 10 s left, measured 30 s left, weighed half and half.
    expect(secondsLeft(40, 30, 0.5)).toBeCloseTo(20, 12)
    // Past the estimate, only the measured rate speaks.
    expect(secondsLeft(10, 30, 0.75)).toBeCloseTo(0.25 * 0 + 0.75 * 10, 12)
    expect(secondsLeft(null, 10, 0.25)).toBeCloseTo(30, 12)
    expect(secondsLeft(40, 20, 1)).toBe(0)
  })
})
