import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../src/main/core/base/random'
import type { Column, Table } from '../../../../src/main/core/data/Table'
import { buildFeatureMatrix, fitFeatureSpecs, type RawInputs } from '../../../../src/main/core/ml/preprocess'
import { smoteNc } from '../../../../src/main/core/ml/smote'
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../../src/main/core/training/trainModel'
import { serializeEnsemble } from '../../../../src/main/core/model/ensembleFormat'
import { ModelArtifactSchema } from '../../../../src/main/core/model/ModelArtifact'
import { parseModel } from '../../../../src/main/core/scoring/loadModel'
import { scoreOne } from '../../../../src/main/core/scoring/scoreOne'

const MAX = Number.MAX_VALUE
/** Finite doubles with the extremes (±MAX, ±1e308, subnormals) drawn often. */
const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(MAX, -MAX, 1e308, -1e308, 5e-324, -5e-324, 0, 1, -1)
)

const rows = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i)

describe('training and scoring stay finite for finite extremes', () => {
  // Standard scaling fitted on any finite column gives finite features for any finite input.
  it('standardises any finite values, fitted on any finite column, to finite features', () => {
    fc.assert(
      fc.property(
        fc.array(finite, { minLength: 1, maxLength: 40 }),
        fc.array(finite, { minLength: 1, maxLength: 40 }),
        (training, scored) => {
          const fitOn: RawInputs = {
            numRows: training.length,
            numeric: new Map([['x', Float64Array.from(training)]]),
            categorical: new Map()
          }
          const { features } = fitFeatureSpecs(fitOn, rows(training.length), new Set())
          const [spec] = features
          expect(spec.kind === 'numeric' && Number.isFinite(spec.mean) && Number.isFinite(spec.std)).toBe(
            true
          )
          const matrix = buildFeatureMatrix(features, {
            numRows: scored.length,
            numeric: new Map([['x', Float64Array.from(scored)]]),
            categorical: new Map()
          })
          expect(matrix.columns[0].every(Number.isFinite)).toBe(true)
          // Order is kept: a larger raw value never gets a smaller feature value.
          const order = [...scored.keys()].sort((a, b) => scored[a] - scored[b])
          for (let k = 1; k < order.length; k++)
            expect(matrix.columns[0][order[k]]).toBeGreaterThanOrEqual(matrix.columns[0][order[k - 1]])
        }
      ),
      { numRuns: 300, seed: 50 }
    )
  })

  // A synthetic row lies between a minority row and its neighbour, column by column.
  it('gives SMOTE rows inside the minority rows’ range on every column, even for unscaled extremes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(finite, finite, fc.constantFrom(0, 1)), { minLength: 6, maxLength: 40 }),
        fc.integer({ min: 1, max: 1000 }),
        (points, seed) => {
          const labels = Uint8Array.from(points, (p) => p[2])
          const ones = labels.reduce((s, v) => s + v, 0)
          fc.pre(Math.min(ones, labels.length - ones) >= 2 && ones !== labels.length - ones)
          const columns = [Float64Array.from(points, (p) => p[0]), Float64Array.from(points, (p) => p[1])]
          const result = smoteNc(columns, [], labels, { rng: new Rng(seed), k: 3 })
          columns.forEach((column, j) => {
            const minority = [...column].filter((_, i) => labels[i] === result.minorityClass)
            const lo = Math.min(...minority)
            const hi = Math.max(...minority)
            for (const v of result.numeric[j]) {
              expect(Number.isFinite(v)).toBe(true)
              expect(v).toBeGreaterThanOrEqual(lo)
              expect(v).toBeLessThanOrEqual(hi)
            }
          })
        }
      ),
      { numRuns: 200, seed: 51 }
    )
  })

  /** A loan table whose numeric columns are drawn from `values` (extremes among them). */
  const extremeTable = (n: number, values: number[], seed: number): Table => {
    const rng = new Rng(seed)
    const pick = (): number => values[rng.int(values.length)]
    const target = Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0))
    const column = (name: string, f: (i: number) => number): Column => ({
      name,
      kind: 'numeric',
      values: Float64Array.from({ length: n }, (_, i) => f(i))
    })
    return {
      numRows: n,
      columns: [
        column('Credit_Score', (i) => (target[i] ? 450 : 750) + rng.int(100)),
        column('Loan_Amount', () => pick()),
        column('Account_Balance', () => pick()),
        column('Age', () => pick()),
        column('Noise', () => pick()),
        {
          name: 'Region',
          kind: 'categorical',
          codes: Int32Array.from({ length: n }, () => rng.int(3)),
          levels: ['N', 'S', 'E']
        }
      ],
      target,
      targetName: 'Default',
      positiveClass: '1',
      lines: Int32Array.from({ length: n }, (_, i) => i + 2)
    }
  }

  // The case: such a file used to import and then crash training inside SMOTE.
  it('trains (SMOTE included) on columns holding ±1e308, ±MAX and subnormals, and scores extreme applicants finitely', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([MAX, -MAX, 1e308, -1e308, 5e-324, -5e-324, 0, 1, 1e-300, 25], { minLength: 2 }),
        fc.nat(1000),
        async (values, seed) => {
          const table = extremeTable(300, values, seed)
          const trained = await trainModel(table, 1, {
            ...DEFAULT_TRAIN_PARAMS,
            trees: 8,
            maxDepth: 6,
            threads: 1,
            seed
          })
          // The artifact is valid as stored (every statistic finite), so the model loads again.
          expect(ModelArtifactSchema.safeParse(JSON.parse(JSON.stringify(trained.artifact))).success).toBe(
            true
          )
          const model = parseModel(
            1,
            'm',
            JSON.stringify(trained.artifact),
            serializeEnsemble(trained.ensemble)
          )
          for (const x of [MAX, -MAX, 1e308, 5e-324, 0]) {
            const result = scoreOne(model, {
              Credit_Score: 500,
              Loan_Amount: x,
              Account_Balance: -x,
              Age: x,
              Noise: x,
              Region: 'N'
            })
            expect(result.Default_Probability).toBeGreaterThanOrEqual(0)
            expect(result.Default_Probability).toBeLessThanOrEqual(1)
            expect(result.Contributions.every((c) => Number.isFinite(c.contribution))).toBe(true)
            expect(result.Reasons.every((r) => !/Infinity|NaN/.test(r.text))).toBe(true)
          }
        }
      ),
      { numRuns: 6, seed: 52 }
    )
  })
})
