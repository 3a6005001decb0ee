import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { ChunkScorer, type FilePlan } from '../../../../src/main/core/scoring/ChunkScorer'
import type { BatchModel } from '../../../../src/main/core/scoring/scoreCsvFile'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { FIELD_UNITS, type DictionaryEntry } from '../../../../src/shared/dictionary'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'

// A comma-separated file's rows are written as bytes (records copied, reasons by ReasonCell);
// any other delimiter's through csv-stringify, every reason as DecisionText's string. Scoring
// the same rows both ways, under any dictionary, must give the same cells.

const template = useTrainedTemplate({ rows: 1500, seed: 5 })
let model: BatchModel

beforeAll(async () => {
  const service = Workbench.open(template.template(), undefined, { verify: false })
  try {
    model = await service.batchModel()
  } finally {
    service.close()
  }
})

// Field names and category words that quote a cell, start a formula, or are plain.
const words = fc.oneof(
  fc.string({ minLength: 1, maxLength: 10 }),
  fc.constantFrom('Income', 'a,b', 'two\nlines', 'say "so"', '=1+1', '-lent', '@home', 'आय', '₹ — %')
)
const numbers = fc.oneof(
  fc.integer({ min: -1e6, max: 1e7 }),
  fc.tuple(fc.integer({ min: 0, max: 1e7 }), fc.constantFrom(10, 100, 1000)).map(([n, s]) => n / s),
  fc.tuple(fc.integer({ min: 0, max: 1e5 }), fc.constantFrom(2, 20, 200)).map(([n, s]) => (2 * n + 1) / s),
  fc.constantFrom(0, 1e15, 0.285, 1.005)
)

function plan(header: string[], delimiter: string, dictionary: DictionaryEntry[]): FilePlan {
  return { header, delimiter, columnOf: header.map((_, i) => i), dictionary }
}

/** The cells after each scored row's record: probability, decision, grade and the three reasons. */
function results(scorer: ChunkScorer, text: string, inputs: number): string[][] {
  const out = scorer.score({ bytes: Buffer.from(text, 'utf8') })
  const rows = parse(Buffer.from(out.output).toString('utf8'), { relax_column_count: true }) as string[][]
  return rows.map((row) => row.slice(inputs))
}

describe('ChunkScorer reasons as bytes', () => {
  it('writes the cells the string path writes, for any dictionary and any values', () => {
    const inputs = model.artifact.inputs
    const header = inputs.map((f) => f.name)
    const names = [...new Set([...header, ...model.artifact.features.map((f) => f.name)])]
    const entry = fc.record({
      label: fc.record({ en: words, hi: fc.constant('') }),
      unit: fc.constantFrom(...FIELD_UNITS),
      values: fc.option(
        fc.dictionary(fc.constantFrom('North', 'South', 'x'), fc.record({ en: words, hi: words })),
        {
          nil: undefined
        }
      )
    })
    const row = fc.tuple(
      ...inputs.map((f) =>
        f.kind === 'numeric'
          ? fc.oneof(numbers.map(String), fc.constant(''))
          : fc.oneof(fc.constantFrom(...(f.categories ?? ['x']), ''), words)
      )
    )
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: names.length, maxLength: names.length }),
        fc.array(row, { minLength: 1, maxLength: 12 }),
        (entries, rows) => {
          const dictionary: DictionaryEntry[] = entries.map((e, i) => ({
            field: names[i],
            description: { en: '', hi: '' },
            ...e
          }))
          const bytes = new ChunkScorer(model.artifact, model.compiled, plan(header, ',', dictionary))
          const strings = new ChunkScorer(model.artifact, model.compiled, plan(header, ';', dictionary))
          const viaBytes = results(bytes, stringify(rows), header.length)
          const viaStrings = results(strings, stringify(rows, { delimiter: ';' }), header.length)
          expect(viaBytes).toEqual(viaStrings)
        }
      ),
      { numRuns: 60 }
    )
  })
})
