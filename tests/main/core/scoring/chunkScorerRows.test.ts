import { describe, expect, it } from 'vitest'
import { ChunkScorer } from '../../../../src/main/core/scoring/ChunkScorer'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'

// ChunkScorer copies a record kept as written into the scored row byte for byte when its chunk
// is valid UTF-8 (every chunk the coordinator cuts: the encoding guard refuses the rest), and
// decodes it otherwise. These tests put both kinds of chunk to it directly.

const template = useTrainedTemplate({ rows: 1500, seed: 5 })

async function scorer(): Promise<{ scorer: ChunkScorer; header: string[]; row: (region: string) => string }> {
  const service = Workbench.open(template.template(), undefined, { verify: false })
  try {
    const model = await service.batchModel()
    const header = model.artifact.inputs.map((f) => f.name)
    const plan = { header, delimiter: ',', columnOf: header.map((_, i) => i) }
    // One applicant, every input given; the region's cell is the one the tests vary.
    const row = (region: string): string =>
      model.artifact.inputs
        .map((f) =>
          f.kind === 'numeric' ? String(f.median ?? 0) : f.name === 'Region' ? region : (f.mostFrequent ?? '')
        )
        .join(',')
    return { scorer: new ChunkScorer(model.artifact, model.compiled, plan), header, row }
  } finally {
    service.close()
  }
}

/** The scored rows' bytes, and their text up to the model's first output column. */
function scored(s: ChunkScorer, bytes: Uint8Array): { rows: Buffer; inputs: string[] } {
  const result = s.score({ bytes })
  const rows = Buffer.from(result.output)
  expect(result.errors).toEqual([])
  return { rows, inputs: rows.toString('utf8').trimEnd().split('\n') }
}

describe('ChunkScorer rows', () => {
  it('copies records of a UTF-8 chunk byte for byte, other alphabets included', async () => {
    const { scorer: s, row } = await scorer()
    const records = [row('North'), row('Nord-Est é'), row('उत्तर')]
    const bytes = Buffer.from(records.join('\n') + '\n', 'utf8')
    const { rows, inputs } = scored(s, bytes)
    records.forEach((record, i) => expect(inputs[i].startsWith(`${record},`), record).toBe(true))
    // The record's own bytes, as written, begin each row.
    let at = 0
    for (const record of records) {
      const own = Buffer.from(record, 'utf8')
      expect(rows.subarray(at, at + own.length)).toEqual(own)
      at = rows.indexOf(0x0a, at) + 1
    }
  })

  it('decodes records of a chunk that is not UTF-8, a stray byte read as U+FFFD as before', async () => {
    const { scorer: s, row } = await scorer()
    const good = Buffer.from(row('North') + '\n', 'utf8')
    const stray = Buffer.concat([Buffer.from(row('Ea'), 'utf8'), Buffer.from([0xff, 0x0a])])
    const { rows, inputs } = scored(s, Buffer.concat([good, stray]))
    expect(inputs[0].startsWith(`${row('North')},`)).toBe(true)
    expect(inputs[1].startsWith(`${row('Ea')}\ufffd,`)).toBe(true)
    // Written as the replacement character's UTF-8, not as the stray byte.
    expect(rows.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(true)
    expect(rows.includes(0xff)).toBe(false)
  })

  it('writes a chunk into spare memory the same bytes as into its own, and outgrows a spare too small', async () => {
    const { scorer: s, row } = await scorer()
    const bytes = Buffer.from(
      Array.from({ length: 40 }, (_, i) => row(i % 2 ? 'North' : 'East')).join('\n') + '\n'
    )
    const fresh = Buffer.from(s.score({ bytes }).output)
    // Memory an earlier output left, filled with bytes that must not show through.
    const roomy = new ArrayBuffer(bytes.length * 4)
    new Uint8Array(roomy).fill(0x7e)
    const intoSpare = s.score({ bytes, spare: roomy }).output
    expect(intoSpare.buffer).toBe(roomy)
    expect(Buffer.from(intoSpare)).toEqual(fresh)
    const small = new ArrayBuffer(16)
    const outgrown = s.score({ bytes, spare: small }).output
    expect(outgrown.buffer).not.toBe(small)
    expect(Buffer.from(outgrown)).toEqual(fresh)
  })
})
