import { describe, expect, it } from 'vitest'
import type { JobInfo } from '../../../src/shared/jobs'
import { jobPercent, timeLeftText } from '../../../src/renderer/src/ui/jobText'

function job(fraction: number): JobInfo {
  return { fraction } as JobInfo
}

describe('job text', () => {
  it('shows the whole job’s progress as a whole percentage, rounded down', () => {
    expect(jobPercent(job(0.159))).toBe(15)
    expect(jobPercent(job(0.999))).toBe(99)
    expect(jobPercent(job(1))).toBe(100)
    expect(jobPercent(job(0))).toBe(0)
  })

  it('says the time left, or that it is still being estimated', () => {
    expect(timeLeftText(null)).toBe('estimating…')
    expect(timeLeftText(3.4)).toBe('~3 s')
    expect(timeLeftText(125)).toBe('~2 min 05 s')
  })
})
