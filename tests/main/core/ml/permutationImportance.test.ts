import { describe, expect, it } from 'vitest'
import { ScriptedRng } from '../../../helpers/scriptedRng'
import { permutationImportance } from '../../../../src/main/core/ml/permutationImportance'

/*
 * Worked by hand. Four rows, y = 1 0 1 0, the model scores with column 0 as it is:
 *   x = 4 3 2 1 → positives 4, 2 beat negatives 3, 1 in 3 of 4 pairs: AUC 0.75.
 * Fisher–Yates over 4 values asks int(4), int(3), int(2) and swaps i = 3, 2, 1 with the answer.
 *   repeat 1, answers 0 2 1: swap(3,0) → 1 3 2 4, then nothing → positives 1, 2 beat no
 *     negative (3, 4): AUC 0, drop 0.75;
 *   repeat 2, answers 3 2 1: nothing moves → AUC 0.75, drop 0.
 * Mean drop 0.375; population standard deviation √((0.375² + 0.375²) / 2) = 0.375.
 */
const y = Uint8Array.of(1, 0, 1, 0)
const x = Float64Array.of(4, 3, 2, 1)
const unused = Float64Array.of(7, 7, 8, 9)
const byFirstColumn = (columns: Float64Array[]): Float64Array => Float64Array.from(columns[0])

describe('permutationImportance, worked by hand', () => {
  it('gives the drops, their mean and population standard deviation for known shuffles', () => {
    const rng = new ScriptedRng([0, 2, 1, 3, 2, 1, 0, 0, 0, 1, 1, 0])
    const result = permutationImportance(byFirstColumn, [x, unused], y, ['x', 'unused'], { rng, repeats: 2 })
    expect(result.baseline).toBe(0.75)
    expect(result.features[0]).toEqual({
      feature: 'x',
      drops: [0.75, 0],
      importanceMean: 0.375,
      importanceStd: 0.375
    })
    // The unused column: whatever its order, the scores do not move.
    expect(result.features[1]).toEqual({
      feature: 'unused',
      drops: [0, 0],
      importanceMean: 0,
      importanceStd: 0
    })
    // Fisher–Yates asks for one index per position from the last down to the second, per repeat and column.
    expect(rng.asked).toEqual([4, 3, 2, 4, 3, 2, 4, 3, 2, 4, 3, 2])
  })

  it('takes a single repeat (standard deviation 0) and refuses a count that is not a positive integer', () => {
    const one = permutationImportance(byFirstColumn, [x], y, ['x'], {
      rng: new ScriptedRng([0, 2, 1]),
      repeats: 1
    })
    expect(one.features[0]).toEqual({ feature: 'x', drops: [0.75], importanceMean: 0.75, importanceStd: 0 })
    for (const repeats of [0, -1, 1.5, Number.NaN]) {
      expect(() =>
        permutationImportance(byFirstColumn, [x], y, ['x'], { rng: new ScriptedRng([]), repeats })
      ).toThrow(`repeats must be a positive integer, got ${repeats}.`)
    }
  })

  it('refuses names that do not match the columns, and a column of another length, naming it', () => {
    const rng = new ScriptedRng([])
    expect(() => permutationImportance(byFirstColumn, [x, unused], y, ['x'], { rng })).toThrow(
      'permutationImportance: 2 feature columns but 1 feature names; pass one name per column.'
    )
    expect(() =>
      permutationImportance(byFirstColumn, [x, Float64Array.of(1, 2, 3)], y, ['x', 'short'], { rng })
    ).toThrow('permutationImportance: column "short" has 3 rows but there are 4 labels.')
    expect(rng.asked).toEqual([])
  })
})
