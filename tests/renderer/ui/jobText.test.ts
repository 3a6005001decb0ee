import { describe, expect, it } from 'vitest'
import type { JobInfo } from '../../../src/shared/dto'
import { jobPercent, timeLeftText } from '../../../src/renderer/src/ui/jobText'

function job(done: number, total: number): JobInfo {
  return { done, total } as JobInfo
}

describe('job text', () => {
  it('rounds progress down to a whole percentage, 0 while the work cannot be counted', () => {
    expect(jobPercent(job(46, 300))).toBe(15)
    expect(jobPercent(job(299, 300))).toBe(99)
    expect(jobPercent(job(300, 300))).toBe(100)
    expect(jobPercent(job(350, 300))).toBe(100)
    expect(jobPercent(job(5, 0))).toBe(0)
  })

  it('says the time left, or that it is still being estimated', () => {
    expect(timeLeftText(null)).toBe('estimating…')
    expect(timeLeftText(3.4)).toBe('~3 s')
    expect(timeLeftText(125)).toBe('~2 min 05 s')
  })
})
