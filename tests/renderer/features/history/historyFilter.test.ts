import { describe, expect, it } from 'vitest'
import { HistoryInput } from '../../../../src/shared/api'
import { HISTORY_LIMIT, historyQuery } from '../../../../src/renderer/src/features/history/historyFilter'

describe('historyQuery', () => {
  it('asks for everything, newest first up to main’s cap, when no filter is set', () => {
    const query = historyQuery({ days: null, modelId: null, decision: null, kind: null })
    expect(query).toEqual({ limit: HISTORY_LIMIT })
    expect(HistoryInput.parse(query)).toEqual(query)
  })

  it('turns local calendar days into the UTC instants of their first and last millisecond', () => {
    const first = new Date(2026, 2, 1, 15, 30)
    const last = new Date(2026, 2, 3, 9, 0)
    const query = historyQuery({ days: [first, last], modelId: 4, decision: 'default', kind: 'single' })
    expect(query.from).toBe(new Date(2026, 2, 1, 0, 0, 0, 0).toISOString())
    expect(query.to).toBe(new Date(2026, 2, 3, 23, 59, 59, 999).toISOString())
    expect(query).toMatchObject({ modelId: 4, decision: 'default', kind: 'single' })
    expect(HistoryInput.parse(query)).toEqual(query)
  })
})
