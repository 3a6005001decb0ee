import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Channel } from '../../../src/shared/api'
import { useTrainedTemplate } from '../../fixtures/trainedDatabase'
import { useHandlerHarness } from '../../helpers/handlerHarness'
import { useTempDir } from '../../helpers/tempDir'

// The Strategy and Validation screens' calls, over a trained database: what main answers is
// what `ptm strategy` and `ptm validate` compute on the same rows.
describe('committee calls', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 3000, seed: 4 })
  const harness = useHandlerHarness(template, tmp)
  const setUp = () => {
    const { service, envelope, saves, ids } = harness('c.db')
    // The committee's answers are read as the plain objects `ptm` prints.
    const call = async <T>(channel: Channel, input: unknown): Promise<T> => {
      const answer = await envelope(channel, input)
      if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`)
      return answer.value as T
    }
    return { service, call, saves, modelId: ids.modelId }
  }

  it('gives the strategy curve, the swap set between two cut-offs and applies a cut-off with its reason', async () => {
    const { service, call, modelId } = setUp()
    const report = await call<{
      result: { curve: { cutoff: number; approvalRate: number }[]; modelThreshold: number }
    }>('committee/strategy', { modelId, target: { kind: 'approval', maxApprovalRate: 0.8 } })
    const cli = await service.strategy(modelId, { target: { kind: 'approval', maxApprovalRate: 0.8 } })
    expect(report).toEqual(cli)
    const from = report.result.modelThreshold
    const to = 0.3
    const swap = await call<{
      swapIn: { count: number }
      swapOut: { count: number }
      swapInRows: { pd: number }[]
    }>('committee/swapSet', { modelId, from, to, limit: 5 })
    // Everyone with a PD in [from, to) is approved only under the new cut-off.
    const population = await service.population(modelId)
    const between = population.pd.filter((p) => p >= Math.min(from, to) && p < Math.max(from, to)).length
    expect(from < to ? swap.swapIn.count : swap.swapOut.count).toBe(between)
    expect(swap.swapInRows.length).toBeLessThanOrEqual(5)
    for (let i = 1; i < swap.swapInRows.length; i++)
      expect(swap.swapInRows[i].pd).toBeLessThanOrEqual(swap.swapInRows[i - 1].pd)
    const change = await call<{ threshold: number; previous: number; reason: string }>(
      'committee/applyThreshold',
      {
        modelId,
        threshold: 0.3,
        reason: 'Board meeting 7 Dec'
      }
    )
    expect(change).toMatchObject({ threshold: 0.3, previous: from, reason: 'Board meeting 7 Dec' })
    expect(await call('committee/thresholdHistory', { modelId })).toEqual([change])
    expect(service.models.summary(modelId).threshold).toBe(0.3)
  })

  it('validates with segments and writes the pack where the save dialog says', async () => {
    const { call, saves, modelId } = setUp()
    const columns = await call<string[]>('committee/columns', { modelId })
    expect(columns).toContain('Region')
    const pack = await call<{ verdicts: unknown[]; segments: { segments: { column: string }[] } }>(
      'committee/validate',
      { modelId, segments: ['Region'], replicates: 200 }
    )
    expect(pack.verdicts.length).toBeGreaterThan(5)
    expect(pack.segments.segments.every((s) => s.column === 'Region')).toBe(true)
    const written = await call<{ path: string }>('committee/validationReport', { modelId, replicates: 200 })
    expect(saves).toEqual([`model-${modelId}-validation.pdf`])
    expect(readFileSync(written.path).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('exports a model to ONNX where the save dialog says', async () => {
    const { call, modelId } = setUp()
    const report = await call<{ file: string; bytes: number; format: string }>('models/exportOnnx', {
      id: modelId
    })
    expect(report.format).toBe('onnx')
    expect(existsSync(report.file)).toBe(true)
    expect(readFileSync(report.file).length).toBe(report.bytes)
  })
})
