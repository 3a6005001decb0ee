import { describe, expect, it } from 'vitest'
import type { JobInfo } from '../../../src/shared/jobs'
import { jobPercent, phaseText, timeLeftText } from '../../../src/renderer/src/ui/jobText'
import { JOB_PHASES } from '../../../src/shared/jobs'
import { setLang } from '../../../src/renderer/src/i18n'

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

  // A job whose estimate ran out is still working: it never sits at "~0 s".
  it('says the job is finishing once its estimate has run out', () => {
    expect(timeLeftText(0.4)).toBe('finishing…')
    expect(timeLeftText(0)).toBe('finishing…')
  })

  it('labels every phase a job reports, in English and Hindi', () => {
    for (const phases of Object.values(JOB_PHASES))
      for (const [phase] of phases) expect(phaseText(phase), phase).not.toBe(phase)
    expect(phaseText('cross-fitting')).toBe('Cross-fitting honest scores')
    setLang('hi')
    expect(phaseText('training')).toBe('ट्री बनाए जा रहे हैं')
    setLang('en')
  })
})
