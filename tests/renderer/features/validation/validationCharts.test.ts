import { describe, expect, it } from 'vitest'
import {
  gradeCalibrationOption,
  psiBinsOption
} from '../../../../src/renderer/src/features/validation/validationCharts'
import { grade } from './fixtures'

interface BarShape {
  name: string
  data: number[]
}

describe('the validation charts', () => {
  it('set each grade’s mean PD beside its observed default rate, leaving out empty grades', () => {
    const option = gradeCalibrationOption([
      grade('A', { meanPd: 0.0342, observedRate: 0.0167 }),
      grade('B', { count: 0, meanPd: null, observedRate: null, binomialP: null }),
      grade('E', { meanPd: 0.6166, observedRate: 0.7917 })
    ])
    expect((option.xAxis as { data: string[] }).data).toEqual(['Grade A', 'Grade E'])
    expect((option.series as BarShape[]).map((s) => [s.name, s.data])).toEqual([
      ['Mean PD', [0.0342, 0.6166]],
      ['Observed rate', [0.0167, 0.7917]]
    ])
  })

  it('set each score bin’s reference share beside the current one', () => {
    const option = psiBinsOption(
      {
        psi: 0.02,
        binning: 'reference deciles',
        bins: [
          { label: '≤ 3.5 %', expectedShare: 0.5, actualShare: 0.45, contribution: 0.005 },
          { label: '> 3.5 %', expectedShare: 0.5, actualShare: 0.55, contribution: 0.0048 }
        ]
      },
      'Held-out rows',
      'Newer loans'
    )
    expect((option.xAxis as { data: string[] }).data).toEqual(['≤ 3.5 %', '> 3.5 %'])
    expect((option.series as BarShape[]).map((s) => [s.name, s.data])).toEqual([
      ['Held-out rows', [0.5, 0.5]],
      ['Newer loans', [0.45, 0.55]]
    ])
  })
})
