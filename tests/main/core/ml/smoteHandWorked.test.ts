import { describe, expect, it } from 'vitest'
import { ScriptedRng } from '../../../helpers/scriptedRng'
import { smoteNc } from '../../../../src/main/core/ml/smote'

/*
 * SMOTE-NC's distance, worked by hand. Minority rows (label 1), two numeric columns and one
 * categorical: P = (0, 0 | 0), A = (1.8, 0 | 0), B = (1.7, 0 | 1); four majority rows.
 * Standard deviations over the minority rows: column 1 has mean 7/6 and population variance
 * (49/36 + (19/30)² + (16/30)²) / 3 = 307/450; column 2 is constant (0). The median of the two
 * standard deviations is the mean of the middle two, √(307/450)/2, so a differing category
 * costs med² = 307/1800 ≈ 0.1706. From P: d²(A) = 3.24; d²(B) = 2.89 + 0.1706 = 3.0606.
 * B is P's nearest neighbour (with the larger std alone, 0.682, or a penalty of 1, A would be).
 * Seed P, slot 0, step u = 0.5: the synthetic row is P + 0.5·(B − P) = (0.85, 0) with B's category.
 */
const numeric = [Float64Array.of(0, 1.8, 1.7, 5, 5, 5, 5), Float64Array.of(0, 0, 0, 9, 9, 9, 9)]
const categorical = [Int32Array.of(0, 0, 1, 2, 2, 2, 2)]
const labels = Uint8Array.of(1, 1, 1, 0, 0, 0, 0)

describe('smoteNc, worked by hand', () => {
  it('walks towards the neighbour the median-std category penalty makes nearest', () => {
    const result = smoteNc(numeric, categorical, labels, { rng: new ScriptedRng([0], [0.5]), k: 1 })
    expect(result).toEqual({
      numeric: [Float64Array.of(0.85), Float64Array.of(0)],
      categorical: [Int32Array.of(1)],
      count: 1,
      minorityClass: 1,
      k: 1
    })
  })

  it('generates nothing, with an empty column per input column, when the classes are already balanced', () => {
    const balanced = Uint8Array.of(1, 1, 1, 0, 0, 0, 1)
    const result = smoteNc(numeric, categorical, balanced, {
      rng: new ScriptedRng([], []),
      rows: [0, 1, 2, 3, 4, 5]
    })
    expect(result).toEqual({
      numeric: [new Float64Array(0), new Float64Array(0)],
      categorical: [new Int32Array(0)],
      count: 0,
      minorityClass: 1,
      k: 2
    })
  })

  it('refuses settings and inputs it cannot use, saying which and what to do', () => {
    const rng = new ScriptedRng([], [])
    const run =
      (options: Partial<Parameters<typeof smoteNc>[3]>, cols = numeric, cats = categorical, y = labels) =>
      () =>
        smoteNc(cols, cats, y, { rng, ...options })
    for (const k of [0, -1, 1.5]) expect(run({ k })).toThrow(`SMOTE: k must be a positive integer, got ${k}.`)
    for (const targetRatio of [0, -0.5, 1.5, Number.NaN])
      expect(run({ targetRatio })).toThrow(
        `SMOTE: targetRatio must be in (0, 1] (minority count after = ratio × majority count), got ${targetRatio}.`
      )
    expect(run({}, [numeric[0], Float64Array.of(1, 2)])).toThrow(
      'SMOTE: numeric column 1 has 2 rows, labels have 7.'
    )
    expect(run({}, numeric, [Int32Array.of(1)])).toThrow(
      'SMOTE: categorical column 0 has 1 rows, labels have 7.'
    )
    for (const r of [-1, 7, 1.5])
      expect(run({ rows: [0, r] })).toThrow(`SMOTE: rows[1] = ${r} is not a row index in [0, 7).`)
    expect(run({}, numeric, categorical, Uint8Array.of(1, 1, 2, 0, 0, 0, 0))).toThrow(
      'SMOTE: label 2 at row 2; labels must be 0 or 1.'
    )
    const withNaN = [numeric[0], Float64Array.of(0, 0, Number.NaN, 9, 9, 9, 9)]
    expect(run({}, withNaN)).toThrow(
      'SMOTE: numeric column 1 is NaN at row 2; impute and scale before SMOTE.'
    )
    // The full ratio is allowed: one synthetic row here.
    expect(
      smoteNc(numeric, categorical, labels, { rng: new ScriptedRng([0], [0.5]), k: 1, targetRatio: 1 }).count
    ).toBe(1)
  })
})
